#pragma once
// Notebook runs: a script run whose command is the notebook runner (resources/
// trainbench_notebook.py) on the notebook's cells, copied into the run folder.

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

#include "backend.h"
#include "core/protocol/result.h"

namespace tb {

// What a launch can carry to a box in its one command (the whole command must stay under the
// kernel's 128 KiB for one argument); outputs are dropped first, so this is code and text.
constexpr qsizetype kMaxNotebookBytes = 64 * 1024;

// Reads the .ipynb at `path`, checks it is a Jupyter notebook (nbformat 4) and makes `request`
// run it: its cells without outputs in request.notebook, the runner as request.command.
Result<void> makeNotebookRequest(const QString& path, LaunchRequest& request);

// Files a script run needs beside its wrapper on a box, read from `helperDir` (where
// tb-wrap.sh lies): trainbench_log.py always; for a notebook, the runner and notebook.ipynb.
QList<std::pair<QString, QByteArray>> scriptHelperFiles(const LaunchRequest& request,
                                                        const QString& helperDir);

// A local notebook run: notebook.ipynb into its run folder.
Result<void> writeNotebook(const QString& runDir, const LaunchRequest& request);

}  // namespace tb
