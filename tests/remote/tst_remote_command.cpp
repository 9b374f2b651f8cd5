// shellQuote and RemoteCommand: checked against the local /bin/sh, which must get back each
// argument byte for byte and never run any of it.

#include "remote/ssh/remote_command.h"

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

// The words of `line` as fish reads them: inside single quotes only \\ and \' are escapes
// (sh keeps every backslash there), outside them a backslash escapes the next character.
QStringList fishWords(const QString& line) {
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char(' ')) {
            if (inWord) words.append(word);
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            word += line.at(++i);
        } else if (c == QLatin1Char('\'')) {
            for (++i; i < line.size() && line.at(i) != QLatin1Char('\''); ++i) {
                const bool escape =
                    line.at(i) == QLatin1Char('\\') && i + 1 < line.size() &&
                    (line.at(i + 1) == QLatin1Char('\\') || line.at(i + 1) == QLatin1Char('\''));
                word += escape ? line.at(++i) : line.at(i);
            }
        } else {
            word += c;
        }
    }
    if (inWord) words.append(word);
    return words;
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

    // What goes to the box is `sh -c '<script>'`: sh and fish both read it back as sh, -c and
    // the script, and sh then runs the script as it ran the bare command.
    void shellLineIsOneWordForSh() {
        QFETCH(QString, text);
        QTemporaryDir dir;
        RemoteCommand command(QStringLiteral("printf"));
        command.arg(QStringLiteral("%s|")).arg(text);
        const QString line = command.shellLine();
        QVERIFY2(line.startsWith(QLatin1String("sh -c '")) && line.endsWith(QLatin1Char('\'')),
                 qPrintable(line));
        QCOMPARE(fishWords(line),
                 (QStringList{QStringLiteral("sh"), QStringLiteral("-c"), command.toString()}));
        QCOMPARE(runInSh(line, dir.path()), text + QLatin1Char('|'));
        QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }
    void shellLineIsOneWordForSh_data() { shGetsEveryArgumentBack_data(); }

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
