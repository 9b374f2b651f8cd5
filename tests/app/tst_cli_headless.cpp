// The built trainbench with no display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM):
// --help, --version and every command's --help answer, and a bad option is a usage error
// that names it; the command line speaks the terminal's language.

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "app/cli/cli_command_specs.h"
#include "app/cli/cli_common.h"
#include "core/services/language.h"

namespace {

struct Answer {
    int exitCode = -1;
    QString out;
    QString err;
};

}  // namespace

class TestCliHeadless : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // `locale`: the LANG to start with, and neither TRAINBENCH_LANG nor LC_* (empty: as ctest
    // set them, English).
    Answer trainbench(const QStringList& arguments, const QString& locale = QString(),
                      const QString& forced = QString()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        if (!locale.isEmpty()) {
            for (const char* name : {"TRAINBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
                env.remove(QString::fromLatin1(name));
            env.insert("LANG", locale);
        }
        if (!forced.isEmpty()) env.insert("TRAINBENCH_LANG", forced);
        env.insert("TRAINBENCH_HOME", m_home.path());
        env.insert("TRAINBENCH_RUNS", m_home.path() + "/runs");
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("TB_BIN_DIR") + "/trainbench", arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        if (process.exitStatus() != QProcess::NormalExit) return {};
        return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardOutput()),
                QString::fromLocal8Bit(process.readAllStandardError())};
    }

private Q_SLOTS:
    void helpListsTheCommands() {
        const Answer help = trainbench({"--help"});
        QVERIFY2(help.exitCode == 0, qPrintable(help.err));
        QCOMPARE(help.out, tb::cli::overviewText());
        QVERIFY(help.out.contains("trainbench run CONFIG"));
        QVERIFY(help.out.contains("trainbench hosts add NAME"));
        // After a window option as well.
        QCOMPARE(trainbench({"--runs-root", m_home.path(), "--help"}).exitCode, 0);
    }

    void versionIsTheProjects() {
        const Answer version = trainbench({"--version"});
        QVERIFY2(version.exitCode == 0, qPrintable(version.err));
        QCOMPARE(version.out, QString("trainbench " TB_PROJECT_VERSION "\n"));
    }

    void runHelpShowsItsOptions() {
        const Answer help = trainbench({"run", "--help"});
        QVERIFY2(help.exitCode == 0, qPrintable(help.err));
        for (const char* option : {"--detach", "--set k=v", "--host NAME", "--command LINE",
                                   "--metrics-regex RE", "--accept-new", "--no-prepare"})
            QVERIFY2(help.out.contains(option), option);
        QCOMPARE(trainbench({"hosts", "add", "--help"}).out,
                 tb::cli::helpText(tb::cli::commandSpec("hosts add")));
    }

    void badOptionIsAUsageErrorNamingIt_data() {
        QTest::addColumn<QStringList>("words");
        for (const tb::cli::CommandSpec& spec : tb::cli::commandSpecs())
            if (spec.name != QLatin1String("help"))
                QTest::newRow(qPrintable(spec.name)) << spec.name.split(' ');
    }

    void badOptionIsAUsageErrorNamingIt() {
        QFETCH(QStringList, words);
        const Answer bad = trainbench(words + QStringList{"--no-such-option", "ARG"});
        QCOMPARE(bad.exitCode, tb::cli::kExitUsage);
        QVERIFY2(bad.err.contains("unknown option '--no-such-option'"), qPrintable(bad.err));
        QVERIFY2(bad.err.contains("usage: trainbench " + words.join(' ')), qPrintable(bad.err));
        QVERIFY(bad.out.isEmpty());
    }

    void missingValueIsAUsageErrorNamingIt() {
        const Answer bad = trainbench({"upload", "box", "a", "b", "--compression"});
        QCOMPARE(bad.exitCode, tb::cli::kExitUsage);
        QVERIFY2(bad.err.contains("--compression needs a value"), qPrintable(bad.err));
    }

    // The terminal's locale picks the language, TRAINBENCH_LANG overrides it; the words are the
    // embedded catalog's, so a missing translation fails here.
    void speaksTheTerminalsLanguage() {
        QTranslator chinese;
        QVERIFY(chinese.load(tb::languageCatalog("zh_CN")));
        const QString unknown = chinese.translate("Cli", "unknown command '%1'").arg("nosuch");
        const QString detach =
            chinese.translate("Cli", "Print the run id and return; do not follow.");
        QVERIFY(!unknown.isEmpty() && !detach.isEmpty());

        const Answer zh = trainbench({"help", "nosuch"}, "zh_CN.UTF-8");
        QCOMPARE(zh.exitCode, tb::cli::kExitUsage);
        QVERIFY2(zh.err.contains(unknown), qPrintable(zh.err));
        const Answer zhHelp = trainbench({"run", "--help"}, "zh_CN.UTF-8");
        QVERIFY2(zhHelp.out.contains(detach), qPrintable(zhHelp.out));
        QVERIFY(zhHelp.out.contains("--detach"));  // option names stay as typed

        const Answer c = trainbench({"help", "nosuch"}, "C.UTF-8");
        QVERIFY2(c.err.contains("unknown command 'nosuch'"), qPrintable(c.err));
        const Answer forced = trainbench({"help", "nosuch"}, "C.UTF-8", "zh_CN");
        QVERIFY2(forced.err.contains(unknown), qPrintable(forced.err));

        // A typo at the top is answered by the command line too, in the same language.
        const Answer typo = trainbench({"nosuch-word"}, "zh_CN.UTF-8");
        QCOMPARE(typo.exitCode, tb::cli::kExitUsage);
        QVERIFY2(typo.err.contains(chinese
                                       .translate("Cli",
                                                  "'%1' is neither a command nor a "
                                                  "config file")
                                       .arg("nosuch-word")),
                 qPrintable(typo.err));
    }
};

QTEST_GUILESS_MAIN(TestCliHeadless)
#include "tst_cli_headless.moc"
