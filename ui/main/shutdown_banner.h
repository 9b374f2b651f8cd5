#pragma once
// ShutdownBanner: the status bar's "box shuts down in 4:32" with its Cancel button, shown while
// any host has a shutdown armed or counting down, whatever the runs table shows.

#include <QWidget>

class QLabel;
class QPushButton;

namespace tb {

class ShutdownWatch;

class ShutdownBanner : public QWidget {
    Q_OBJECT

public:
    explicit ShutdownBanner(ShutdownWatch* watch, QWidget* parent = nullptr);

    QLabel* label() const { return m_label; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString shownRun() const { return m_run; }

private:
    void update();

    ShutdownWatch* m_watch;
    QLabel* m_label;
    QPushButton* m_cancel;
    QString m_run;
};

}  // namespace tb
