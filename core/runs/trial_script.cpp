// Trial scripts: plain sh, every word quoted, so a run folder or a value with spaces or quotes
// reaches the wrapper as one argument.

#include "trial_script.h"

#include <QFileInfo>

#include "core/protocol/atomic_file.h"
#include "shell_quote.h"

namespace tb {

namespace {

QByteArray commandLine(const QStringList& argv) {
    QStringList words;
    for (const QString& word : argv) words << shellQuote(word);
    return words.join(QLatin1Char(' ')).toUtf8();
}

}  // namespace

QByteArray trialScriptText(const QString& runDir, const QStringList& start,
                           const QStringList& resume) {
    const QByteArray dir = shellQuote(runDir).toUtf8();
    QString comment = runDir;
    comment.replace(QLatin1Char('\n'), QLatin1Char('?'));
    QByteArray text =
        "#!/bin/sh\n# tb-run-dir: " + comment.toUtf8() + "\ncd " + dir + " || exit 2\n";
    if (!resume.isEmpty()) {
        text += "if [ -n \"${TB_SWEEP_RESUME:-}\" ] && [ -f " + dir +
                "/checkpoints/latest.json ]; then\n    exec " + commandLine(resume) + "\nfi\n";
    }
    text += "exec " + commandLine(start) + "\n";
    return text;
}

QStringList resumeLatestCommand(const QString& wrapper, const QString& runDir,
                                const QString& trainer) {
    return {QStringLiteral("/bin/sh"),
            wrapper,
            runDir,
            QStringLiteral("--"),
            trainer,
            QStringLiteral("--run-dir"),
            runDir,
            QStringLiteral("--resume"),
            QStringLiteral("latest")};
}

Result<void> writeTrialScript(const QString& path, const QByteArray& text) {
    return writeFileAtomic(QFileInfo(path).absoluteFilePath().toStdString(), text.toStdString());
}

}  // namespace tb
