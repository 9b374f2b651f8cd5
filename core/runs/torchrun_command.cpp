// Rewrites a script run's python command for torchrun (see torchrun_command.h).
#include "torchrun_command.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "fail_text.h"
#include "shell_quote.h"

namespace tb {
namespace {

struct TorchrunCommand {
    Q_DECLARE_TR_FUNCTIONS(TorchrunCommand)
};

}  // namespace

Result<QString> torchrunCommand(const QString& command, int processes) {
    if (processes <= 1) return command;
    // Leading VAR=value words, the interpreter, then -u (already implied: the wrapper sets
    // PYTHONUNBUFFERED) or -m; the rest of the line is passed on as the user wrote it.
    static const QRegularExpression head(
        QStringLiteral(
            R"(^\s*((?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*)((?:\S*/)?python[0-9.]*)((?:\s+-u)*)(\s+(?:-m\s+)?)(\S.*)$)"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = head.match(command);
    if (!match.hasMatch() || match.captured(5).startsWith(QLatin1Char('-'))) {
        return failText(TorchrunCommand::tr(
            "processes per node start the command with torchrun, which runs a python script: "
            "write the command as `python SCRIPT.py ARGS` or `python -m MODULE ARGS` (with no "
            "other python options), or start torchrun yourself in the command and leave "
            "processes per node at 1"));
    }
    const QString python = match.captured(2);
    const QString module =
        match.captured(4).contains(QLatin1String("-m")) ? QStringLiteral("-m ") : QString();
    const QString plainRun = python + QStringLiteral(" -m torch.distributed.run");
    // A bare python is whatever PATH finds, and so is torchrun: they belong together. A python
    // named by path (a venv's) runs its own torch's launcher.
    QString launcher;
    if (python.contains(QLatin1Char('/'))) {
        launcher = shellQuote(python) + QStringLiteral(" -m torch.distributed.run");
    } else {
        launcher =
            QStringLiteral("$(command -v torchrun >/dev/null 2>&1 && echo torchrun || echo ") +
            QString::fromStdString(singleQuoted(plainRun.toStdString())) + QStringLiteral(")");
    }
    return match.captured(1) + launcher +
           QStringLiteral(" --standalone --nproc_per_node=%1 ").arg(processes) + module +
           match.captured(5);
}

}  // namespace tb
