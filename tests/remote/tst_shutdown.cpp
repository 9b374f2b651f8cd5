// "Shut the instance down when this run ends" through a real local sshd: the watcher on the box
// counts down after the run's end and runs a harmless `touch MARKER` instead of `shutdown`;
// cancelling from the app or by the file on the box prevents it; odd paths stay inert.

#include "remote/runs/shutdown_control.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kWaitMs = 30000;

// The last answer of each kind, collected on the test thread.
struct Answers : QObject {
    explicit Answers(ShutdownControl* control) {
        connect(control, &ShutdownControl::finished, this,
                [this](ShutdownControl::Request, const ShutdownState& s) { state = s; });
        connect(control, &ShutdownControl::failed, this,
                [this](ShutdownControl::Request, const QString&, const QString& m) { error = m; });
    }
    void reset() {
        state.reset();
        error.reset();
    }
    bool answered() const { return state.has_value() || error.has_value(); }
    std::optional<ShutdownState> state;
    std::optional<QString> error;
};

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray statusJson(const char* state, qint64 pid) {
    return QByteArray(R"({"state":")") + state + R"(","pid":)" + QByteArray::number(pid) +
           R"(,"exit_code":null})" + "\n";
}

}  // namespace

class TestShutdown : public SshdTestCase {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<SshSessionThread> m_thread;
    std::unique_ptr<ShutdownControl> m_control;
    std::unique_ptr<Answers> m_answers;

    // One answer to a request made by `send`; fails the test with the error otherwise.
    template <typename Send>
    std::optional<ShutdownState> ask(Send send) {
        m_answers->reset();
        send();
        if (!QTest::qWaitFor([this] { return m_answers->answered(); }, kWaitMs)) return {};
        if (m_answers->error) qWarning("%s", qPrintable(*m_answers->error));
        return m_answers->state;
    }
    std::optional<ShutdownState> read(const QString& dir) {
        return ask([&] { m_control->readState(dir); });
    }
    ShutdownPhase phaseOf(const QString& dir) {
        const auto state = read(dir);
        return state ? state->phase : ShutdownPhase::None;
    }

    // A run directory in a fresh temp folder, with status.json saying `state`.
    QString makeRun(const QString& name, const char* state, qint64 pid = 0) {
        const QString dir = m_home.filePath(name);
        if (!QDir().mkpath(dir) || !writeFile(dir + "/status.json", statusJson(state, pid)))
            return {};
        return dir;
    }

    // The watcher's log (the box is this machine): each state it wrote, with its time.
    QHash<QString, qint64> stateTimes(const QString& dir) {
        QFile log(dir + QStringLiteral("/shutdown-watch.log"));
        QHash<QString, qint64> times;
        if (!log.open(QIODevice::ReadOnly)) return times;
        for (const QByteArray& line : log.readAll().split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() >= 2)
                times.insert(QString::fromUtf8(words.at(1)), words.at(0).toLongLong());
        }
        return times;
    }

    static QString touchCommand(const QString& marker) {
        return QStringLiteral("touch ") + shellQuote(marker);
    }

    // Connected once for all tests (after the base's init, which skips without sshd).
    bool connected() {
        if (m_control) return true;
        m_thread = std::make_unique<SshSessionThread>(
            keyTarget(m_sshd, m_home.filePath(QStringLiteral("known_hosts"))),
            QStringLiteral("local"), testOptions());
        SessionResults results(m_thread->session());
        const SshResult result = tb::test::accept(*m_thread, results, m_sshd.hostKeyFingerprint());
        if (!result.ok()) {
            qWarning("%s", qPrintable(result.message));
            return false;
        }
        m_control = std::make_unique<ShutdownControl>(m_thread.get(), QStringLiteral("local"));
        m_control->setPollSeconds(1);
        m_answers = std::make_unique<Answers>(m_control.get());
        return true;
    }

private Q_SLOTS:
    void finishedRunCountsDownThenRunsTheCommand() {
        QVERIFY(connected());
        const QString dir = makeRun(QStringLiteral("finished"), "finished");
        const QString marker = m_home.filePath(QStringLiteral("finished-marker"));
        constexpr int kDelay = 3;
        const auto armed = ask([&] { m_control->arm(dir, kDelay, touchCommand(marker)); });
        QVERIFY(armed.has_value());
        QCOMPARE(armed->phase, ShutdownPhase::Waiting);

        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QCOMPARE(read(dir)->exitCode.value_or(-1), 0);
        // The watcher's own log, not a reading that a loaded machine may take too late for: it
        // counted down to a deadline at most the delay away, and ran the command no earlier.
        const auto logged = stateTimes(dir);
        QStringList states = logged.keys();
        states.sort();
        QCOMPARE(states, (QStringList{"counting", "done", "executing", "waiting"}));
        const qint64 deadline = read(dir)->deadline;
        QVERIFY2(
            deadline >= logged.value("counting") && deadline <= logged.value("counting") + kDelay,
            qPrintable(QString::number(deadline - logged.value("counting"))));
        QVERIFY2(logged.value("executing") >= deadline,
                 qPrintable(QString::number(logged.value("executing") - deadline)));
    }

    void cancelFromTheAppPreventsTheCommand() {
        QVERIFY(connected());
        const QString dir = makeRun(QStringLiteral("cancel-app"), "failed");
        const QString marker = m_home.filePath(QStringLiteral("cancel-app-marker"));
        // A deadline no reading can miss: the cancel lands inside the countdown however slow
        // the machine, and the watcher's end proves the command can never run.
        constexpr int kDelay = 600;
        QVERIFY(ask([&] { m_control->arm(dir, kDelay, touchCommand(marker)); }));
        std::optional<ShutdownState> counting;
        QTRY_VERIFY_WITH_TIMEOUT(
            (counting = read(dir)) && counting->phase != ShutdownPhase::Waiting, kWaitMs);
        QCOMPARE(counting->phase, ShutdownPhase::Counting);
        QVERIFY(counting->deadline > counting->boxNow);
        QVERIFY(counting->secondsLeft() > kDelay - 60);
        QVERIFY(counting->watcherAlive);
        QCOMPARE(counting->runState, QStringLiteral("failed"));
        QVERIFY(ask([&] { m_control->cancel(dir); }));

        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Cancelled, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!read(dir)->watcherAlive, kWaitMs);
        QVERIFY(!QFile::exists(marker));
        QVERIFY(!stateTimes(dir).contains("executing"));
    }

    void cancelByTheFileOnTheBoxWhileTheRunGoesOn() {
        QVERIFY(connected());
        // The run is "running" as this test process: alive for as long as the test looks.
        const QString dir =
            makeRun(QStringLiteral("cancel-file"), "running", QCoreApplication::applicationPid());
        const QString marker = m_home.filePath(QStringLiteral("cancel-file-marker"));
        QVERIFY(ask([&] { m_control->arm(dir, 1, touchCommand(marker)); }));
        QTRY_VERIFY_WITH_TIMEOUT(read(dir)->watcherAlive, kWaitMs);
        QCOMPARE(phaseOf(dir), ShutdownPhase::Waiting);

        QVERIFY(writeFile(dir + "/shutdown.cancel", {}));  // what a person on the box does
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Cancelled, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!read(dir)->watcherAlive, kWaitMs);
        // The run ending afterwards starts nothing.
        QVERIFY(writeFile(dir + "/status.json", statusJson("finished", 0)));
        QVERIFY(!QFile::exists(marker));
    }

    void runWhoseProcessDiesCountsAsEnded() {
        QVERIFY(connected());
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("600")});
        QVERIFY(sleeper.waitForStarted());
        const QString dir = makeRun(QStringLiteral("lost"), "running", sleeper.processId());
        const QString marker = m_home.filePath(QStringLiteral("lost-marker"));
        QVERIFY(ask([&] { m_control->arm(dir, 1, touchCommand(marker)); }));
        QTRY_VERIFY_WITH_TIMEOUT(read(dir)->watcherAlive, kWaitMs);
        QCOMPARE(phaseOf(dir), ShutdownPhase::Waiting);
        QVERIFY(!QFile::exists(marker));

        sleeper.kill();
        QVERIFY(sleeper.waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QCOMPARE(read(dir)->runState, QStringLiteral("lost"));
    }

    // A run stuck in queued (the wrapper never started it) must not keep the box up for ever:
    // past the bound with no live process it counts as ended, and the watcher's log says why.
    void runStuckInQueuedCountsAsEndedAfterTheBound() {
        QVERIFY(connected());
        const QString dir = makeRun(QStringLiteral("stuck-queued"), "queued");
        const QString marker = m_home.filePath(QStringLiteral("stuck-queued-marker"));
        m_control->setStaleSeconds(2);
        const auto armed = ask([&] { m_control->arm(dir, 0, touchCommand(marker)); });
        m_control->setStaleSeconds(kDefaultStaleRunSeconds);
        QVERIFY(armed.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QCOMPARE(read(dir)->runState, QStringLiteral("lost"));
        QFile log(dir + QStringLiteral("/shutdown-watch.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        QVERIFY2(lines.contains("stayed queued with no process"), lines.constData());
    }

    // A sweep folder: the countdown waits while its scheduler lives and the queue is not
    // drained, and starts once `state` says drained.
    void sweepCountsDownOnceItsQueueDrains() {
        QVERIFY(connected());
        const QString dir = m_home.filePath(QStringLiteral(".sweeps/s1"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + "/slots", "cpu\n"));
        QVERIFY(writeFile(dir + "/state", "running\n"));
        QVERIFY(writeFile(dir + "/scheduler.pid",
                          QByteArray::number(QCoreApplication::applicationPid())));
        const QString marker = m_home.filePath(QStringLiteral("sweep-marker"));
        m_control->setStaleSeconds(1);
        const auto armed = ask([&] { m_control->arm(dir, 0, touchCommand(marker)); });
        m_control->setStaleSeconds(kDefaultStaleRunSeconds);
        QVERIFY(armed.has_value());
        QCOMPARE(armed->phase, ShutdownPhase::Waiting);
        // Well past the stale bound on the box's clock the watcher still waits: the sweep's
        // scheduler lives and its queue is not drained.
        std::optional<ShutdownState> waiting;
        QTRY_VERIFY_WITH_TIMEOUT((waiting = read(dir)) && waiting->watcherAlive, kWaitMs);
        const qint64 start = waiting->boxNow;
        QTRY_VERIFY_WITH_TIMEOUT(read(dir)->boxNow > start + 4, kWaitMs);
        QCOMPARE(phaseOf(dir), ShutdownPhase::Waiting);
        QVERIFY(!QFile::exists(marker));
        QVERIFY(writeFile(dir + "/state", "drained\n"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QCOMPARE(read(dir)->runState, QStringLiteral("drained"));
    }

    // A sweep whose scheduler is gone (never restarted after a reboot) counts as ended after
    // the bound, so it cannot keep a paid box up.
    void sweepWithoutSchedulerCountsAsEndedAfterTheBound() {
        QVERIFY(connected());
        const QString dir = m_home.filePath(QStringLiteral(".sweeps/s2"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + "/slots", "0\n"));
        QVERIFY(writeFile(dir + "/state", "running\n"));
        const QString marker = m_home.filePath(QStringLiteral("sweep-stale-marker"));
        m_control->setStaleSeconds(2);
        const auto armed = ask([&] { m_control->arm(dir, 0, touchCommand(marker)); });
        m_control->setStaleSeconds(kDefaultStaleRunSeconds);
        QVERIFY(armed.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QCOMPARE(read(dir)->runState, QStringLiteral("lost"));
        QFile log(dir + QStringLiteral("/shutdown-watch.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains("scheduler has been gone"), "no reason in the log");
    }

    // Queued but with a live process (a wrapper about to start it) is not stuck.
    void queuedRunWithALiveProcessKeepsWaiting() {
        QVERIFY(connected());
        const QString dir =
            makeRun(QStringLiteral("queued-alive"), "queued", QCoreApplication::applicationPid());
        const QString marker = m_home.filePath(QStringLiteral("queued-alive-marker"));
        m_control->setStaleSeconds(1);
        const auto armed = ask([&] { m_control->arm(dir, 0, touchCommand(marker)); });
        m_control->setStaleSeconds(kDefaultStaleRunSeconds);
        QVERIFY(armed.has_value());
        std::optional<ShutdownState> waiting;
        QTRY_VERIFY_WITH_TIMEOUT((waiting = read(dir)) && waiting->watcherAlive, kWaitMs);
        // Well past the bound on the box's clock, the watcher still waits.
        const qint64 start = waiting->boxNow;
        QTRY_VERIFY_WITH_TIMEOUT(read(dir)->boxNow > start + 4, kWaitMs);
        QCOMPARE(phaseOf(dir), ShutdownPhase::Waiting);
        QVERIFY(!QFile::exists(marker));
        QVERIFY(writeFile(dir + "/shutdown.cancel", {}));
        QTRY_VERIFY_WITH_TIMEOUT(!read(dir)->watcherAlive, kWaitMs);
    }

    void armingAgainReplacesTheWatcher() {
        QVERIFY(connected());
        const QString dir =
            makeRun(QStringLiteral("rearm"), "running", QCoreApplication::applicationPid());
        const QString first = m_home.filePath(QStringLiteral("rearm-first"));
        const QString second = m_home.filePath(QStringLiteral("rearm-second"));
        QVERIFY(ask([&] { m_control->arm(dir, 1, touchCommand(first)); }));
        std::optional<ShutdownState> old;
        QTRY_VERIFY_WITH_TIMEOUT((old = read(dir)) && old->watcherAlive, kWaitMs);
        QVERIFY(old->watcherPid > 0);

        QVERIFY(ask([&] { m_control->arm(dir, 1, touchCommand(second)); }));
        // The first watcher sees it is no longer the one in shutdown.json and leaves.
        const QString oldProcess = QStringLiteral("/proc/%1").arg(old->watcherPid);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(oldProcess), kWaitMs);
        QVERIFY(writeFile(dir + "/status.json", statusJson("finished", 0)));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(second), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QVERIFY(!QFile::exists(first));
    }

    void quotesAndSubstitutionsInPathsStayInert() {
        QVERIFY(connected());
        const QString canary = m_home.filePath(QStringLiteral("pwned"));
        const QString name = QStringLiteral("it's \"$(touch %1)\" `touch %1`").arg(canary);
        const QString dir = makeRun(name, "stopped");
        QVERIFY(!dir.isEmpty());
        // Were the command's quoting lost, the file would get another name.
        const QString marker = dir + QStringLiteral("/marker 'q' $(id -u) `id -u`");
        QVERIFY(ask([&] { m_control->arm(dir, 1, touchCommand(marker)); }));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Done, kWaitMs);
        QCOMPARE(read(dir)->command, touchCommand(marker));
        QVERIFY(!QFile::exists(canary));
    }

    void failingCommandIsReportedWithItsStatus() {
        QVERIFY(connected());
        const QString dir = makeRun(QStringLiteral("failing"), "finished");
        QVERIFY(
            ask([&] { m_control->arm(dir, 0, QStringLiteral("echo no permission >&2; exit 7")); }));
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(dir), ShutdownPhase::Failed, kWaitMs);
        const auto state = read(dir);
        QCOMPARE(state->exitCode.value_or(-1), 7);
        QVERIFY2(state->message.contains(QLatin1String("no permission")),
                 qPrintable(state->message));
    }

    void missingRunDirectoryIsAClearError() {
        QVERIFY(connected());
        const QString dir = m_home.filePath(QStringLiteral("no-such-run"));
        QVERIFY(!ask([&] { m_control->arm(dir, 1, QStringLiteral("true")); }));
        QVERIFY(m_answers->error.has_value());
        QVERIFY2(m_answers->error->contains(dir), qPrintable(*m_answers->error));
        QVERIFY(m_answers->error->contains(QLatin1String("local")));
    }

    void cleanupTestCase() {
        m_control.reset();
        m_thread.reset();
    }
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
