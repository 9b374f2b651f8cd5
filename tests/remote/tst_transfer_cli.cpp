// trainbench upload / download through a local sshd: a folder and a file both ways, the
// summary line, and the exit codes and messages of bad input. The test binary doubles as the CLI.

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"
#include "tst_transfer_tree.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace tb::test;

class TestTransferCli : public tb::test::SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString path(const QString& name) const { return m_home.filePath(name); }

    // No terminal: nothing may be asked.
    CliRun trainbench(const QStringList& arguments) {
        return runCli(QCoreApplication::applicationFilePath(), arguments,
                      cliEnvironment(m_home.path()), {}, 120000);
    }

private Q_SLOTS:
    void uploadAndDownloadFromTheCommandLine() {
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added =
            trainbench({QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("box"),
                        QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
                        QStringLiteral("--key"), m_sshd.userKeyFile(),
                        QStringLiteral("--known-hosts"), path(QStringLiteral("known_hosts"))});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        const QString source = path(QStringLiteral("dataset"));
        makeTree(source, 300, 2000, 5);
        const QString remote = path(QStringLiteral("remote/dataset"));
        // Unknown key, no terminal: refused with the fingerprint, nothing sent.
        const CliRun refused =
            trainbench({QStringLiteral("upload"), QStringLiteral("box"), source, remote});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(m_sshd.hostKeyFingerprint()), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(remote));

        const CliRun up =
            trainbench({QStringLiteral("upload"), QStringLiteral("box"), source, remote,
                        QStringLiteral("--accept-key"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QVERIFY2(up.out.startsWith(QLatin1String("uploaded 300 files")), qPrintable(up.out));
        QCOMPARE(readTree(remote), readTree(source));

        const QString back = path(QStringLiteral("back"));
        const CliRun down =
            trainbench({QStringLiteral("download"), QStringLiteral("box"), remote, back});
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        QCOMPARE(readTree(back), readTree(source));

        const QString file = path(QStringLiteral("weights.pt"));
        makeFile(file, 3 << 20, 6);
        const CliRun upFile = trainbench({QStringLiteral("upload"), QStringLiteral("box"), file,
                                          path(QStringLiteral("remote"))});
        QVERIFY2(upFile.exitCode == 0, qPrintable(upFile.err));
        QVERIFY(upFile.out.startsWith(QLatin1String("uploaded 1 file,")));
        QCOMPARE(sha256Of(path(QStringLiteral("remote/weights.pt"))), sha256Of(file));
        const CliRun downFile =
            trainbench({QStringLiteral("download"), QStringLiteral("box"),
                        path(QStringLiteral("remote/weights.pt")), path(QStringLiteral("w.pt"))});
        QVERIFY2(downFile.exitCode == 0, qPrintable(downFile.err));
        QCOMPARE(sha256Of(path(QStringLiteral("w.pt"))), sha256Of(file));

        // Bad input: usage errors exit 2, failures 1 with the path named.
        QCOMPARE(trainbench({QStringLiteral("upload"), QStringLiteral("box")}).exitCode, 2);
        QCOMPARE(trainbench({QStringLiteral("download"), QStringLiteral("box"), remote, back,
                             QStringLiteral("--compression"), QStringLiteral("lz4")})
                     .exitCode,
                 2);
        const CliRun noHost =
            trainbench({QStringLiteral("upload"), QStringLiteral("nosuch"), source, remote});
        QCOMPARE(noHost.exitCode, 1);
        QVERIFY(noHost.err.contains(QLatin1String("no host named 'nosuch'")));
        const QString missing = path(QStringLiteral("missing"));
        const CliRun noSource =
            trainbench({QStringLiteral("download"), QStringLiteral("box"), missing, back});
        QCOMPARE(noSource.exitCode, 1);
        QVERIFY2(noSource.err.contains(missing), qPrintable(noSource.err));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "upload") == 0 ||
                     qstrcmp(argv[1], "download") == 0))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestTransferCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_transfer_cli.moc"
