#pragma once
// A sweep folder in a temporary runs root for the tests of resources/tb-sweep.sh: slots, trial
// scripts that record what they saw, and schedulers started, killed and restarted like on a box.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace tb::test {

// One start of a trial, as the trial itself wrote it down.
struct TrialStart {
    QString devices;   // CUDA_VISIBLE_DEVICES, "unset" when it was not in the environment
    int slot = -1;     // TB_SWEEP_SLOT
    QString resume;    // TB_SWEEP_RESUME, "unset" when absent
    qint64 pid = 0;    // the trial script's own pid
    qint64 group = 0;  // its parent's: the process group the scheduler started it in
};

enum class TrialKind {
    Quick,        // ends at once (after a little work, so neighbours overlap)
    Blocking,     // waits for release(n) or releaseAll(), ends 143 on TERM
    IgnoresTerm,  // waits forever and ignores TERM: only KILL ends it
};

class SweepFixture {
public:
    SweepFixture();
    ~SweepFixture();

    bool isValid() const { return m_root.isValid(); }
    QString sweepDir() const { return m_sweep; }
    QString sweepPath(const QString& relative) const { return m_sweep + '/' + relative; }

    void writeSlots(const QByteArray& text) const;
    // How many trials may share one CUDA_VISIBLE_DEVICES value before a trial reports it.
    void setTrialsPerDevice(int count) { m_perDevice = count; }
    // Queued the way the app does it: a temp file renamed into queue/. Returns "NNNNNN".
    QString queueTrial(int number, TrialKind kind = TrialKind::Quick, int exitCode = 0) const;

    // Another copy of the scheduler to start (by default $TB_BIN_DIR/tb-sweep.sh).
    void setSchedulerPath(const QString& path) { m_scheduler = path; }
    // Starts `sh tb-sweep.sh SWEEP_DIR` (extra environment NAME=VALUE entries).
    QProcess* startScheduler(const QStringList& environment = {});
    // One slot, taken by Blocking trial 1, with `quickAfter` Quick trials queued behind it:
    // the scheduler is started and trial 1 seen running; nullptr if it did not start in time.
    QProcess* startBehindBlockingTrial(int quickAfter);

    std::vector<TrialStart> starts(const QString& id) const;  // one per start, in order
    bool started(const QString& id) const { return !starts(id).empty(); }
    QByteArray violations() const;  // lines of trials that found their slot or device taken
    void release(const QString& id) const;
    void releaseAll() const;

    // Names (without suffix) in a sweep subfolder ending with `suffix`, sorted.
    QStringList idsIn(const QString& folder, const QString& suffix = QStringLiteral(".sh")) const;
    QByteArray text(const QString& relative) const;  // trimmed contents of a sweep file
    QByteArray log() const { return text(QStringLiteral("scheduler.log")); }
    qint64 recordedPid(const QString& id) const;  // running/N.pid

    // A reboot as the trials see it: every trial process group is killed and waited for, and
    // the slot marks a killed trial could not remove are cleared.
    void killAllTrials() const;

private:
    QTemporaryDir m_root;
    QString m_sweep;
    QString m_records;
    QString m_scheduler;
    int m_perDevice = 1;
    std::vector<std::unique_ptr<QProcess>> m_schedulers;
};

// Writes a whole file; fails the calling test when it cannot.
void writeFile(const QString& path, const QByteArray& bytes);

// Whether a process is gone (or a zombie nobody reaps): what the scheduler itself checks.
bool processGone(qint64 pid);

}  // namespace tb::test
