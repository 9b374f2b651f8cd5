// Runs the trainbench CLI as a child process for tests.
#include "cli_process.h"

#include <QProcess>

namespace tb::test {

QProcessEnvironment cliEnvironment(const QString& trainbenchHome) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRAINBENCH_HOME"), trainbenchHome);
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    return env;
}

CliRun runCli(const QString& program, const QStringList& arguments,
              const QProcessEnvironment& environment, const QByteArray& input, int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!input.isEmpty()) process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace tb::test
