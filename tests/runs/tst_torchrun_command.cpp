// Tests the rewrite of a script run's python command for several processes per node: run by
// dash with stand-ins for torchrun and python on PATH that print what they were given, the
// command starts torchrun when it is there and python's torch.distributed.run when it is not,
// keeps the user's variables, -m and arguments, and refuses what torchrun cannot start.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/torchrun_command.h"

using namespace tb;

class TestTorchrunCommand : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A program named `name` in `folder` that prints its name and arguments.
    void writeEcho(const QString& folder, const QString& name) {
        QDir().mkpath(folder);
        QFile file(folder + "/" + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho \"${0##*/} $* [MODE=$MODE]\"\n");
        file.close();
        QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeOwner));
    }

    // `command` run by dash with only `path` to search: what it printed.
    QString run(const QString& command, const QString& path) {
        QProcess shell;
        QProcessEnvironment environment;
        environment.insert("PATH", path);
        shell.setProcessEnvironment(environment);
        const QString program = QFileInfo::exists("/bin/dash") ? "/bin/dash" : "/bin/sh";
        shell.start(program, {"-c", command});
        if (!shell.waitForFinished(30000)) return "<timeout>";
        return QString::fromUtf8(shell.readAllStandardOutput() + shell.readAllStandardError())
            .trimmed();
    }

private Q_SLOTS:
    void initTestCase() {
        writeEcho(m_dir.path() + "/with", "torchrun");
        writeEcho(m_dir.path() + "/with", "python3");
        writeEcho(m_dir.path() + "/without", "python3");
        writeEcho(m_dir.path() + "/venv/bin", "python");
    }

    void oneProcessKeepsTheCommand() {
        const auto same = torchrunCommand("sh train.sh 1", 1);
        QVERIFY(same.ok());
        QCOMPARE(*same, QString("sh train.sh 1"));
    }

    void torchrunOnPathStartsTheScript() {
        const auto command = torchrunCommand("MODE=fast python3 -u train.py --lr '0.1 x'", 2);
        QVERIFY2(command.ok(), command.ok() ? "" : command.error().c_str());
        QCOMPARE(run(*command, m_dir.path() + "/with"),
                 QString("torchrun --standalone --nproc_per_node=2 train.py --lr 0.1 x "
                         "[MODE=fast]"));
    }

    void withoutTorchrunThePythonRunsTheModule() {
        const auto command = torchrunCommand("python3 -m pkg.train --epochs 3", 4);
        QVERIFY2(command.ok(), command.ok() ? "" : command.error().c_str());
        QCOMPARE(run(*command, m_dir.path() + "/without"),
                 QString("python3 -m torch.distributed.run --standalone --nproc_per_node=4 -m "
                         "pkg.train --epochs 3 [MODE=]"));
        // A python named by path runs its own torch's launcher, torchrun or not.
        const QString venv = m_dir.path() + "/venv/bin/python";
        const auto own = torchrunCommand(venv + " train.py", 2);
        QVERIFY(own.ok());
        QCOMPARE(run(*own, m_dir.path() + "/with"),
                 QString("python -m torch.distributed.run --standalone --nproc_per_node=2 "
                         "train.py [MODE=]"));
    }

    void whatTorchrunCannotStartIsRefused() {
        for (const QString& command : {QString("sh train.sh"), QString("python -O train.py"),
                                       QString("python3"), QString("bash -c 'python x.py'")}) {
            const auto refused = torchrunCommand(command, 2);
            QVERIFY2(!refused.ok(), qPrintable(command));
            QVERIFY(QString::fromStdString(refused.error()).contains("python SCRIPT.py"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTorchrunCommand)
#include "tst_torchrun_command.moc"
