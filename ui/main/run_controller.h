#pragma once
// Turns the user's run intents into backend calls: launch (here or on a host), stop (then offer
// kill after a grace period), resume and fork from a checkpoint. The run's Backend comes from
// RunTargets, whatever its target; moving a checkpoint between machines uses RemoteRuns.
// Dialogs are parented to the main window.

#include <QObject>
#include <QString>

#include <functional>

#include "core/protocol/result.h"
#include "remote/prepare/prepare_host.h"

class QWidget;

namespace tb {

class Backend;
struct LaunchRequest;
class RunTargets;
class RemoteRuns;
class RunCatalog;
struct RunInfo;

class RunController : public QObject {
    Q_OBJECT

public:
    RunController(RunTargets* targets, RunCatalog* catalog, QWidget* dialogParent);

    // `configText` may hold unsaved edits; `configPath` gives relative paths their base.
    void launch(const QString& configPath, const QString& configText);
    // The same on a stored host; the answer comes later (launched or failed).
    void launchOn(const QString& host, const QString& configPath, const QString& configText);
    // Any request (a script run too) here (empty host) or on a host; a host without a trainer
    // is prepared first in a PrepareHostDialog, and the run starts when that succeeds.
    void launchOn(const QString& host, const LaunchRequest& request);
    // What the automatic "Prepare host" uses (tests: a tiny source tree, a cache folder).
    void setPrepareOptions(const PrepareOptions& options) { m_prepareOptions = options; }
    void setRemoteRuns(RemoteRuns* remote) { m_remote = remote; }
    // "Prepare host" as a visible step (a PrepareHostDialog): `then` runs once it closes after
    // a success; a failed or cancelled prepare runs nothing and says so.
    void prepareHostThen(const QString& host, std::function<void()> then);
    void stop(const QString& runId);
    void kill(const QString& runId);
    // A remote run resumes or forks on its own host, from the checkpoint file on the box.
    void resume(const QString& runId, const QString& checkpoint);
    void fork(const QString& runId, const QString& checkpoint);
    // As fork, with the config adjusted before the user edits it (a sweep's trial: its values).
    void forkAdjusted(const QString& runId, const QString& checkpoint,
                      std::function<Result<QString>(const QString& config)> adjust);
    // A remote run's checkpoint resumed on another host (uploaded there first) or, when
    // `host` is empty, on this machine (downloaded first); progress as status messages.
    void resumeOn(const QString& runId, const QString& checkpoint, const QString& host);

    void setStopGraceMs(int ms) { m_stopGraceMs = ms; }
    // Tests answer the fork editor without a modal loop.
    void setForkEditor(std::function<bool(QString& text)> editor) {
        m_forkEditor = std::move(editor);
    }

Q_SIGNALS:
    void launched(const QString& runId);
    void failed(const QString& message);
    void statusMessage(const QString& message);

private:
    // `prepared`: the host was just prepared; asking for it again would loop.
    void launchTo(const QString& target, const LaunchRequest& request, bool prepared);
    void prepareThenLaunch(const QString& host, const LaunchRequest& request);
    void offerKillIfStillRunning(const QString& runId);
    void stopRequested(const QString& runId);
    Backend* backendOf(const QString& runId);
    bool editForkConfig(QString& text);

    RunTargets* m_targets;
    RunCatalog* m_catalog;
    RemoteRuns* m_remote = nullptr;
    QWidget* m_dialogParent;
    int m_stopGraceMs = 15000;
    std::function<bool(QString& text)> m_forkEditor;
    PrepareOptions m_prepareOptions;
};

}  // namespace tb
