// Tests the placeholders of a script run's command: every {key.path} filled from the config and
// quoted for where it sits, so a hostile value reaches the program verbatim and never runs;
// shell braces and {{...}} left alone; unknown keys rejected with the key and its position.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/script_command.h"
#include "core/runs/shell_quote.h"

using namespace tb;

namespace {

// Runs `line` with dash (the strictest common sh) in `dir`; its stdout.
QString runShell(const std::string& line, const QString& dir) {
    QProcess shell;
    shell.setWorkingDirectory(dir);
    const QString program = QFileInfo::exists("/bin/dash") ? "/bin/dash" : "/bin/sh";
    shell.start(program, {"-c", QString::fromStdString(line)});
    if (!shell.waitForFinished(30000)) return "<timeout>";
    return QString::fromUtf8(shell.readAllStandardOutput());
}

const std::string kHostile = "it's a \"test\" $(touch pwned) `touch pwned2` ; \\n $HOME *";

}  // namespace

class TestScriptRunTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valuesReachTheProgramVerbatimInEveryQuoting() {
        const ConfigValues values{{"name", kHostile}, {"optim.lr", "0.001"}};
        auto filled = fillCommandTemplate(
            R"(printf '[%s]\n' {name} "{name}" '{name}' --lr={optim.lr} "lr {optim.lr}")", values);
        QVERIFY2(filled.ok(), filled.ok() ? "" : filled.error().c_str());
        QTemporaryDir dir;
        const QString out = runShell(*filled, dir.path());
        const QString hostile = QString::fromStdString(kHostile);
        QCOMPARE(out, "[" + hostile + "]\n[" + hostile + "]\n[" + hostile +
                          "]\n[--lr=0.001]\n[lr 0.001]\n");
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());  // nothing was executed
    }

    void shellBracesAndEscapedPlaceholdersStay() {
        const ConfigValues values{{"train.epochs", "3"}};
        auto filled = fillCommandTemplate(
            R"(echo ${HOME} {{train.epochs}} {train.epochs} {a,b} { x; } '{"k": 1}' \{train.epochs})",
            values);
        QVERIFY2(filled.ok(), filled.ok() ? "" : filled.error().c_str());
        QCOMPARE(*filled,
                 std::string(
                     R"(echo ${HOME} {train.epochs} '3' {a,b} { x; } '{"k": 1}' \{train.epochs})"));
    }

    void unknownPlaceholderNamesKeyPositionAndSuggestion() {
        const ConfigValues values = defaultValues();
        auto filled = fillCommandTemplate("python train.py --lr {optim.lrr}", values);
        QVERIFY(!filled.ok());
        const std::string error = filled.error();
        QVERIFY2(error.find("{optim.lrr}") != std::string::npos, error.c_str());
        QVERIFY2(error.find("character 22") != std::string::npos, error.c_str());
        QVERIFY2(error.find("did you mean 'optim.lr'") != std::string::npos, error.c_str());
    }

    // In $(…) or `…` the shell parses again: no outside quoting protects a value there.
    void placeholdersInCommandSubstitutionAreRefused() {
        const ConfigValues values{{"data.path", "x; touch pwned"}};
        for (const char* text : {"echo \"$(ls {data.path})\"", "echo $(dirname $(ls {data.path}))",
                                 "echo `ls {data.path}`", "echo \"`ls '{data.path}'`\""}) {
            auto filled = fillCommandTemplate(text, values);
            QVERIFY2(!filled.ok(), text);
            QVERIFY2(filled.error().find("inside $(") != std::string::npos, filled.error().c_str());
        }
        // Outside them, and after they close, a placeholder is fine.
        auto after = fillCommandTemplate("echo $(date) {data.path} '$(x)' {data.path}", values);
        QVERIFY2(after.ok(), after.ok() ? "" : after.error().c_str());
    }

    void singleQuotedIsOneWord() {
        QCOMPARE(singleQuoted("it's"), std::string("'it'\"'\"'s'"));
        QTemporaryDir dir;
        QCOMPARE(runShell("printf '%s|' " + singleQuoted(kHostile), dir.path()),
                 QString::fromStdString(kHostile) + "|");
    }
};

QTEST_GUILESS_MAIN(TestScriptRunTemplate)
#include "tst_script_run_template.moc"
