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

Q_SIGNALS:
    // `key` is the schema key the problem is about, "" when it is about no single key.
    void problemActivated(int line, int column, const QString& key);
};

}  // namespace tb
