// DiagnosticsList: one row per diagnostic, position first so the list reads like a compiler's.
#include "diagnostics_list.h"
#include "core/services/message_translation.h"

namespace tb {
namespace {

constexpr int kLineRole = Qt::UserRole;
constexpr int kColumnRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;

}  // namespace

DiagnosticsList::DiagnosticsList(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("diagnostics"));
    setAlternatingRowColors(true);
    // A single click is enough: the list is a list of places to go.
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int line = item->data(kLineRole).toInt();
        if (line > 0) {
            Q_EMIT problemActivated(line, item->data(kColumnRole).toInt(),
                                    item->data(kKeyRole).toString());
        }
    });
    connect(this, &QListWidget::itemActivated, this, &QListWidget::itemClicked);
}

void DiagnosticsList::setDiagnostics(const std::vector<Diagnostic>& diagnostics) {
    clear();
    for (const Diagnostic& d : diagnostics) {
        QString where =
            d.line > 0 ? QStringLiteral("%1:%2").arg(d.line).arg(d.column) : tr("(file)");
        const QString file = QString::fromStdString(d.file);
        if (m_showFile && !file.isEmpty()) where = d.line > 0 ? file + ':' + where : file;
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(where, translatedMessage(d.message)), this);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        item->setData(kLineRole, d.line);
        item->setData(kColumnRole, d.column);
        item->setData(kKeyRole, QString::fromStdString(d.key));
    }
    if (diagnostics.empty()) {
        auto* ok = new QListWidgetItem(
            m_readyText.isEmpty() ? tr("No problems: the config is ready to run.") : m_readyText,
            this);
        ok->setFlags(Qt::ItemIsEnabled);
    }
}

}  // namespace tb
