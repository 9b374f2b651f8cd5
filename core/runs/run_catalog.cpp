// RunCatalog: the runs under one runs root, re-read incrementally and reported in batches.
#include "run_catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cmath>

#include "core/protocol/atomic_file.h"
#include "fail_text.h"
#include "run_reader.h"

namespace tb {
namespace {

bool sameNumber(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Whether anything a view shows differs; a refresh reports only runs for which it does.
bool sameRun(const RunInfo& a, const RunInfo& b) {
    return a.name == b.name && a.target == b.target && a.state == b.state &&
           a.started == b.started && a.ended == b.ended && a.epoch == b.epoch && a.step == b.step &&
           a.pid == b.pid && a.pgid == b.pgid && a.exitCode == b.exitCode &&
           a.message == b.message && sameNumber(a.lastTrainLoss, b.lastTrainLoss) &&
           a.trainLossNotFinite == b.trainLossNotFinite && a.nonFiniteKeys == b.nonFiniteKeys &&
           sameNumber(a.bestValAcc, b.bestValAcc) && a.parentRun == b.parentRun &&
           a.parentCheckpoint == b.parentCheckpoint && a.tags == b.tags && a.note == b.note;
}

// Run directories: everything but the user's configs folder and hidden names.
QStringList candidateDirs(const QString& root) {
    QStringList names = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    names.removeIf([](const QString& name) {
        return name == QLatin1String("configs") || name.startsWith(QLatin1Char('.'));
    });
    return names;
}

}  // namespace

RunCatalog::RunCatalog(const QString& runsRoot, QObject* parent)
    : QObject(parent), m_runsRoot(QDir(runsRoot).absolutePath()) {
}

const RunInfo* RunCatalog::find(const QString& id) const {
    for (const RunInfo& run : m_runs) {
        if (run.id == id) return &run;
    }
    return nullptr;
}

void RunCatalog::refresh() {
    const QStringList names = candidateDirs(m_runsRoot);
    QHash<QString, qsizetype> known;
    for (qsizetype i = 0; i < m_local.size(); ++i) known.insert(m_local[i].id, i);

    QList<RunInfo> next;
    next.reserve(names.size());
    QHash<QString, qint64> stamps;
    QStringList changed;
    bool membershipChanged = false;
    for (const QString& name : names) {
        const QString dir = m_runsRoot + QLatin1Char('/') + name;
        const qint64 stamp = statusStamp(dir);
        const auto old = known.constFind(name);
        if (old != known.cend()) {
            const RunInfo& previous = m_local[*old];
            // A finished run only changes when its status.json is rewritten; a live one changes
            // with every metrics line, and "lost" can only be seen by looking at its pid.
            if (stamp == m_statusStamps.value(name, -2) && !isLiveState(previous.state)) {
                next.append(previous);
                stamps.insert(name, stamp);
                continue;
            }
        }
        RunInfo info;
        if (!readRunInfo(dir, info)) continue;
        stamps.insert(name, stamp);
        if (old == known.cend()) {
            membershipChanged = true;
        } else if (!sameRun(m_local[*old], info)) {
            changed.append(info.id);
        }
        next.append(std::move(info));
    }
    qsizetype kept = 0;
    for (const RunInfo& run : next) kept += known.contains(run.id) ? 1 : 0;
    if (kept != m_local.size()) membershipChanged = true;  // runs were removed
    m_local = std::move(next);
    m_statusStamps = std::move(stamps);
    merge();

    if (membershipChanged) {
        Q_EMIT runsReset();
    } else if (!changed.isEmpty()) {
        Q_EMIT runsUpdated(changed);
    }
}

void RunCatalog::merge() {
    m_runs = m_local;
    for (const QList<RunInfo>& runs : std::as_const(m_remote)) m_runs += runs;
    // Run ids begin with their creation time, so a descending sort puts the newest first.
    std::stable_sort(m_runs.begin(), m_runs.end(),
                     [](const RunInfo& a, const RunInfo& b) { return a.id > b.id; });
}

void RunCatalog::setRemoteRuns(const QString& host, QList<RunInfo> runs) {
    const QList<RunInfo> before = m_remote.value(host);
    QHash<QString, const RunInfo*> old;
    for (const RunInfo& run : before) old.insert(run.id, &run);
    bool membershipChanged = !m_remote.contains(host) && !runs.isEmpty();
    membershipChanged = membershipChanged || before.size() != runs.size();
    QStringList changed;
    for (RunInfo& run : runs) {
        run.target = host;  // the host's stored name, even for runs another app started
        const RunInfo* previous = old.value(run.id);
        if (!previous)
            membershipChanged = true;
        else if (!sameRun(*previous, run))
            changed.append(run.id);
    }
    m_remote.insert(host, std::move(runs));
    merge();
    if (membershipChanged)
        Q_EMIT runsReset();
    else if (!changed.isEmpty())
        Q_EMIT runsUpdated(changed);
}

void RunCatalog::setHostNote(const QString& host, const QString& note) {
    if (m_hostNotes.value(host) == note) return;
    m_hostNotes.insert(host, note);
    QStringList ids;
    for (const RunInfo& run : m_remote.value(host)) ids.append(run.id);
    if (!ids.isEmpty()) Q_EMIT runsUpdated(ids);
}

void RunCatalog::startWatching(int intervalMs) {
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &RunCatalog::refresh);
    }
    m_timer->start(intervalMs);
}

// A run of this machine by id; `onHost` (marked QT_TR_NOOP, %1 the run, %2 its host) is the
// whole message for a run that lives on a host, so that each reads as one sentence.
Result<const RunInfo*> RunCatalog::localRun(const QString& id, const char* onHost) const {
    const RunInfo* run = find(id);
    if (!run) {
        return failText(
            tr("no run '%1' in %2; refresh the list and try again").arg(id, m_runsRoot));
    }
    if (isRemote(*run)) return failText(tr(onHost).arg(id, run->target));
    return run;
}

Result<void> RunCatalog::annotate(const QString& id, const QString& name, const QStringList& tags,
                                  const QString& note) {
    const Result<const RunInfo*> found =
        localRun(id, QT_TR_NOOP("run %1 lives on host %2; names, tags and notes are kept for "
                                "local runs only so far"));
    if (!found) return found.failure();
    const RunInfo* run = *found;
    QJsonObject object;
    object.insert(QLatin1String("name"), name);
    object.insert(QLatin1String("tags"), QJsonArray::fromStringList(tags));
    object.insert(QLatin1String("note"), note);
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    const QString path = run->dir + QLatin1String("/annotations.json");
    if (auto written = writeFileAtomic(path.toStdString(), text.toStdString()); !written) {
        return failText(tr("could not save the notes of run %1: %2")
                            .arg(id, QString::fromStdString(written.error())));
    }
    RunInfo updated;
    if (readRunInfo(run->dir, updated)) {
        for (RunInfo& entry : m_local) {
            if (entry.id == id) entry = updated;
        }
        merge();
    }
    Q_EMIT runsUpdated({id});
    return {};
}

Result<void> RunCatalog::remove(const QString& id) {
    const Result<const RunInfo*> found =
        localRun(id, QT_TR_NOOP("run %1 lives on host %2; delete it there (its folder under the "
                                "host's runs root)"));
    if (!found) return found.failure();
    const RunInfo* run = *found;
    // Look again: the cached state may be a second old, and deleting a live run's directory
    // would pull the files out from under its process.
    RunInfo fresh;
    const QString dir = run->dir;
    if (readRunInfo(dir, fresh) && isLiveState(fresh.state)) {
        const std::string_view state = runStateName(fresh.state);
        //: %2 is the run's state as the run folder spells it (queued, starting, running)
        return failText(tr("run %1 is still %2; stop it first, then delete it once it has ended")
                            .arg(id, QString::fromLatin1(state.data(), qsizetype(state.size()))));
    }
    if (!QDir(dir).removeRecursively()) {
        return failText(
            tr("could not delete all of %1; check its permissions and delete the rest by hand")
                .arg(dir));
    }
    m_local.removeIf([&id](const RunInfo& entry) { return entry.id == id; });
    m_statusStamps.remove(id);
    merge();
    Q_EMIT runsReset();
    return {};
}

}  // namespace tb
