// HostReportPanel: one section per topic; rows a warning talks about are drawn in the warning
// colour.

#include "host_report_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/style/tone.h"

namespace tb {

namespace {

bool mentioned(const QStringList& warnings, const QString& needle) {
    for (const QString& warning : warnings)
        if (warning.contains(needle)) return true;
    return false;
}

QString inodeText(const ProbedDisk& disk) {
    if (disk.totalInodes < 0) return {};
    if (disk.totalInodes == 0) return QObject::tr(", no inode limit");
    return QObject::tr(", %L1 of %L2 inodes free").arg(disk.freeInodes).arg(disk.totalInodes);
}

QString torchText(const ProbedPython& python) {
    if (python.timedOut) return QObject::tr("did not answer in time");
    if (python.torchVersion.isEmpty()) return QObject::tr("no torch");
    if (python.torchCuda.isEmpty())
        return QObject::tr("torch %1, CPU only").arg(python.torchVersion);
    return QObject::tr("torch %1, CUDA %2 %3")
        .arg(python.torchVersion, python.torchCuda,
             python.torchCudaAvailable ? QObject::tr("(available)")
                                       : QObject::tr("(NOT available)"));
}

}  // namespace

HostReportPanel::HostReportPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("HostReportPanel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("probeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);  // one round trip: nothing to count, only that it runs
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelProbe"));
    m_cancel->setToolTip(tr("Stop probing (Esc)"));
    m_cancel->setShortcut(Qt::Key_Escape);
    connect(m_cancel, &QPushButton::clicked, this, &HostReportPanel::cancelRequested);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("probeWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    theme::setToneStyle(m_warnings, theme::Tone::Warning,
                        QStringLiteral("QLabel { background: %2; color: %3; border: 1px solid %1; "
                                       "border-radius: 3px; padding: 4px; }"));

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("probeReport"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Item"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_warnings);
    layout->addWidget(m_tree, 1);
    showNothing();
}

bool HostReportPanel::isProbing() const {
    return !m_progress->isHidden();
}

void HostReportPanel::setProbing(bool probing) {
    m_progress->setVisible(probing);
    m_cancel->setVisible(probing);
    m_cancel->setEnabled(probing);
}

void HostReportPanel::showNothing(const QString& hostName) {
    setProbing(false);
    m_tree->clear();
    setWarnings({});
    m_status->setText(hostName.isEmpty()
                          ? tr("Select a host to see what it offers.")
                          : tr("%1 has not been probed yet: press Probe (F5).").arg(hostName));
}

void HostReportPanel::showProbing(const QString& hostName) {
    setProbing(true);
    m_status->setText(tr("Probing %1: OS, disks, GPUs, Python and torch…").arg(hostName));
}

void HostReportPanel::showStopped(const QString& sentence) {
    setProbing(false);
    m_status->setText(sentence);
}

void HostReportPanel::showReport(const QString& hostName, const HostReport& report,
                                 const QDateTime& when) {
    setProbing(false);
    m_status->setText(
        tr("%1, probed at %2").arg(hostName, when.toString(QStringLiteral("HH:mm:ss"))));
    const QStringList warnings = report.warnings();
    setWarnings(warnings);
    m_tree->clear();
    fillSystem(report);
    fillGpus(report);
    fillDisks(report, warnings);
    fillPythons(report, warnings);
    fillTools(report);
    m_tree->expandAll();
}

void HostReportPanel::setWarnings(const QStringList& warnings) {
    QStringList lines;
    for (const QString& warning : warnings) lines.append(QStringLiteral("⚠ ") + warning);
    m_warnings->setText(lines.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}

QTreeWidgetItem* HostReportPanel::section(const QString& title) {
    auto* item = new QTreeWidgetItem(m_tree, {title});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    return item;
}

QTreeWidgetItem* HostReportPanel::addRow(QTreeWidgetItem* parent, const QString& label,
                                         const QString& value, bool warn) {
    auto* item = new QTreeWidgetItem(parent, {label, value});
    item->setToolTip(1, value);
    if (warn) {
        for (int column = 0; column < 2; ++column)
            item->setForeground(column, theme::color(theme::Tone::Error, palette()));
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    return item;
}

void HostReportPanel::fillSystem(const HostReport& report) {
    QTreeWidgetItem* system = section(tr("System"));
    addRow(system, tr("OS"), report.os);
    addRow(system, tr("Kernel"), report.kernel);
    addRow(system, tr("Machine"), report.machine);
    addRow(system, tr("CPUs"), QString::number(report.cpus));
    addRow(system, tr("RAM"),
           tr("%1 (%2 available)").arg(gib(report.memTotalBytes), gib(report.memAvailableBytes)));
}

void HostReportPanel::fillGpus(const HostReport& report) {
    QTreeWidgetItem* gpus = section(tr("GPUs"));
    if (report.gpus.isEmpty()) {
        addRow(gpus, tr("Visible"), report.gpuError.isEmpty() ? tr("none") : report.gpuError, true);
        return;
    }
    for (const ProbedGpu& gpu : report.gpus)
        addRow(gpus, tr("GPU %1").arg(gpu.index),
               tr("%1, %L2 MiB").arg(gpu.name).arg(gpu.memoryMiB));
    addRow(gpus, tr("Driver"), report.driverVersion);
    addRow(gpus, tr("CUDA (driver)"), report.cudaVersion);
}

void HostReportPanel::fillDisks(const HostReport& report, const QStringList& warnings) {
    QTreeWidgetItem* disks = section(tr("Disks"));
    for (const ProbedDisk& disk : report.disks) {
        const QString value =
            tr("%1 free of %2%3").arg(gib(disk.freeBytes), gib(disk.totalBytes), inodeText(disk));
        const QString label = disk.role == DiskRole::Other
                                  ? disk.mount
                                  : tr("%1 (%2)").arg(disk.mount, diskRoleName(disk.role));
        QTreeWidgetItem* row =
            addRow(disks, label, value,
                   mentioned(warnings, QLatin1Char(' ') + disk.mount + QStringLiteral(" is ")));
        row->setToolTip(0, disk.filesystem);
    }
}

void HostReportPanel::fillPythons(const HostReport& report, const QStringList& warnings) {
    QTreeWidgetItem* pythons = section(tr("Python"));
    if (report.pythons.isEmpty()) addRow(pythons, tr("Python"), tr("none found"), true);
    for (const ProbedPython& python : report.pythons) {
        const QString version =
            python.version.isEmpty() ? QString() : python.version + QStringLiteral(" · ");
        addRow(pythons, python.path, version + torchText(python), mentioned(warnings, python.path));
    }
}

void HostReportPanel::fillTools(const HostReport& report) {
    QTreeWidgetItem* tools = section(tr("Tools"));
    for (const QString& tool : report.toolsFound) addRow(tools, tool, tr("found"));
    for (const QString& tool : report.toolsMissing) addRow(tools, tool, tr("missing"));
}

QString HostReportPanel::valueOf(const QString& sectionTitle, const QString& label) const {
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* top = m_tree->topLevelItem(i);
        if (top->text(0) != sectionTitle) continue;
        for (int j = 0; j < top->childCount(); ++j)
            if (top->child(j)->text(0) == label) return top->child(j)->text(1);
    }
    return {};
}

}  // namespace tb
