// Single-quote quoting (see shell_quote.h).
#include "shell_quote.h"

namespace tb {
namespace {

bool isPlainWordCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

}  // namespace

QString shellQuote(const QString& text) {
    const std::string bytes = text.toStdString();
    bool plain = !bytes.empty();
    for (const char c : bytes) plain = plain && isPlainWordCharacter(c);
    return plain ? text : QString::fromStdString(singleQuoted(bytes));
}

std::string singleQuoted(std::string_view text) {
    return '\'' + inSingleQuotes(text) + '\'';
}

std::string inSingleQuotes(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        if (c == '\'')
            out += "'\"'\"'";
        else
            out += c;
    }
    return out;
}

}  // namespace tb
