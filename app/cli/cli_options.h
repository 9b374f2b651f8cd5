#pragma once
// How a command declares its options, and the one parser (QCommandLineParser) that reads them:
// every command gets --help from its declaration, and errors name the option.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::cli {

// help and about are the English sources, marked QT_TRANSLATE_NOOP("Cli", ...) where declared and
// translated where printed: the declarations are read before the command installs its translator.
struct OptionSpec {
    QString name;       // "host" for --host
    QString valueName;  // "NAME"; empty for a flag
    const char* help = "";
};

struct CommandSpec {
    QString name;            // "run", "hosts add"; empty for the window
    QStringList synopsis;    // usage lines, each after "trainbench "
    const char* about = "";  // what --help says below the usage lines
    QList<OptionSpec> options;
};

// What the parser read: the options that were given, and the positional words.
class ParsedArgs {
public:
    bool has(const QString& name) const { return m_values.contains(name); }
    QString value(const QString& name) const;       // the last one given; empty if none
    QStringList values(const QString& name) const;  // every one given, in order
    // The first option given that `allowed` does not name; empty when there is none.
    QString firstOptionOutside(const QStringList& allowed) const;

    QStringList positional;

private:
    friend std::optional<int> parseCommand(const CommandSpec&, const QStringList&, ParsedArgs&);
    QHash<QString, QStringList> m_values;
    QStringList m_given;  // option names in declaration order
};

// Parses `args` (the words after the command's name) by `spec` into `parsed`. When that settles
// the command, the exit status: 0 after printing its help (--help, -h), kExitUsage after a
// usage error that names the option.
[[nodiscard]] std::optional<int> parseCommand(const CommandSpec& spec, const QStringList& args,
                                              ParsedArgs& parsed);

// The usage lines, the text about it and a table of its options.
QString helpText(const CommandSpec& spec);

// The usage lines alone, each starting "trainbench ".
QString usageLines(const CommandSpec& spec);

// A usage error naming the first option given that `allowed` does not list ("--kill does not go
// with `where`"); nullopt when every option given is allowed.
[[nodiscard]] std::optional<int> refuseOptionsOutside(const CommandSpec& spec,
                                                      const ParsedArgs& parsed,
                                                      const QStringList& allowed,
                                                      const QString& where);

// Prints `problem`, the command's usage lines and where its help is, to stderr; kExitUsage.
int usageError(const CommandSpec& spec, const QString& problem);

}  // namespace tb::cli
