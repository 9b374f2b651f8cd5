// parseSshCommandLine: the subset of ssh(1) syntax that cloud consoles print.

#include "ssh_command_line.h"

#include <QCoreApplication>

#include <optional>

#include "core/runs/fail_text.h"

namespace tb {

namespace {

struct SshCommandLine {
    Q_DECLARE_TR_FUNCTIONS(SshCommandLine)
};

std::optional<int> parsePort(const QString& text) {
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535) return std::nullopt;
    return port;
}

// Options that change nothing about where we connect; accepted so that a line copied
// from a shell history still parses.
bool isHarmlessFlag(QChar flag) {
    return QStringLiteral("46ACTtqvNnXxYKkag").contains(flag);
}

bool isHarmlessOption(const QString& key) {
    static const QStringList keys{
        QStringLiteral("stricthostkeychecking"), QStringLiteral("userknownhostsfile"),
        QStringLiteral("serveraliveinterval"),   QStringLiteral("serveralivecountmax"),
        QStringLiteral("connecttimeout"),        QStringLiteral("compression"),
        QStringLiteral("tcpkeepalive"),          QStringLiteral("loglevel")};
    return keys.contains(key.toLower());
}

// "user@host", "host", "ssh://user@host:port", "user@[::1]".
Result<void> applyDestination(const QString& word, SshTarget& target) {
    QString rest = word;
    bool isUri = false;
    if (rest.startsWith(QLatin1String("ssh://"))) {
        rest = rest.mid(6);
        isUri = true;
        if (rest.endsWith(QLatin1Char('/'))) rest.chop(1);
    }
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at == 0) return failText(SshCommandLine::tr("no user name before '@' in '%1'").arg(word));
    if (at > 0) {
        if (target.user.isEmpty()) target.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    if (isUri) {
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !rest.endsWith(QLatin1Char(']'))) {
            const auto port = parsePort(rest.mid(colon + 1));
            if (!port) return failText(SshCommandLine::tr("not a port number in '%1'").arg(word));
            target.port = *port;
            rest = rest.left(colon);
        }
    }
    if (rest.startsWith(QLatin1Char('[')) && rest.endsWith(QLatin1Char(']')))
        rest = rest.mid(1, rest.size() - 2);
    if (rest.isEmpty()) return failText(SshCommandLine::tr("no host name in '%1'").arg(word));
    if (rest.contains(QLatin1Char('/')) || rest.contains(QLatin1Char(' ')))
        return failText(SshCommandLine::tr("not a host name: '%1'").arg(rest));
    target.host = rest;
    return {};
}

Result<void> applyConfigOption(const QString& text, SshTarget& target) {
    qsizetype split = text.indexOf(QLatin1Char('='));
    if (split < 0) split = text.indexOf(QLatin1Char(' '));
    if (split <= 0) return failText(SshCommandLine::tr("-o needs Key=Value, got '%1'").arg(text));
    const QString key = text.left(split).trimmed().toLower();
    const QString value = text.mid(split + 1).trimmed();
    if (key == QLatin1String("port")) {
        const auto port = parsePort(value);
        if (!port) return failText(SshCommandLine::tr("not a port number in -o '%1'").arg(text));
        target.port = *port;
    } else if (key == QLatin1String("user")) {
        target.user = value;
    } else if (key == QLatin1String("hostname")) {
        target.host = value;
    } else if (key == QLatin1String("identityfile")) {
        target.identityFile = value;
    } else if (key == QLatin1String("proxyjump")) {
        target.jump = value;
    } else if (!isHarmlessOption(key)) {
        return failText(SshCommandLine::tr("option -o '%1' is not supported").arg(text));
    }
    return {};
}

}  // namespace

Result<QStringList> splitShellWords(const QString& line) {
    QStringList words;
    QString current;
    bool inWord = false;
    QChar quote;  // '\'' or '"' while inside quotes
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == QLatin1Char('\'')) {
            if (c == quote)
                quote = QChar();
            else
                current += c;
        } else if (quote == QLatin1Char('"')) {
            if (c == quote) {
                quote = QChar();
            } else if (c == QLatin1Char('\\') && i + 1 < line.size() &&
                       QStringLiteral("\"\\$`").contains(line.at(i + 1))) {
                current += line.at(++i);
            } else {
                current += c;
            }
        } else if (c.isSpace()) {
            if (inWord) words.append(current);
            current.clear();
            inWord = false;
        } else {
            inWord = true;
            if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
            } else if (c == QLatin1Char('\\')) {
                if (i + 1 >= line.size())
                    return failText(SshCommandLine::tr("the line ends with a lone backslash"));
                current += line.at(++i);
            } else {
                current += c;
            }
        }
    }
    if (!quote.isNull())
        //: %1 is the quote character, ' or "
        return failText(SshCommandLine::tr("unterminated %1 quote").arg(quote));
    if (inWord) words.append(current);
    return words;
}

Result<SshTarget> parseSshCommandLine(const QString& line) {
    auto split = splitShellWords(line);
    if (!split) return split.failure();
    QStringList words = *split;
    if (!words.isEmpty() &&
        (words.first() == QLatin1String("ssh") || words.first().endsWith(QLatin1String("/ssh"))))
        words.removeFirst();
    if (words.isEmpty())
        return failText(
            SshCommandLine::tr("empty ssh command: expected e.g. ssh -p 2222 root@host"));

    SshTarget target;
    QString loginName;  // -l loses to user@host, as in OpenSSH
    bool haveDestination = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        const bool isOption = word.startsWith(QLatin1Char('-')) && word.size() >= 2;
        // Like OpenSSH, options may follow the host; a plain word there is a remote command.
        if (haveDestination && !isOption)
            return failText(SshCommandLine::tr("unexpected '%1' after the host: a remote command "
                                               "is not supported here")
                                .arg(word));
        if (!isOption) {
            auto applied = applyDestination(word, target);
            if (!applied) return applied.failure();
            haveDestination = true;
            continue;
        }
        const QChar flag = word.at(1);
        if (QStringLiteral("piJlo").contains(flag)) {
            QString value = word.mid(2);
            if (value.isEmpty()) {
                if (i + 1 >= words.size())
                    return failText(SshCommandLine::tr("option '%1' needs a value").arg(word));
                value = words.at(++i);
            }
            if (flag == QLatin1Char('p')) {
                const auto port = parsePort(value);
                if (!port)
                    return failText(
                        SshCommandLine::tr("not a port number after -p: '%1'").arg(value));
                target.port = *port;
            } else if (flag == QLatin1Char('i')) {
                target.identityFile = value;
            } else if (flag == QLatin1Char('J')) {
                target.jump = value;
            } else if (flag == QLatin1Char('l')) {
                loginName = value;
            } else {
                auto applied = applyConfigOption(value, target);
                if (!applied) return applied.failure();
            }
            continue;
        }
        for (qsizetype k = 1; k < word.size(); ++k) {
            if (!isHarmlessFlag(word.at(k)))
                return failText(SshCommandLine::tr("option '%1' is not understood (only -p, -i, "
                                                   "-J, -l and -o are)")
                                    .arg(word));
        }
    }
    if (!haveDestination || target.host.isEmpty())
        return failText(
            SshCommandLine::tr("no host in the ssh command: expected e.g. ssh -p 2222 root@host"));
    if (target.user.isEmpty()) target.user = loginName;
    return target;
}

}  // namespace tb
