// What the CLI prints of a box's words goes through terminalSafe: a sidecar whose metric name
// carries OSC 52 (set the clipboard) or a bidirectional override is shown with '?' instead,
// in the checkpoint list and in error messages; --json keeps the data as it is (escaped).

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/cli_common.h"
#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb::test;

namespace {

const QString kRun = QStringLiteral("20261122-153012-forged");

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace

class TestCliBoxText : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    CliRun trainbench(const QStringList& arguments) {
        QProcessEnvironment env = cliEnvironment(m_home.path());
        env.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
        return runCli(QCoreApplication::applicationFilePath(), arguments, env, {}, 300000);
    }

private Q_SLOTS:
    void controlCharactersAreShownAsQuestionMarks() {
        using tb::cli::terminalSafe;
        QCOMPARE(terminalSafe(QStringLiteral("a\x1b]52;c;SGk=\x07z")),
                 QStringLiteral("a?]52;c;SGk=?z"));
        QCOMPARE(terminalSafe(QStringLiteral("x\rbad\x7f\u009b2J")), QStringLiteral("x?bad??2J"));
        QCOMPARE(terminalSafe(QStringLiteral("name\u202Etxt.exe")), QStringLiteral("name?txt.exe"));
        QCOMPARE(terminalSafe(QStringLiteral("two\nlines\tand é ü 中")),
                 QStringLiteral("two\nlines\tand é ü 中"));
    }

    void forgedSidecarIsListedWithoutEscapes() {
        const QString root = m_home.filePath(QStringLiteral("box runs"));
        const QString dir = root + QLatin1Char('/') + kRun;
        QVERIFY(writeFile(dir + "/run.json", R"({"id":"20261122-153012-forged","name":"f"})"
                                             "\n"));
        QVERIFY(writeFile(dir + "/status.json", R"({"state":"finished","exit_code":0})"
                                                "\n"));
        QVERIFY(writeFile(dir + "/checkpoints/ckpt-e0001-s0000001.pt", "1234567"));
        QVERIFY(writeFile(dir + "/checkpoints/ckpt-e0001-s0000001.json",
                          "{\"epoch\":1,\"step\":1,\"bytes\":7,"
                          "\"metrics\":{\"\\u001b]52;c;SGk=\\u0007loss\":0.5}}"));
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("box"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts")), QStringLiteral("--remote-root"),
             root});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        const CliRun listed =
            trainbench({QStringLiteral("checkpoints"), kRun, QStringLiteral("--host"),
                        QStringLiteral("box"), QStringLiteral("--accept-new")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(listed.out.contains(QLatin1String("ckpt-e0001-s0000001.pt")),
                 qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QLatin1String("?]52;c;SGk=?loss=0.5")),
                 qPrintable(listed.out));
        QVERIFY(!listed.out.contains(QChar(0x1b)) && !listed.out.contains(QChar(0x07)));

        const CliRun json =
            trainbench({QStringLiteral("checkpoints"), kRun, QStringLiteral("--host"),
                        QStringLiteral("box"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QVERIFY2(json.out.contains(QLatin1String("\\u001b]52")), qPrintable(json.out));

        // An error quoting what the box said: the run id given here is echoed back too.
        const CliRun missing =
            trainbench({QStringLiteral("checkpoints"), QStringLiteral("x\x1b]52;c;SGk=\x07"),
                        QStringLiteral("--host"), QStringLiteral("box")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(!missing.err.contains(QChar(0x1b)), qPrintable(missing.err));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && tb::isCliCommand(QString::fromLocal8Bit(argv[1])))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestCliBoxText test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cli_box_text.moc"
