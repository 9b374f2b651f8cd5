#pragma once
// RemoteCommand: the one way to build a command line for a remote shell, quoting every argument.

#include <QString>
#include <QStringList>

#include "core/runs/shell_quote.h"

namespace tb {

class RemoteCommand {
public:
    RemoteCommand() = default;
    explicit RemoteCommand(const QString& program) { m_words.append(shellQuote(program)); }

    // A fixed script written in our own source code, never built from user input, host
    // output or file names: those go through arg().
    static RemoteCommand trustedScript(const QString& script);

    RemoteCommand& arg(const QString& argument);
    RemoteCommand& args(const QStringList& arguments);

    // `a && b`: b runs only when a succeeded.
    RemoteCommand& andThen(const RemoteCommand& next);
    // `a | b`
    RemoteCommand& pipeTo(const RemoteCommand& next);
    // `cd DIR && ...`
    RemoteCommand inDirectory(const QString& directory) const;

    bool isEmpty() const { return m_words.isEmpty(); }
    // The script for sh, as tests and logs show it.
    QString toString() const { return m_words.join(QLatin1Char(' ')); }
    // What goes to the box: `sh -c '<script>'`. sshd hands it to the user's login shell, which
    // may be fish or csh, so that shell parses one quoted word and sh parses the script.
    QString shellLine() const;

private:
    QString grouped() const;

    QStringList m_words;  // each already quoted, or an operator we put there
};

}  // namespace tb
