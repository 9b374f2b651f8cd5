// The remote-run behaviour through the service layer, without a window: a Workbench and its
// HostWorkbench against a real local sshd standing in for the box. A run launched through the
// host's Backend (chosen by RunTargets from the host's name) is listed by the host's scan,
// followed into the metrics pool record for record, and a run stopped through the same
// Backend ends `stopped`. ShownRun streams a host's run's log and lists its checkpoints on the
// box, and reads a run of this machine from its folder.
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/checkpoints/checkpoint_catalog.h"
#include "core/metrics/run_metrics.h"
#include "core/runs/await_result.h"
#include "core/runs/backend.h"
#include "core/runs/run_catalog.h"
#include "core/runs/run_targets.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/runs/remote_runs.h"
#include "remote/runs/shown_run.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {
const QString kHost = QStringLiteral("box");
}

class TestWorkbenchRemote : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void runOnAHostIsListedAndFollowed();
    void runOnAHostStopsThroughItsBackend();
    void unknownHostHasNoBackend();
    void shownRunOnAHostComesFromTheBox();
    void shownRunHereComesFromItsFolder();
    void cleanupTestCase();

private:
    void setUpOnce();
    QString launch(const QStringList& sets);
    const RunInfo* listed(const QString& runId) { return m_work->catalog()->find(runId); }

    QTemporaryDir m_dir;
    QString m_boxRoot;
    std::unique_ptr<Workbench> m_work;
    std::unique_ptr<HostWorkbench> m_hosts;
};

// The base class starts sshd; the services and the host are made once, by the first test.
void TestWorkbenchRemote::setUpOnce() {
    if (m_work) return;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("trainbench-test-workbench-remote");
    m_boxRoot = m_dir.filePath("box runs");
    m_work = std::make_unique<Workbench>(m_dir.filePath("runs"), binDir());
    HostsControllerOptions options;
    options.connection.session = testOptions();
    options.connection.firstRetryMs = 200;
    options.knownHostsFile = m_dir.filePath("known_hosts");
    options.checkKeychain = false;
    m_hosts = std::make_unique<HostWorkbench>(m_work.get(), m_dir.filePath("hosts"), options);
    QVERIFY(m_hosts->load());
    HostDraft draft;
    draft.host.name = kHost;
    draft.host.target = keyTarget(m_sshd, QString());
    draft.host.runsRoot = m_boxRoot;
    draft.host.trainerPath = binDir() + "/trainbench-train";
    QVERIFY(m_hosts->hosts()->addHost(draft).ok());
    m_hosts->hosts()->acceptHostKey(kHost, m_sshd.hostKeyFingerprint());
    QTRY_COMPARE_WITH_TIMEOUT(m_hosts->hosts()->state(kHost), ConnectionState::Connected, 30000);
    m_work->start(200);
    m_hosts->start(300);
}

QString TestWorkbenchRemote::launch(const QStringList& sets) {
    setUpOnce();
    Backend* box = m_work->targets()->backend(kHost);
    [&] { QVERIFY(box && box != m_work->targets()->local()); }();
    LaunchRequest request;
    request.configPath = demoConfig();
    request.sets = sets;
    request.sets << "model.kind=mlp";
    const Result<QString> id = awaitResult<QString>(
        [&](Backend::Done<QString> done) { box->launchAsync(request, done); }, "launch");
    [&] { QVERIFY2(id, id ? "" : id.error().c_str()); }();
    return id ? *id : QString();
}

void TestWorkbenchRemote::runOnAHostIsListedAndFollowed() {
    const QString id = launch(quickSets());
    QVERIFY(!id.isEmpty());
    // The host's scan lists it in the catalog, with the host as its target.
    QTRY_VERIFY_WITH_TIMEOUT(listed(id), 30000);
    QCOMPARE(listed(id)->target, kHost);
    QCOMPARE(m_work->targets()->backendOf(*listed(id)), m_work->targets()->backend(kHost));
    m_hosts->remoteRuns()->follow({id});
    QTRY_VERIFY(m_hosts->remoteRuns()->isFollowing(id));
    QTRY_VERIFY_WITH_TIMEOUT(listed(id) && listed(id)->state == RunState::Finished, 120000);
    // Every record the box wrote reaches the pool once.
    const qsizetype written = metricsRecords(m_boxRoot + "/" + id).size();
    QVERIFY(written > 0);
    RunMetrics* metrics = m_work->metrics()->find(id);
    QVERIFY(metrics);
    QTRY_COMPARE_WITH_TIMEOUT(qsizetype(metrics->store().recordCount()), written, 30000);
    m_hosts->remoteRuns()->release({});
    QVERIFY(!m_hosts->remoteRuns()->isFollowing(id));
}

void TestWorkbenchRemote::runOnAHostStopsThroughItsBackend() {
    const QString id = launch(slowSets());
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(m_boxRoot + "/" + id) > 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(listed(id) && listed(id)->state == RunState::Running, 30000);
    Backend* box = m_work->targets()->backendOf(*listed(id));
    const Result<void> sent =
        awaitResult<void>([&](Backend::Done<void> done) { box->stopAsync(id, done); }, "stop");
    QVERIFY2(sent, sent ? "" : sent.error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(listed(id) && listed(id)->state == RunState::Stopped, 120000);
    QCOMPARE(stateOf(m_boxRoot + "/" + id), QStringLiteral("stopped"));
}

void TestWorkbenchRemote::unknownHostHasNoBackend() {
    setUpOnce();
    QCOMPARE(m_work->targets()->backend(QStringLiteral("not-a-host")), nullptr);
    QCOMPARE(m_work->targets()->backend(QStringLiteral("local")), m_work->targets()->local());
}

namespace {

int checkpointFiles(const QString& runDir) {
    return int(QDir(runDir + "/checkpoints").entryList({"*.pt"}, QDir::Files).size());
}

ShownRun::Listing lastListing(const QSignalSpy& spy) {
    return spy.isEmpty() ? ShownRun::Listing::None : spy.last().at(0).value<ShownRun::Listing>();
}

}  // namespace

void TestWorkbenchRemote::shownRunOnAHostComesFromTheBox() {
    const QString id = launch(quickSets());
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(id), 30000);
    RemoteRuns* remote = m_hosts->remoteRuns();
    ShownRun shown(m_work->catalog(), m_work->checkpoints(), remote);
    QSignalSpy streams(&shown, &ShownRun::logStreamOpened);
    QSignalSpy files(&shown, &ShownRun::logFileOpened);
    QSignalSpy listings(&shown, &ShownRun::listingChanged);
    QByteArray log;
    connect(&shown, &ShownRun::logBytes, this, [&log](const QByteArray& bytes) { log += bytes; });
    remote->follow({id});
    QVERIFY(shown.show(id));
    QVERIFY(!shown.show(id));  // shown already
    QCOMPARE(shown.host(), kHost);
    QCOMPARE(files.size(), 0);
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams[0][0].toString(), kHost + ":" + listed(id)->dir + "/output.log");
    QTRY_VERIFY_WITH_TIMEOUT(listed(id)->state == RunState::Finished, 120000);
    // Every byte of the box's output.log reaches the view: what was there, then the stream.
    QFile boxLog(m_boxRoot + "/" + id + "/output.log");
    QVERIFY(boxLog.open(QIODevice::ReadOnly));
    const QByteArray written = boxLog.readAll();
    QVERIFY(!written.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(streams[0][1].toByteArray() + log, written, 30000);
    // The checkpoints are listed on the box, once the run has written them all.
    shown.refreshCheckpoints();
    QTRY_COMPARE_WITH_TIMEOUT(lastListing(listings), ShownRun::Listing::Listed, 30000);
    CheckpointCatalog* checkpoints = m_work->checkpoints();
    QVERIFY(!checkpoints->filesHere());
    QCOMPARE(checkpoints->remoteHost(), kHost);
    QVERIFY(checkpointFiles(m_boxRoot + "/" + id) > 0);
    QCOMPARE(int(checkpoints->entries().size()), checkpointFiles(m_boxRoot + "/" + id));
    remote->release({});
}

void TestWorkbenchRemote::shownRunHereComesFromItsFolder() {
    setUpOnce();
    Backend* here = m_work->targets()->local();
    LaunchRequest request;
    request.configPath = demoConfig();
    request.sets = quickSets() << "model.kind=mlp";
    const Result<QString> id = awaitResult<QString>(
        [&](Backend::Done<QString> done) { here->launchAsync(request, done); }, "launch");
    QVERIFY2(id, id ? "" : id.error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(listed(*id) && listed(*id)->state == RunState::Finished, 120000);
    ShownRun shown(m_work->catalog(), m_work->checkpoints(), m_hosts->remoteRuns());
    QSignalSpy streams(&shown, &ShownRun::logStreamOpened);
    QSignalSpy files(&shown, &ShownRun::logFileOpened);
    QSignalSpy listings(&shown, &ShownRun::listingChanged);
    QVERIFY(shown.show(*id));
    QVERIFY(shown.host().isEmpty());
    QCOMPARE(streams.size(), 0);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files[0][0].toString(), listed(*id)->dir + "/output.log");
    QCOMPARE(lastListing(listings), ShownRun::Listing::Listed);
    QVERIFY(m_work->checkpoints()->filesHere());
    QCOMPARE(int(m_work->checkpoints()->entries().size()), checkpointFiles(listed(*id)->dir));
    QVERIFY(!m_work->checkpoints()->entries().isEmpty());
    // No run: nothing listed.
    QVERIFY(shown.show(QString()));
    QCOMPARE(lastListing(listings), ShownRun::Listing::None);
    QVERIFY(m_work->checkpoints()->entries().isEmpty());
}

void TestWorkbenchRemote::cleanupTestCase() {
    if (!m_work) return;
    for (const RunInfo& run : m_work->catalog()->runs()) {
        if (run.target != kHost || isFinalState(run.state)) continue;
        if (Backend* box = m_work->targets()->backend(kHost))
            (void)awaitResult<void>([&](Backend::Done<void> done) { box->killAsync(run.id, done); },
                                    "kill");
    }
    m_hosts.reset();
    m_work.reset();
}

QTEST_GUILESS_MAIN(TestWorkbenchRemote)
#include "tst_workbench_remote.moc"
