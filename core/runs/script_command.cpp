// Placeholders in a script run's command line (see script_command.h).
#include "script_command.h"

#include <QCoreApplication>

#include <cctype>

#include "fail_text.h"
#include "shell_quote.h"

namespace tb {
namespace {

struct ScriptCommand {
    Q_DECLARE_TR_FUNCTIONS(ScriptCommand)
};

enum class Quote { None, Single, Double };

bool isKeyStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool isKeyChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// Length of `key.path}` at `text` (the key plus its closing brace), or 0 when none is there.
size_t keyLength(std::string_view text) {
    if (text.empty() || !isKeyStart(text.front())) return 0;
    size_t n = 1;
    while (n < text.size() && isKeyChar(text[n])) ++n;
    if (n >= text.size() || text[n] != '}' || text[n - 1] == '.') return 0;
    return n + 1;
}

std::string quotedFor(Quote quote, std::string_view value) {
    if (quote == Quote::None) return singleQuoted(value);
    if (quote == Quote::Single) return inSingleQuotes(value);
    std::string out;  // inside "...": only \ " $ ` are special
    for (const char c : value) {
        if (c == '\\' || c == '"' || c == '$' || c == '`') out += '\\';
        out += c;
    }
    return out;
}

// The shell's quoting state after `c` (only what changes where a placeholder lands).
Quote nextQuote(Quote quote, char c) {
    if (quote == Quote::None && c == '\'') return Quote::Single;
    if (quote == Quote::None && c == '"') return Quote::Double;
    if (quote == Quote::Single && c == '\'') return Quote::None;
    if (quote == Quote::Double && c == '"') return Quote::None;
    return quote;
}

}  // namespace

Result<std::string> fillCommandTemplate(std::string_view text, const ConfigValues& values) {
    std::string out;
    Quote quote = Quote::None;
    // Inside $(…) or `…` the shell parses the text again as a command of its own, so no quoting
    // made for the outside holds there: a value could run as code. Placeholders are refused.
    int substitution = 0;  // open parentheses since a "$("
    bool backticks = false;
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\\' && quote != Quote::Single && i + 1 < text.size()) {
            out.append(text.substr(i, 2));  // an escaped character changes no quoting
            i += 2;
            continue;
        }
        if (quote != Quote::Single) {
            if (c == '`') backticks = !backticks;
            if (c == '(' && (substitution > 0 || (i > 0 && text[i - 1] == '$'))) ++substitution;
            if (c == ')' && substitution > 0) --substitution;
        }
        const bool shellBrace = i > 0 && text[i - 1] == '$';
        if (c == '{' && !shellBrace && text.substr(i, 2) == "{{") {
            const size_t n = keyLength(text.substr(i + 2));
            if (n > 0 && text.substr(i + 2 + n, 1) == "}") {
                out.append(text.substr(i + 1, n + 1));  // "{{key}}" -> "{key}"
                i += n + 3;
                continue;
            }
        }
        if (c == '{' && !shellBrace) {
            if (const size_t n = keyLength(text.substr(i + 1)); n > 0) {
                const std::string key(text.substr(i + 1, n - 1));
                const QString keyText = QString::fromStdString(key);
                const QString at = QString::number(i + 1);
                if (substitution > 0 || backticks) {
                    //: %1 is a config key, %2 a position in the command line
                    return failText(
                        ScriptCommand::tr("the command uses {%1} (at character %2) inside $(…) or "
                                          "`…`, where the shell would run its value as code; set a "
                                          "variable outside first (V={%1}; … \"$(cmd \"$V\")\") "
                                          "or write {{%1}} for the literal text")
                            .arg(keyText, at));
                }
                const auto found = values.find(key);
                if (found == values.end()) {
                    //: %1 is a config key, %2 a position in the command line, %3 why the key is
                    //: unknown (maybe naming the closest key)
                    return failText(
                        ScriptCommand::tr("the command uses {%1} (at character %2), "
                                          "which is no config value: %3; fix the "
                                          "placeholder or write {{%1}} for the "
                                          "literal text")
                            .arg(keyText, at, QString::fromStdString(unknownKeyMessage(key))));
                }
                out += quotedFor(quote, found->second);
                i += n + 1;
                continue;
            }
        }
        quote = nextQuote(quote, c);
        out += c;
        ++i;
    }
    return out;
}

}  // namespace tb
