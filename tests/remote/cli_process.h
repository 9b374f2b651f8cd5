#pragma once
// Runs the trainbench CLI as a child process for tests: exit code and both outputs.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace tb::test {

struct CliRun {
    int exitCode = -1;  // -1: it did not finish in time
    QString out;
    QString err;
};

// This process's environment with TRAINBENCH_HOME set and no ssh-agent, so that neither the
// developer's config nor their keys can change a test's outcome.
QProcessEnvironment cliEnvironment(const QString& trainbenchHome);

// Runs `program arguments`, writes `input` to its stdin and closes it (no terminal: nothing
// may be asked), and waits up to `timeoutMs`.
CliRun runCli(const QString& program, const QStringList& arguments,
              const QProcessEnvironment& environment, const QByteArray& input = {},
              int timeoutMs = 180000);

}  // namespace tb::test
