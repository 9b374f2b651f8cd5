// RemoteCommand: every word through shellQuote (runs/shell_quote.h), so that no file name is ever
// executed remotely; the login-shell wrapping of the whole script is here.

#include "remote_command.h"

namespace tb {

namespace {

// Single quotes as sh, fish and csh all read them: a backslash or a quote goes outside the
// quotes, escaped, since fish treats \\ and \' inside single quotes as escapes.
QString loginShellQuote(const QString& text) {
    QString quoted;
    quoted.reserve(text.size() + 16);
    quoted.append(QLatin1Char('\''));
    for (const QChar c : text) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            quoted.append(QLatin1Char('\''))
                .append(QLatin1Char('\\'))
                .append(c)
                .append(QLatin1Char('\''));
        else
            quoted.append(c);
    }
    return quoted.append(QLatin1Char('\''));
}

}  // namespace

QString RemoteCommand::shellLine() const {
    return QStringLiteral("sh -c ") + loginShellQuote(toString());
}

RemoteCommand RemoteCommand::trustedScript(const QString& script) {
    RemoteCommand command;
    command.m_words.append(script);
    return command;
}

RemoteCommand& RemoteCommand::arg(const QString& argument) {
    m_words.append(shellQuote(argument));
    return *this;
}

RemoteCommand& RemoteCommand::args(const QStringList& arguments) {
    for (const QString& argument : arguments) arg(argument);
    return *this;
}

// A brace group keeps a trusted script with `;` or `||` from binding across the operator,
// and unlike a ( subshell ) lets `cd` affect what follows.
QString RemoteCommand::grouped() const {
    QString text = toString().trimmed();
    while (text.endsWith(QLatin1Char(';'))) text.chop(1);
    return QStringLiteral("{ ") + text + QStringLiteral("; }");
}

RemoteCommand& RemoteCommand::andThen(const RemoteCommand& next) {
    m_words = QStringList{grouped(), QStringLiteral("&&"), next.grouped()};
    return *this;
}

RemoteCommand& RemoteCommand::pipeTo(const RemoteCommand& next) {
    m_words = QStringList{grouped(), QStringLiteral("|"), next.grouped()};
    return *this;
}

RemoteCommand RemoteCommand::inDirectory(const QString& directory) const {
    RemoteCommand cd(QStringLiteral("cd"));
    cd.arg(directory);
    return cd.andThen(*this);
}

}  // namespace tb
