// shellQuote and RemoteCommand: checked against the local /bin/sh, which must get back each
// argument byte for byte and never run any of it.

#include "remote/remote_command.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

namespace {

// Runs `command` in sh and returns its stdout.
QString runInSh(const QString& command, const QString& workDir = {}) {
    QProcess sh;
    if (!workDir.isEmpty()) sh.setWorkingDirectory(workDir);
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!sh.waitForFinished(10000)) return QStringLiteral("<sh did not finish>");
    return QString::fromUtf8(sh.readAllStandardOutput());
}

}  // namespace

class TestRemoteCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotesExactly_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << "/root/autodl-tmp/data_1.tar"
                               << "/root/autodl-tmp/data_1.tar";
        QTest::newRow("empty") << ""
                               << "''";
        QTest::newRow("space") << "a b"
                               << "'a b'";
        QTest::newRow("single quote") << "it's"
                                      << "'it'\"'\"'s'";
        QTest::newRow("dollar") << "$HOME"
                                << "'$HOME'";
        QTest::newRow("newline") << "a\nb"
                                 << "'a\nb'";
    }
    void quotesExactly() {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(shellQuote(text), quoted);
    }

    void shGetsEveryArgumentBack_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("spaces") << "my data  set";
        QTest::newRow("quotes") << "it's \"quoted\" ''";
        QTest::newRow("newlines") << "line1\nline2\n";
        QTest::newRow("dollar") << "$HOME ${PATH} $(id)";
        QTest::newRow("backticks") << "`id` `touch pwned`";
        QTest::newRow("separators") << "a; b && c | d > e < f & g";
        QTest::newRow("glob and tilde") << "~/* ? [a-z]";
        QTest::newRow("backslashes") << "\\ \\\\ \\n \\'";
        QTest::newRow("unicode") << QString::fromUtf8("数据集 ü");
        QTest::newRow("leading dash") << "-rf";
    }
    void shGetsEveryArgumentBack() {
        QFETCH(QString, text);
        QTemporaryDir dir;
        RemoteCommand command(QStringLiteral("printf"));
        command.arg(QStringLiteral("%s|")).arg(text).arg(text);
        QCOMPARE(runInSh(command.toString(), dir.path()), text + QLatin1Char('|') + text + '|');
        // Nothing in the argument ran: no file appeared.
        QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }

    void chainsAndChangesDirectory() {
        QTemporaryDir dir;
        const QString sub = dir.filePath(QStringLiteral("a b'c"));
        QVERIFY(QDir().mkpath(sub));
        const RemoteCommand pwd = RemoteCommand(QStringLiteral("pwd")).inDirectory(sub);
        QCOMPARE(runInSh(pwd.toString()).trimmed(), sub);

        RemoteCommand failing = RemoteCommand::trustedScript(QStringLiteral("false"));
        failing.andThen(RemoteCommand(QStringLiteral("echo")).arg(QStringLiteral("ran")));
        QCOMPARE(runInSh(failing.toString()), QString());

        RemoteCommand piped = RemoteCommand(QStringLiteral("printf")).arg(QStringLiteral("b\na\n"));
        piped.pipeTo(RemoteCommand(QStringLiteral("sort")));
        QCOMPARE(runInSh(piped.toString()), QStringLiteral("a\nb\n"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteCommand)
#include "tst_remote_command.moc"
