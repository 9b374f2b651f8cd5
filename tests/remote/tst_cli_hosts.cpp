// trainbench hosts add/list/rm/forget-key, run as a real process against a temporary config dir.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "cli_process.h"

using tb::test::CliRun;
using tb::test::cliEnvironment;
using tb::test::runCli;

class TestCliHosts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    CliRun trainbench(const QStringList& arguments) {
        return runCli(QStringLiteral(TB_CLI_HARNESS), QStringList{QStringLiteral("hosts")} + arguments,
                      cliEnvironment(m_home.path()), {}, 30000);
    }

private Q_SLOTS:
    void addListRemove() {
        QCOMPARE(trainbench({}).exitCode, 0);
        const CliRun added =
            trainbench({QStringLiteral("add"), QStringLiteral("a4090"),
                        QStringLiteral("ssh -p 52979 root@connect.westd.seetacloud.com"),
                        QStringLiteral("--key"), QStringLiteral("/keys/id"),
                        QStringLiteral("--price"), QStringLiteral("1.5")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CliRun listed = trainbench({});
        QVERIFY(listed.out.contains(QStringLiteral("a4090")));
        QVERIFY(listed.out.contains(QStringLiteral("root@connect.westd.seetacloud.com:52979")));
        QVERIFY(listed.out.contains(QStringLiteral("/keys/id")));
        QVERIFY(
            trainbench({QStringLiteral("--json")}).out.contains(QStringLiteral("\"port\": 52979")));
        QVERIFY(QFile::exists(QDir(m_home.path()).filePath(QStringLiteral("hosts.json"))));

        // The same name twice is refused, with the way out.
        const CliRun again =
            trainbench({QStringLiteral("add"), QStringLiteral("a4090"), QStringLiteral("ssh h")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("hosts rm a4090")));

        QCOMPARE(trainbench({QStringLiteral("rm"), QStringLiteral("a4090")}).exitCode, 0);
        QVERIFY(!trainbench({}).out.contains(QStringLiteral("a4090")));
        QCOMPARE(trainbench({QStringLiteral("rm"), QStringLiteral("a4090")}).exitCode, 1);
    }

    void badLinesAndUsage() {
        const CliRun bad = trainbench(
            {QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("ssh -L 1:h:2 root@h")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("'-L'")), qPrintable(bad.err));
        QCOMPARE(trainbench({QStringLiteral("add"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(trainbench({QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void forgetKeyRemovesOnlyThatHost() {
        const QString knownHosts = m_home.filePath(QStringLiteral("known_hosts"));
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[box.example]:2222 ssh-ed25519 AAAA\nother.example ssh-ed25519 BBBB\n");
        file.close();
        QCOMPARE(trainbench({QStringLiteral("add"), QStringLiteral("box"),
                             QStringLiteral("ssh -p 2222 u@box.example"),
                             QStringLiteral("--known-hosts"), knownHosts})
                     .exitCode,
                 0);
        const CliRun forgot = trainbench({QStringLiteral("forget-key"), QStringLiteral("box")});
        QVERIFY2(forgot.exitCode == 0, qPrintable(forgot.err));
        QVERIFY(forgot.out.contains(QStringLiteral("forgot 1")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("other.example ssh-ed25519 BBBB\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliHosts)
#include "tst_cli_hosts.moc"
