// The one option parser of the command line: a CommandSpec's options through QCommandLineParser.
#include "cli_options.h"

#include <QCommandLineParser>

#include <cstdio>

#include "cli_common.h"

namespace tb::cli {
namespace {

constexpr qsizetype kWidestOptionColumn = 30;
const char* const kHelpHelp = QT_TRANSLATE_NOOP("Cli", "Show this help.");

QString dashed(const QString& name) {
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

QString optionColumn(const OptionSpec& option) {
    QString column = dashed(option.name);
    if (!option.valueName.isEmpty()) column += QLatin1Char(' ') + option.valueName;
    return column;
}

// Whether `word` is "--NAME" for an option that needs a value: given last, it lacks one.
bool takesValue(const CommandSpec& spec, const QString& word) {
    if (!word.startsWith(QLatin1String("--"))) return false;
    for (const OptionSpec& option : spec.options)
        if (!option.valueName.isEmpty() && word.mid(2) == option.name) return true;
    return false;
}

}  // namespace

QString ParsedArgs::value(const QString& name) const {
    const QStringList given = m_values.value(name);
    return given.isEmpty() ? QString() : given.last();
}

QStringList ParsedArgs::values(const QString& name) const {
    return m_values.value(name);
}

QString ParsedArgs::firstOptionOutside(const QStringList& allowed) const {
    for (const QString& name : m_given)
        if (!allowed.contains(name)) return name;
    return {};
}

std::optional<int> parseCommand(const CommandSpec& spec, const QStringList& args,
                                ParsedArgs& parsed) {
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Text::tr(kHelpHelp));
    parser.addOption(help);
    for (const OptionSpec& option : spec.options) {
        const QString about = Text::tr(option.help);
        parser.addOption(option.valueName.isEmpty()
                             ? QCommandLineOption(option.name, about)
                             : QCommandLineOption(option.name, about, option.valueName));
    }
    const bool ok = parser.parse(QStringList{QStringLiteral("trainbench")} + args);
    // `trainbench upload help` as well as --help; not for an action's NAME (hosts rm help).
    const bool helpWord =
        args == QStringList{QStringLiteral("help")} && !spec.name.contains(QLatin1Char(' '));
    if (helpWord || (ok ? parser.isSet(help) : args.contains(QLatin1String("--help")))) {
        printOut(helpText(spec));
        return 0;
    }
    if (!ok) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return usageError(spec, Text::tr("unknown option '%1'").arg(dashed(unknown.first())));
        if (!args.isEmpty() && takesValue(spec, args.last()))
            //: %1 is the option as typed, "--host"
            return usageError(spec, Text::tr("%1 needs a value").arg(args.last()));
        QString problem = parser.errorText();
        if (problem.endsWith(QLatin1Char('.'))) problem.chop(1);
        return usageError(spec, problem);
    }
    parsed = ParsedArgs();
    for (const OptionSpec& option : spec.options) {
        if (!parser.isSet(option.name)) continue;
        parsed.m_values.insert(option.name, parser.values(option.name));
        parsed.m_given.append(option.name);
    }
    parsed.positional = parser.positionalArguments();
    return std::nullopt;
}

QString usageLines(const CommandSpec& spec) {
    QString text;
    for (const QString& line : spec.synopsis) {
        text += text.isEmpty() ? QStringLiteral("usage: ") : QStringLiteral("       ");
        // A line that starts with blanks goes on with the line above it.
        text += line.startsWith(QLatin1Char(' ')) ? QStringLiteral("           ")
                                                  : QStringLiteral("trainbench ");
        text += line + QLatin1Char('\n');
    }
    return text;
}

QString helpText(const CommandSpec& spec) {
    QString text = usageLines(spec);
    if (*spec.about) text += QLatin1Char('\n') + Text::tr(spec.about) + QLatin1Char('\n');
    QList<OptionSpec> options = spec.options;
    options.append({QStringLiteral("help"), {}, kHelpHelp});
    qsizetype width = 0;
    for (const OptionSpec& option : options)
        width = qMax(width, qMin(optionColumn(option).size(), kWidestOptionColumn));
    //: the heading of the table of a command's options
    text += QLatin1Char('\n') + Text::tr("options:") + QLatin1Char('\n');
    for (const OptionSpec& option : options) {
        const QString column = optionColumn(option);
        text += QStringLiteral("  ") + column;
        if (column.size() > width)
            text += QLatin1Char('\n') + QString(width + 2, QLatin1Char(' '));
        else
            text += QString(width - column.size(), QLatin1Char(' '));
        text += QStringLiteral("  ") + Text::tr(option.help) + QLatin1Char('\n');
    }
    text += Text::tr("Every command also takes --config-dir DIR: the folder of hosts.json.") +
            QLatin1Char('\n');
    return text;
}

std::optional<int> refuseOptionsOutside(const CommandSpec& spec, const ParsedArgs& parsed,
                                        const QStringList& allowed, const QString& where) {
    const QString extra = parsed.firstOptionOutside(allowed);
    if (extra.isEmpty()) return std::nullopt;
    //: %1 is an option's name without its dashes, %2 says where it does not belong ("a local
    //: run (it needs --host NAME)")
    return usageError(spec, Text::tr("--%1 does not go with %2").arg(extra, where));
}

int usageError(const CommandSpec& spec, const QString& problem) {
    printErr(problem);
    const QString command = spec.name.isEmpty() ? QString() : spec.name + QLatin1Char(' ');
    //: %1 is the command's name and a space ("run "), or nothing for the window's options
    const QString hint =
        Text::tr("`trainbench %1--help` shows every option.").arg(command) + QLatin1Char('\n');
    const QByteArray text = (usageLines(spec) + hint).toLocal8Bit();
    std::fputs(text.constData(), stderr);
    return kExitUsage;
}

}  // namespace tb::cli
