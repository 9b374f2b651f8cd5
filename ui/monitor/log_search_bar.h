// LogSearchBar: the Ctrl+F strip under the log: text, previous/next, match count, close.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace tb {

class LogSearchBar : public QWidget {
    Q_OBJECT
public:
    explicit LogSearchBar(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    void setStatus(const QString& status);
    void activate();  // show, focus, select the text

Q_SIGNALS:
    void findRequested(const QString& text, bool backward);
    void textChanged(const QString& text);
    void closed();

private:
    QLineEdit* m_edit = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace tb
