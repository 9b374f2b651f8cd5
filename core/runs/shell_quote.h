#pragma once
// Quoting for POSIX sh: the one shell quoter of the Qt side, for remote command lines
// (remote/remote_command) and the placeholders of script runs (runs/script_command).

#include <QString>

#include <string>
#include <string_view>

namespace tb {

// `text` as one word for sh, bash and dash, whatever it holds (quotes, spaces, newlines, $,
// backticks). Plain words ([A-Za-z0-9_@%+=:,./-]) stay unquoted so that logged commands remain
// readable; anything else goes in single quotes, as singleQuoted() writes it.
QString shellQuote(const QString& text);

// Always in single quotes, so even a plain value cannot become a `VAR=x` assignment or a
// keyword where it lands: it's → 'it'"'"'s'.
std::string singleQuoted(std::string_view text);

// `text` for a spot already inside '...': nothing is special there but the closing quote, so
// each ' ends the quotes, stands in double quotes and reopens them: '"'"'.
std::string inSingleQuotes(std::string_view text);

}  // namespace tb
