// RemoteGpuMonitor against the local sshd with a fake nvidia-smi printing captured rounds: one
// long-lived stream, samples as rounds; a cut connection waits and reopens it; no nvidia-smi
// or a failing one means NoGpu, naming the host; stopping ends the query on the box.

#include "remote/hosts/remote_gpu_monitor.h"
#include "remote/ssh/host_connection.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"
#include "tests/gpu/test_data.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kWaitMs = 30000;
const QString kHost = QStringLiteral("gpu-box");

QByteArray fileText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool processAlive(qint64 pid) {
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

// Collects what the monitor emits on the test thread.
struct Watch : QObject {
    explicit Watch(GpuSource* source) {
        connect(source, &GpuSource::sampled, this,
                [this](const QList<GpuSample>& gpus) { rounds.append(gpus); });
        connect(source, &GpuSource::modeChanged, this,
                [this](GpuSource::Mode mode) { modes.append(mode); });
    }
    QList<QList<GpuSample>> rounds;
    QList<GpuSource::Mode> modes;
};

}  // namespace

class TestRemoteGpu : public SshdTestCase {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HostConnection> m_connection;

    // A fake nvidia-smi on "the box": records its pid and arguments, then prints a captured
    // eight-GPU round every 200 ms the way `-l 1` does, until it is ended.
    QString fakeNvidiaSmi(const QByteArray& body) const {
        return writeFakeNvidiaSmi(QDir(m_dir.path()), QStringLiteral("nvidia-smi"), body);
    }

    QString loopingFake() const {
        QFile::copy(QStringLiteral(TB_GPU_TEST_DATA "/a100x8.csv"), m_dir.filePath("round.csv"));
        return fakeNvidiaSmi(
            "d=$(dirname \"$0\")\n"
            "echo $$ >> \"$d/pids\"\n"
            "echo \"$@\" > \"$d/args\"\n"
            "while :; do cat \"$d/round.csv\"; sleep 0.2; done\n");
    }

    QList<qint64> fakePids() const {
        QList<qint64> pids;
        for (const QByteArray& line : fileText(m_dir.filePath("pids")).split('\n'))
            if (!line.trimmed().isEmpty()) pids.append(line.trimmed().toLongLong());
        return pids;
    }

    HostConnection* connection() {
        if (m_connection) return m_connection.get();
        HostConnectionOptions options;
        options.session = testOptions();
        options.keepaliveMs = 500;
        options.firstRetryMs = 200;
        options.maxRetryMs = 1000;
        m_connection = std::make_unique<HostConnection>(
            keyTarget(m_sshd, m_dir.filePath(QStringLiteral("known_hosts"))), kHost, options);
        return m_connection.get();
    }

    void connectNow() {
        connection()->acceptHostKey(m_sshd.hostKeyFingerprint());
        QTRY_VERIFY_WITH_TIMEOUT(connection()->state() != ConnectionState::Connecting, kWaitMs);
        QVERIFY2(connection()->state() == ConnectionState::Connected,
                 qPrintable(connection()->message()));
    }

private Q_SLOTS:
    void init() {
        if (!m_skipReason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath("pids"));
    }

    void cleanup() { m_connection.reset(); }

    void roundsArriveOverOneLongLivedStream() {
        connectNow();
        RemoteGpuMonitor monitor(connection());
        monitor.setNvidiaSmiProgram(loopingFake());
        Watch watch(&monitor);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(watch.rounds.size() >= 5, kWaitMs);
        QCOMPARE(monitor.mode(), GpuSource::Mode::Gpu);
        QVERIFY(monitor.stateMessage().isEmpty());
        for (const QList<GpuSample>& round : watch.rounds) {
            QCOMPARE(round.size(), 8);  // whole rounds, never split or merged
            QCOMPARE(round.first().index, 0);
            QCOMPARE(round.last().index, 7);
        }
        QCOMPARE(*watch.rounds.last()[7].powerW, 412.66);
        QCOMPARE(*watch.rounds.last()[0].memoryUsedMiB, 71234.0);
        // The history keeps the rounds by wall-clock time, in order.
        const auto& rounds = monitor.history().rounds();
        QVERIFY(rounds.size() >= 5);
        for (std::size_t i = 1; i < rounds.size(); ++i)
            QVERIFY(rounds[i].timeMs >= rounds[i - 1].timeMs);
        // Five rounds from one process: a channel, not a command per sample.
        QCOMPARE(fakePids().size(), 1);
        QCOMPARE(monitor.streamsOpened(), 1);
        const QByteArray args = fileText(m_dir.filePath("args")).trimmed();
        QCOMPARE(args, nvidiaSmiQueryArguments().join(QLatin1Char(' ')).toUtf8());

        // Stopping closes the channel and the query ends on the box.
        const qint64 pid = fakePids().first();
        QVERIFY(processAlive(pid));
        monitor.stop();
        QCOMPARE(monitor.mode(), GpuSource::Mode::Stopped);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), kWaitMs);
    }

    void cutConnectionWaitsAndReopensTheStream() {
        connectNow();
        RemoteGpuMonitor monitor(connection());
        monitor.setNvidiaSmiProgram(loopingFake());
        Watch watch(&monitor);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(watch.rounds.size() >= 2, kWaitMs);
        const qint64 firstPid = fakePids().first();

        QVERIFY(cutConnections(m_sshd) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(watch.modes.contains(GpuSource::Mode::Waiting), kWaitMs);
        const qsizetype waitingAt = watch.modes.indexOf(GpuSource::Mode::Waiting);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.streamsOpened() == 2, kWaitMs);
        const qsizetype before = watch.rounds.size();
        QTRY_VERIFY_WITH_TIMEOUT(watch.rounds.size() >= before + 3, kWaitMs);
        QCOMPARE(monitor.mode(), GpuSource::Mode::Gpu);
        QVERIFY(watch.modes.indexOf(GpuSource::Mode::Gpu, waitingAt) > waitingAt);
        QCOMPARE(watch.rounds.last().size(), 8);
        // A new query on the box; the one of the cut connection is gone.
        QTRY_COMPARE_WITH_TIMEOUT(fakePids().size(), 2, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(firstPid), kWaitMs);
        monitor.stop();
    }

    void waitingShowsTheHostUntilItConnects() {
        RemoteGpuMonitor monitor(connection());
        monitor.setNvidiaSmiProgram(loopingFake());
        Watch watch(&monitor);
        monitor.start();
        QCOMPARE(monitor.mode(), GpuSource::Mode::Waiting);
        QVERIFY2(monitor.stateMessage().contains(kHost), qPrintable(monitor.stateMessage()));
        connectNow();
        QTRY_VERIFY_WITH_TIMEOUT(!watch.rounds.isEmpty(), kWaitMs);
        QCOMPARE(monitor.mode(), GpuSource::Mode::Gpu);
        monitor.stop();
    }

    void noNvidiaSmiOnTheBoxNamesTheHost() {
        connectNow();
        RemoteGpuMonitor monitor(connection());
        monitor.setNvidiaSmiProgram(m_dir.filePath(QStringLiteral("no-such-nvidia-smi")));
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.mode(), GpuSource::Mode::NoGpu, kWaitMs);
        QVERIFY2(monitor.stateMessage().startsWith("no NVIDIA GPU on gpu-box"),
                 qPrintable(monitor.stateMessage()));
        QVERIFY2(monitor.stateMessage().contains("not found"), qPrintable(monitor.stateMessage()));
        QVERIFY(monitor.history().isEmpty());
    }

    void failingNvidiaSmiSaysWhyAndWhere() {
        connectNow();
        QFile::copy(QStringLiteral(TB_GPU_TEST_DATA "/no_driver.txt"), m_dir.filePath("err.txt"));
        RemoteGpuMonitor monitor(connection());
        monitor.setNvidiaSmiProgram(fakeNvidiaSmi("cat \"$(dirname \"$0\")/err.txt\"\nexit 9\n"));
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.mode(), GpuSource::Mode::NoGpu, kWaitMs);
        QVERIFY(monitor.stateMessage().startsWith("no NVIDIA GPU on gpu-box"));
        QVERIFY2(monitor.stateMessage().contains("couldn't communicate with the NVIDIA driver"),
                 qPrintable(monitor.stateMessage()));
        QCOMPARE(connection()->state(), ConnectionState::Connected);  // the link is fine
    }
};

QTEST_GUILESS_MAIN(TestRemoteGpu)
#include "tst_remote_gpu.moc"
