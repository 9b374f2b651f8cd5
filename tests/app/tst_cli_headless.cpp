// The built trainbench with no display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM):
// --help, --version and every command's --help answer, and a bad option is a usage error
// that names it.

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/cli_command_specs.h"
#include "app/cli/cli_common.h"

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

    Answer trainbench(const QStringList& arguments) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
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
};

QTEST_GUILESS_MAIN(TestCliHeadless)
#include "tst_cli_headless.moc"
