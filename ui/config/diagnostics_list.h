#pragma once
// The config's problems as "LINE:COL  message" rows; activating one asks to show the spot.

#include <QListWidget>
#include <vector>

#include "core/config/config_file.h"

namespace tb {

class DiagnosticsList : public QListWidget {
    Q_OBJECT

public:
    explicit DiagnosticsList(QWidget* parent = nullptr);

    void setDiagnostics(const std::vector<Diagnostic>& diagnostics);
    // What the list says when there is no problem (the config editor's line by default).
    void setReadyText(const QString& text) { m_readyText = text; }
    // Rows read FILE:LINE:COL, for a list whose problems come from more than one file.
    void setShowFile(bool show) { m_showFile = show; }

Q_SIGNALS:
    // `key` is the schema key the problem is about, "" when it is about no single key.
    void problemActivated(int line, int column, const QString& key);

private:
    QString m_readyText;
    bool m_showFile = false;
};

}  // namespace tb
