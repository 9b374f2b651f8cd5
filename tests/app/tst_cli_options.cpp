// The command line's declarations: each usage line names only options its command declares,
// README.md's usage lines too, and the parser reads what the commands rely on.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "app/cli/cli_command_specs.h"
#include "app/cli/cli_common.h"
#include "app/cli/cli_host_args.h"
#include "app/cli/cli_sweep_setup.h"

using tb::cli::CommandSpec;

namespace {

// The --options a usage line names, outside quotes and comments.
QStringList optionsIn(QString line) {
    static const QRegularExpression quoted(QStringLiteral("'[^']*'|\"[^\"]*\""));
    line.remove(quoted);
    line = line.section(QLatin1Char('#'), 0, 0);
    static const QRegularExpression option(QStringLiteral("(?<![\\w-])--[a-z][a-z0-9-]*"));
    QStringList names;
    for (auto it = option.globalMatch(line); it.hasNext();)
        names.append(it.next().captured().mid(2));
    return names;
}

QStringList undeclared(const CommandSpec& spec, const QStringList& names) {
    QStringList missing;
    for (const QString& name : names) {
        bool declared = name == QLatin1String("help") || name == QLatin1String("config-dir");
        for (const tb::cli::OptionSpec& option : spec.options) declared |= option.name == name;
        if (!declared) missing.append(name);
    }
    return missing;
}

// The command a usage line after "trainbench" runs: "hosts add", "run", or the window.
const CommandSpec* commandOf(const QString& rest) {
    const QStringList words = rest.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty() || words.front().startsWith(QLatin1Char('-')) ||
        words.front().startsWith(QLatin1Char('[')))
        return &tb::cli::windowSpec();
    if (words.size() > 1)
        if (const CommandSpec* action = tb::cli::findCommandSpec(words[0] + ' ' + words[1]))
            return action;
    return tb::cli::findCommandSpec(words.front());
}

// README.md's lines in ```sh blocks that run trainbench, continuation lines joined.
QStringList readmeUsageLines() {
    QFile file(qEnvironmentVariable("TB_SOURCE_DIR") + QStringLiteral("/README.md"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    QStringList lines;
    bool inBlock = false;
    QString pending;
    for (const QString& raw : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (raw.startsWith(QLatin1String("```"))) {
            inBlock = !inBlock && raw.trimmed() == QLatin1String("```sh");
            continue;
        }
        if (!inBlock) continue;
        QString line = pending + raw.trimmed();
        pending.clear();
        if (line.endsWith(QLatin1Char('\\'))) {
            pending = line.chopped(1);
            continue;
        }
        static const QRegularExpression start(QStringLiteral("^(build/bin/)?trainbench(\\s|$)"));
        if (start.match(line).hasMatch()) lines.append(line);
    }
    return lines;
}

}  // namespace

class TestCliOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void usageLinesNameDeclaredOptions() {
        for (const CommandSpec& spec : tb::cli::commandSpecs()) {
            QVERIFY2(!spec.synopsis.isEmpty(), qPrintable(spec.name));
            for (const QString& line : spec.synopsis) {
                const QStringList missing = undeclared(spec, optionsIn(line));
                QVERIFY2(missing.isEmpty(),
                         qPrintable(spec.name + ": " + line + " names --" + missing.join(" --")));
            }
        }
    }

    void readmeUsageAgreesWithTheParser() {
        const QStringList lines = readmeUsageLines();
        QVERIFY2(lines.size() > 10, "README.md's trainbench usage lines were not found");
        for (const QString& line : lines) {
            const QString rest = line.section(QStringLiteral("trainbench"), 1).section('#', 0, 0);
            const CommandSpec* spec = commandOf(rest);
            QVERIFY2(spec, qPrintable("README.md names a command the CLI lacks: " + line));
            const QStringList missing = undeclared(*spec, optionsIn(rest));
            QVERIFY2(missing.isEmpty(),
                     qPrintable("README.md: " + line + "\n  --" + missing.join(" --") +
                                " not an option of '" + spec->name + "'"));
        }
    }

    void parserReadsBothSpellingsAndRepeats() {
        tb::cli::ParsedArgs args;
        const auto settled = tb::cli::parseCommand(
            tb::cli::commandSpec("run"),
            {"c.yaml", "--set", "a.b=1", "--set=c=2", "--detach", "--host=box"}, args);
        QVERIFY(!settled);
        QCOMPARE(args.positional, QStringList{"c.yaml"});
        QCOMPARE(args.values("set"), (QStringList{"a.b=1", "c=2"}));
        QVERIFY(args.has("detach"));
        QCOMPARE(args.value("host"), QString("box"));
        QCOMPARE(args.firstOptionOutside({"set", "detach"}), QString("host"));
    }

    void hostLaunchArgsReadTheHostConnectAndTrainerOptions() {
        tb::cli::ParsedArgs args;
        QVERIFY(!tb::cli::parseCommand(tb::cli::commandSpec("run"),
                                       {"c.yaml", "--host", "box", "--trainer", "/opt/tt",
                                        "--detach", "--no-prepare", "--accept-new"},
                                       args));
        const auto parsed = tb::cli::hostLaunchArgs(args);
        QVERIFY(parsed);
        QCOMPARE(parsed->host, QString("box"));
        QVERIFY(parsed->connect.acceptNew);
        QCOMPARE(parsed->trainer, QString("/opt/tt"));
        QVERIFY(parsed->detach);
        QVERIFY(!parsed->setup.prepare);
        QVERIFY(!parsed->setup.needed);  // the command knows whether it runs the trainer

        tb::cli::ParsedArgs bad;
        QVERIFY(!tb::cli::parseCommand(tb::cli::commandSpec("shutdown-after"),
                                       {"r1", "--host", "box", "--accept-key", "MD5:aa"}, bad));
        const auto refused = tb::cli::hostArgs(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.failure().code, tb::cli::kExitUsage);
    }

    void sweepSetupReadsEitherBaseWithAbsolutePaths() {
        const CommandSpec& spec = tb::cli::commandSpec("sweep");
        tb::cli::ParsedArgs trainer;
        QVERIFY(!tb::cli::parseCommand(spec, {"c.yaml", "s.yaml", "--set", "a=1"}, trainer));
        QVERIFY(!tb::cli::refuseSweepArguments(spec, trainer));
        const tb::SweepSetup fromConfig = tb::cli::sweepSetup(trainer);
        QCOMPARE(fromConfig.base.configPath, QDir::current().absoluteFilePath("c.yaml"));
        QCOMPARE(fromConfig.sweepPath, QDir::current().absoluteFilePath("s.yaml"));
        QCOMPARE(fromConfig.base.sets, QStringList{"a=1"});
        QVERIFY(fromConfig.base.command.isEmpty());
        QVERIFY(fromConfig.slots.isEmpty());  // the target's to add

        tb::cli::ParsedArgs script;
        QVERIFY(!tb::cli::parseCommand(
            spec, {"s.yaml", "--command", "python t.py {lr}", "--config", "c.yaml"}, script));
        QVERIFY(!tb::cli::refuseSweepArguments(spec, script));
        const tb::SweepSetup fromCommand = tb::cli::sweepSetup(script);
        QCOMPARE(fromCommand.base.command, QString("python t.py {lr}"));
        QCOMPARE(fromCommand.base.configPath, QDir::current().absoluteFilePath("c.yaml"));
        QCOMPARE(fromCommand.sweepPath, QDir::current().absoluteFilePath("s.yaml"));

        tb::cli::ParsedArgs both;
        QVERIFY(!tb::cli::parseCommand(spec, {"c.yaml", "s.yaml", "--slots", "2", "--gpus", "0"},
                                       both));
        QCOMPARE(tb::cli::refuseSweepArguments(spec, both),
                 std::optional<int>(tb::cli::kExitUsage));
        tb::cli::ParsedArgs oneFile;
        QVERIFY(!tb::cli::parseCommand(spec, {"c.yaml"}, oneFile));
        QCOMPARE(tb::cli::refuseSweepArguments(spec, oneFile),
                 std::optional<int>(tb::cli::kExitUsage));
    }

    void helpShowsEveryDeclaredOption() {
        for (const CommandSpec& spec : tb::cli::commandSpecs()) {
            const QString help = tb::cli::helpText(spec);
            for (const tb::cli::OptionSpec& option : spec.options)
                QVERIFY2(help.contains("--" + option.name),
                         qPrintable(spec.name + " --" + option.name));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
