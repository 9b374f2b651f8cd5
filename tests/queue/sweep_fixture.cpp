// A sweep folder in a temporary runs root for the tests of resources/tb-sweep.sh.
#include "tests/queue/sweep_fixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTest>

#include <signal.h>

#include "tests/support/run_test_support.h"

namespace tb::test {

namespace {

// What every trial does: note its environment, take its slot (and one of the places on its
// device) with an atomic mkdir — a trial that finds one taken records a violation — then
// behave as its kind says and give the places back before it ends.
constexpr char kTrialHead[] = R"(#!/bin/sh
# tb-run-dir: @ROOT@/run-@N@
rec='@REC@'
n=$TB_SWEEP_TRIAL
held=
take() { mkdir "$1" 2>/dev/null && held="$held $1"; }
leave() { for d in $held; do rmdir "$d"; done; exit "$1"; }
@TRAP@
printf 'cvd=%s slot=%s resume=%s pid=%s group=%s\n' "${CUDA_VISIBLE_DEVICES-unset}" \
    "${TB_SWEEP_SLOT-unset}" "${TB_SWEEP_RESUME-unset}" $$ $PPID >>"$rec/seen-$n"
take "$rec/slot-$TB_SWEEP_SLOT" || echo "$n: slot $TB_SWEEP_SLOT was taken" >>"$rec/violations"
if [ -n "$CUDA_VISIBLE_DEVICES" ]; then
    k=1
    while [ $k -le @K@ ] && ! take "$rec/dev-$CUDA_VISIBLE_DEVICES-$k"; do k=$((k + 1)); done
    [ $k -le @K@ ] || echo "$n: over @K@ on device $CUDA_VISIBLE_DEVICES" >>"$rec/violations"
fi
)";

// The TERM handling is in place before the trial says it started (@TRAP@ in the head).
constexpr char kBlocking[] =
    R"(while [ ! -e "$rec/go-$n" ] && [ ! -e "$rec/go-all" ]; do sleep 0.05; done
)";

constexpr char kIgnoresTerm[] = R"(while :; do sleep 0.05; done
)";

constexpr char kTail[] = R"(i=0
while [ $i -lt 2000 ]; do i=$((i + 1)); done
leave @CODE@
)";

}  // namespace

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

bool processGone(qint64 pid) {
    const QByteArray stat = fileText(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.isEmpty()) return true;
    const int close = stat.lastIndexOf(") ");
    const char state = close >= 0 && close + 2 < stat.size() ? stat.at(close + 2) : '?';
    return state == 'Z' || state == 'X';
}

SweepFixture::SweepFixture() {
    m_sweep = m_root.path() + QStringLiteral("/.sweeps/grid");
    m_records = m_root.path() + QStringLiteral("/records");
    QDir().mkpath(m_sweep + QStringLiteral("/queue"));
    QDir().mkpath(m_records);
}

SweepFixture::~SweepFixture() {
    for (auto& scheduler : m_schedulers) {
        if (scheduler->state() == QProcess::NotRunning) continue;
        scheduler->kill();
        scheduler->waitForFinished(5000);
    }
    killAllTrials();
}

void SweepFixture::writeSlots(const QByteArray& text) const {
    writeFile(sweepPath(QStringLiteral("slots")), text);
}

QString SweepFixture::queueTrial(int number, TrialKind kind, int exitCode) const {
    const QString id = QStringLiteral("%1").arg(number, 6, 10, QLatin1Char('0'));
    QByteArray script = kTrialHead;
    if (kind == TrialKind::Blocking) script += kBlocking;
    if (kind == TrialKind::IgnoresTerm) script += kIgnoresTerm;
    script += kTail;
    const QByteArray trap = kind == TrialKind::Blocking      ? "trap 'leave 143' TERM"
                            : kind == TrialKind::IgnoresTerm ? "trap '' TERM"
                                                             : "";
    script.replace("@TRAP@", trap)
        .replace("@ROOT@", m_root.path().toUtf8())
        .replace("@REC@", m_records.toUtf8())
        .replace("@N@", id.toUtf8())
        .replace("@K@", QByteArray::number(m_perDevice))
        .replace("@CODE@", QByteArray::number(exitCode));
    const QString temp = sweepPath(QStringLiteral("queue/.%1.sh.tmp").arg(id));
    writeFile(temp, script);
    if (!QFile::rename(temp, sweepPath(QStringLiteral("queue/%1.sh").arg(id)))) return {};
    return id;
}

QProcess* SweepFixture::startScheduler(const QStringList& environment) {
    auto scheduler = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : environment)
        env.insert(entry.section('=', 0, 0), entry.section('=', 1));
    scheduler->setProcessEnvironment(env);
    scheduler->setProcessChannelMode(QProcess::MergedChannels);
    // /bin/sh: dash on Debian and Ubuntu, the shell the boxes run it with.
    const QString script =
        m_scheduler.isEmpty() ? binDir() + QStringLiteral("/tb-sweep.sh") : m_scheduler;
    scheduler->start(QStringLiteral("/bin/sh"), {script, m_sweep});
    scheduler->waitForStarted();
    m_schedulers.push_back(std::move(scheduler));
    return m_schedulers.back().get();
}

QProcess* SweepFixture::startBehindBlockingTrial(int quickAfter) {
    writeSlots("0\n");
    queueTrial(1, TrialKind::Blocking);
    for (int n = 2; n <= quickAfter + 1; ++n) queueTrial(n);
    QProcess* scheduler = startScheduler();
    QDeadlineTimer deadline(30000);
    while (!started(QStringLiteral("000001")) && !deadline.hasExpired()) QTest::qWait(10);
    return started(QStringLiteral("000001")) ? scheduler : nullptr;
}

std::vector<TrialStart> SweepFixture::starts(const QString& id) const {
    std::vector<TrialStart> found;
    const QByteArray lines = fileText(m_records + QStringLiteral("/seen-") + id);
    for (const QByteArray& line : lines.split('\n')) {
        if (line.isEmpty()) continue;
        TrialStart start;
        for (const QByteArray& field : line.split(' ')) {
            const QByteArray key = field.left(field.indexOf('='));
            const QString value = QString::fromUtf8(field.mid(field.indexOf('=') + 1));
            if (key == "cvd") start.devices = value;
            if (key == "slot") start.slot = value.toInt();
            if (key == "resume") start.resume = value;
            if (key == "pid") start.pid = value.toLongLong();
            if (key == "group") start.group = value.toLongLong();
        }
        found.push_back(start);
    }
    return found;
}

QByteArray SweepFixture::violations() const {
    return fileText(m_records + QStringLiteral("/violations"));
}

void SweepFixture::release(const QString& id) const {
    writeFile(m_records + QStringLiteral("/go-") + id, {});
}

void SweepFixture::releaseAll() const {
    writeFile(m_records + QStringLiteral("/go-all"), {});
}

QStringList SweepFixture::idsIn(const QString& folder, const QString& suffix) const {
    QStringList ids =
        QDir(sweepPath(folder)).entryList({QLatin1Char('*') + suffix}, QDir::Files, QDir::Name);
    for (QString& id : ids) id.chop(suffix.size());
    return ids;
}

QByteArray SweepFixture::text(const QString& relative) const {
    return fileText(sweepPath(relative)).trimmed();
}

qint64 SweepFixture::recordedPid(const QString& id) const {
    return text(QStringLiteral("running/%1.pid").arg(id)).toLongLong();
}

void SweepFixture::killAllTrials() const {
    // Every group in running/ and every group a trial ever started in (one the scheduler lost
    // track of must not outlive the test either).
    QList<qint64> groups;
    for (const QString& id : idsIn(QStringLiteral("running"), QStringLiteral(".pid")))
        groups.append(recordedPid(id));
    const QStringList seen = QDir(m_records).entryList({QStringLiteral("seen-*")}, QDir::Files);
    QList<qint64> pids;
    for (const QString& name : seen) {
        for (const TrialStart& start : starts(name.mid(5))) {
            groups.append(start.group);
            pids.append(start.pid);
        }
    }
    for (const qint64 group : groups) {
        if (group <= 1) continue;
        // The group is there once the trial's setsid ran; just before, its pid alone is.
        ::kill(-pid_t(group), SIGKILL);
        ::kill(pid_t(group), SIGKILL);
        pids.append(group);
    }
    QDeadlineTimer deadline(10000);
    for (const qint64 pid : pids) {
        while (pid > 1 && !processGone(pid) && !deadline.hasExpired()) QTest::qWait(10);
        QVERIFY2(pid <= 1 || processGone(pid),
                 qPrintable(QStringLiteral("pid %1 outlived KILL").arg(pid)));
    }
    // What a reboot clears: the marks the killed trials held.
    const QStringList marks = QDir(m_records).entryList(
        {QStringLiteral("slot-*"), QStringLiteral("dev-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& mark : marks) QDir(m_records).rmdir(mark);
}

}  // namespace tb::test
