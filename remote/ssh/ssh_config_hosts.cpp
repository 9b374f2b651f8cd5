// Our own reader of the few OpenSSH client-config keywords a host needs; `ssh -G` agrees.

#include "ssh_config_hosts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <functional>
#include <optional>

#include "core/runs/fail_text.h"

namespace tb {

namespace {

struct SshConfigHosts {
    Q_DECLARE_TR_FUNCTIONS(SshConfigHosts)
};

struct ConfigLine {
    QString file;
    int number = 0;
    QString keyword;  // lower case
    QStringList args;
};

// "Key value", "Key=value", "Key = value"; double quotes group words.
std::optional<ConfigLine> splitLine(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))) return std::nullopt;
    static const QRegularExpression head(QStringLiteral("^([A-Za-z]+)\\s*(?:=\\s*|\\s+|$)"));
    const QRegularExpressionMatch match = head.match(trimmed);
    if (!match.hasMatch()) return std::nullopt;
    ConfigLine line;
    line.keyword = match.captured(1).toLower();
    const QString rest = trimmed.mid(match.capturedLength());
    QString word;
    bool quoted = false, inWord = false;
    for (const QChar c : rest) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            inWord = true;
        } else if (c.isSpace() && !quoted) {
            if (inWord) line.args.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord) line.args.append(word);
    return line;
}

QString expandHome(const QString& path) {
    if (path == QLatin1String("~")) return QDir::homePath();
    if (path.startsWith(QLatin1String("~/"))) return QDir::homePath() + path.mid(1);
    return path;
}

// What one read of a config may cost, Includes and all. Files that include themselves several
// times (`Include ~/.ssh/*` in a file there) multiply at each level; OpenSSH's own depth limit
// alone still lets that grow as the count to the eighth power.
struct ReadBudget {
    int files = 256;
    qsizetype lines = 100000;
};
constexpr qint64 kMaxLineBytes = 64 * 1024;

// Every line of the file, with Include lines replaced by the files they name.
void readLines(const QString& path, QList<ConfigLine>& out, int depth, ReadBudget& budget) {
    QFile file(path);
    if (depth > 8 || budget.files <= 0 || !file.open(QIODevice::ReadOnly | QIODevice::Text)) return;
    --budget.files;
    int number = 0;
    while (!file.atEnd() && budget.lines > 0) {
        ++number;
        --budget.lines;
        std::optional<ConfigLine> line = splitLine(QString::fromUtf8(file.readLine(kMaxLineBytes)));
        if (!line) continue;
        line->file = path;
        line->number = number;
        if (line->keyword != QLatin1String("include")) {
            out.append(*line);
            continue;
        }
        for (const QString& pattern : line->args) {
            QString full = expandHome(pattern);
            if (QFileInfo(full).isRelative()) full = QDir::home().filePath(".ssh/" + full);
            const QFileInfo info(full);
            const QStringList matches =
                QDir(info.absolutePath()).entryList({info.fileName()}, QDir::Files, QDir::Name);
            for (const QString& name : matches)
                readLines(QDir(info.absolutePath()).filePath(name), out, depth + 1, budget);
        }
    }
}

bool isPattern(const QString& word) {
    return word.contains(QLatin1Char('*')) || word.contains(QLatin1Char('?')) ||
           word.startsWith(QLatin1Char('!'));
}

// OpenSSH's rule: any positive pattern matches and no negated one does.
bool hostMatches(const QStringList& patterns, const QString& alias) {
    bool matched = false;
    for (const QString& pattern : patterns) {
        const bool negated = pattern.startsWith(QLatin1Char('!'));
        const QString glob = negated ? pattern.mid(1) : pattern;
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob),
                                    QRegularExpression::CaseInsensitiveOption);
        if (!re.match(alias).hasMatch()) continue;
        if (negated) return false;
        matched = true;
    }
    return matched;
}

// Walks the blocks that apply to alias; Match blocks are skipped (we cannot evaluate them).
void forEachMatchingLine(const QList<ConfigLine>& lines, const QString& alias,
                         const std::function<void(const ConfigLine&)>& visit) {
    bool active = true;  // lines before the first Host apply to every host
    for (const ConfigLine& line : lines) {
        if (line.keyword == QLatin1String("host"))
            active = hostMatches(line.args, alias);
        else if (line.keyword == QLatin1String("match"))
            active = line.args.value(0).compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
        else if (active)
            visit(line);
    }
}

QString expandTokens(QString text, const SshTarget& target, const QString& alias) {
    const QString localUser = qEnvironmentVariable("USER");
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('%') || i + 1 == text.size()) {
            out += text.at(i);
            continue;
        }
        const QChar token = text.at(++i);
        if (token == QLatin1Char('d'))
            out += QDir::homePath();
        else if (token == QLatin1Char('u'))
            out += localUser;
        else if (token == QLatin1Char('h'))
            out += target.host;
        else if (token == QLatin1Char('n'))
            out += alias;
        else if (token == QLatin1Char('r'))
            out += target.user.isEmpty() ? localUser : target.user;
        else if (token == QLatin1Char('p'))
            out += QString::number(target.port);
        else
            out += token;  // %% and anything unknown
    }
    return expandHome(out);
}

}  // namespace

QString defaultSshConfigFile() {
    return QDir::home().filePath(QStringLiteral(".ssh/config"));
}

QStringList sshConfigHostAliases(const QString& path) {
    QList<ConfigLine> lines;
    ReadBudget budget;
    readLines(path, lines, 0, budget);
    QStringList aliases;
    for (const ConfigLine& line : lines) {
        if (line.keyword != QLatin1String("host")) continue;
        for (const QString& word : line.args) {
            if (!isPattern(word) && !aliases.contains(word)) aliases.append(word);
        }
    }
    return aliases;
}

Result<SshTarget> resolveSshConfigHost(const QString& alias, const QString& path) {
    QList<ConfigLine> lines;
    ReadBudget budget;
    readLines(path, lines, 0, budget);
    if (!sshConfigHostAliases(path).contains(alias))
        //: %1 is the ssh config file, %2 the alias asked for, %3 lists the aliases there
        return failText(
            SshConfigHosts::tr("%1 has no `Host %2` block; `trainbench hosts add NAME "
                               "--ssh-config ALIAS` takes one of: %3")
                .arg(path, alias, sshConfigHostAliases(path).join(QLatin1String(", "))));
    SshTarget target;
    QString hostName, user, port, identity, jump;
    std::optional<ConfigLine> badLine;
    forEachMatchingLine(lines, alias, [&](const ConfigLine& line) {
        // The first value a keyword gets wins, as in OpenSSH.
        const auto take = [&line](QString& into) {
            if (into.isEmpty()) into = line.args.value(0);
        };
        if (line.keyword == QLatin1String("hostname"))
            take(hostName);
        else if (line.keyword == QLatin1String("user"))
            take(user);
        else if (line.keyword == QLatin1String("identityfile"))
            take(identity);
        else if (line.keyword == QLatin1String("proxyjump"))
            take(jump);
        else if (line.keyword == QLatin1String("port")) {
            if (port.isEmpty() && !badLine) {
                bool ok = false;
                const int value = line.args.value(0).toInt(&ok);
                if (!ok || value < 1 || value > 65535) badLine = line;
                port = line.args.value(0);
            }
        }
    });
    if (badLine)
        //: %1 is the ssh config file, %2 a line number, %3 the value written there
        return failText(
            SshConfigHosts::tr("%1 line %2: Port '%3' is not a port number (1-65535)")
                .arg(badLine->file, QString::number(badLine->number), badLine->args.value(0)));
    target.user = user;
    target.port = port.isEmpty() ? 22 : port.toInt();
    target.host = hostName.isEmpty() ? alias : expandTokens(hostName, {alias}, alias);
    if (!identity.isEmpty() && identity.compare(QLatin1String("none"), Qt::CaseInsensitive))
        target.identityFile = expandTokens(identity, target, alias);
    if (jump.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) target.jump = jump;
    return target;
}

}  // namespace tb
