// Timing helpers for bench_transfer and bench_far_link.

#include "transfer_timing.h"

#include <QCoreApplication>
#include <QProcess>

#include "remote/transfer/transfer_session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace tb::bench {

void writeRandom(const QString& path, qint64 bytes, quint32 seed) {
    QRandomGenerator random(seed);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 left = bytes; left > 0; left -= chunk.size()) {
        random.fillRange(reinterpret_cast<quint32*>(chunk.data()), chunk.size() / 4);
        file.write(chunk.constData(), qMin<qint64>(left, chunk.size()));
    }
}

void removePath(const QString& path) {
    if (QFileInfo(path).isDir())
        QDir(path).removeRecursively();
    else
        QFile::remove(path);
}

bool connectSession(SshSessionThread& thread, const QString& fingerprint) {
    QEventLoop loop;
    std::optional<SshResult> result;
    QObject::connect(thread.session(), &SshSession::connectFinished, &loop,
                     [&](const SshResult& r) {
                         result = r;
                         loop.quit();
                     });
    thread.acceptHostKey(fingerprint);
    loop.exec();
    if (!result->ok()) std::fprintf(stderr, "connect: %s\n", qPrintable(result->message));
    return result->ok();
}

void keepBest(Timing& best, SshSessionThread& thread, const TransferRequest& request,
              const QString& destination) {
    removePath(destination);
    QElapsedTimer clock;
    double dataSeconds = -1;
    TransferWaitOptions options;
    options.progress = [&](const TransferProgress& progress) {
        if (progress.phase == QLatin1String("verifying") && dataSeconds < 0)
            dataSeconds = clock.nsecsElapsed() / 1e9;
    };
    clock.start();
    const TransferResult result = awaitTransfer(thread, request, options);
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (!result.ok()) {
        std::fprintf(stderr, "trainbench transfer failed: %s\n", qPrintable(result.message));
        return;
    }
    best.total = std::min(best.total, seconds);
    best.data = std::min(best.data, dataSeconds < 0 ? seconds : dataSeconds);
    best.method = result.method;
}

void keepBestTool(double& best, const QString& destination, const std::function<double()>& run) {
    removePath(destination);
    const double seconds = run();
    if (seconds > 0) best = std::min(best, seconds);
}

std::unique_ptr<QProcess> startLatencyRelay(int port, int sshdPort, int oneWayMs) {
    auto relay = std::make_unique<QProcess>();
    relay->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    relay->start(QCoreApplication::applicationDirPath() + QStringLiteral("/latency_relay"),
                 {QString::number(port), QStringLiteral("127.0.0.1"), QString::number(sshdPort),
                  QString::number(oneWayMs)});
    if (!relay->waitForReadyRead(10000) || !relay->readLine().startsWith("listening")) {
        std::fprintf(stderr, "latency_relay did not start\n");
        return nullptr;
    }
    return relay;
}

}  // namespace tb::bench
