// HostDraft helpers: a suggested name for a pasted target, and its one-line address.

#include "host_draft.h"

#include <QRegularExpression>

namespace tb {

namespace {

// Cloud front doors are named connect.<region>.<provider>.com: the region tells boxes apart,
// the port tells instances apart. Elsewhere the first label is the machine's own name.
QString hostLabel(const QString& host) {
    const QStringList labels = host.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    if (numeric.match(host).hasMatch()) return host;
    if (labels.size() >= 3 && labels.first() == QLatin1String("connect")) return labels.at(1);
    return labels.value(0, host);
}

}  // namespace

QString suggestHostName(const SshTarget& target, const QStringList& taken) {
    QString base = hostLabel(target.host);
    if (target.port != 22) base += QLatin1Char('-') + QString::number(target.port);
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')) || base.startsWith(QLatin1Char('.')) ||
           base.startsWith(QLatin1Char('_')))
        base.remove(0, 1);
    if (base.isEmpty()) base = QStringLiteral("host");
    base.truncate(56);
    QString name = base;
    for (int n = 2; taken.contains(name); ++n) name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

QString hostAddress(const SshTarget& target) {
    const QString user = target.user.isEmpty() ? QString() : target.user + QLatin1Char('@');
    return QStringLiteral("%1%2:%3").arg(user, target.host).arg(target.port);
}

}  // namespace tb
