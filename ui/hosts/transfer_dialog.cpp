// TransferDialog: a progress bar in per mille of the bytes, a line of figures, the result in words.

#include "transfer_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

#include "ui/style/tone.h"

namespace tb {

namespace {

QString formatEta(double seconds) {
    if (seconds < 0) return QObject::tr("unknown");
    const qint64 s = std::llround(seconds);
    if (s < 60) return QObject::tr("%1 s").arg(s);
    if (s < 3600) return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QObject::tr("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60);
}

}  // namespace

QString formatBytes(qint64 bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2")
        .arg(value, 0, 'f', unit == 0 ? 0 : 1)
        .arg(QLatin1String(units[unit]));
}

TransferDialog::TransferDialog(const QString& hostName, const TransferRequest& request,
                               QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("TransferDialog"));
    const bool upload = request.direction == TransferDirection::Upload;
    setWindowTitle(upload ? tr("Upload to %1").arg(hostName)
                          : tr("Download from %1").arg(hostName));
    auto* route =
        new QLabel(upload ? tr("%1\n→ %2:%3").arg(request.localPath, hostName, request.remotePath)
                          : tr("%1:%2\n→ %3").arg(hostName, request.remotePath, request.localPath),
                   this);
    route->setTextFormat(Qt::PlainText);
    route->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 0);  // busy until the first figure says how much there is
    m_detail = new QLabel(tr("starting…"), this);
    m_detail->setObjectName(QStringLiteral("transferDetail"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("transferResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setToolTip(tr("Stop the transfer; what was sent is cleaned up (Esc)"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_detail->setText(tr("cancelling…"));
        Q_EMIT cancelRequested();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(route);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void TransferDialog::showProgress(const TransferProgress& progress) {
    if (m_finished) return;
    if (progress.bytesTotal > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000.0 * double(progress.bytesDone) / double(progress.bytesTotal)));
    }
    const QString total =
        progress.bytesTotal > 0 ? tr(" of %1").arg(formatBytes(progress.bytesTotal)) : QString();
    m_detail->setText(tr("%1: %2%3 · %4/s · %5 left")
                          .arg(progress.phase.isEmpty() ? tr("sending") : progress.phase,
                               formatBytes(progress.bytesDone), total,
                               formatBytes(qint64(progress.bytesPerSecond)),
                               formatEta(progress.etaSeconds)));
}

void TransferDialog::showFinished(const TransferResult& result) {
    m_finished = true;
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
    m_close->setDefault(true);
    m_bar->setRange(0, 1000);
    if (result.ok()) {
        m_bar->setValue(1000);
        QString text = tr("Done: %1").arg(formatBytes(result.bytes));
        if (result.files > 1) text += tr(" in %L1 files").arg(result.files);
        if (!result.method.isEmpty()) text += tr(" (%1)").arg(result.method);
        if (result.resumedFrom > 0)
            text += tr(", resumed after %1").arg(formatBytes(result.resumedFrom));
        m_result->setText(text + QLatin1Char('.'));
        theme::setTextTone(m_result, theme::Tone::Success);
    } else {
        m_result->setText(result.failure == SshFailure::Cancelled
                              ? tr("Cancelled. %1").arg(result.message)
                              : result.message);
        theme::setTextTone(m_result, theme::Tone::Error);
    }
    m_result->show();
}

}  // namespace tb
