// Cost meter: pure arithmetic and formatting; the uptime comes from one cheap exec.
#include "cost_meter.h"

#include <QStringList>

#include <cmath>

namespace tb {
namespace {

QString money(double amount, const QString& currency) {
    return currency + QString::number(amount, 'f', 2);
}

}  // namespace

double costOf(double pricePerHour, double seconds) {
    if (!(pricePerHour > 0) || !(seconds > 0)) return 0.0;
    return pricePerHour * seconds / 3600.0;
}

QString formatCostSoFar(double pricePerHour, double seconds, const QString& currency) {
    if (!(pricePerHour > 0)) return QStringLiteral("no price set");
    return QStringLiteral("%1 so far, %2/h")
        .arg(money(costOf(pricePerHour, seconds), currency), money(pricePerHour, currency));
}

QString formatRunCost(double pricePerHour, double seconds, const QString& currency) {
    if (!(pricePerHour > 0)) return QStringLiteral("no price set");
    return QStringLiteral("%1 (%2 at %3/h)")
        .arg(money(costOf(pricePerHour, seconds), currency), formatUptime(seconds),
             money(pricePerHour, currency));
}

QString formatUptime(double seconds) {
    const qint64 total = seconds > 0 ? static_cast<qint64>(seconds) : 0;
    const qint64 days = total / 86400;
    const qint64 hours = total % 86400 / 3600;
    const qint64 minutes = total % 3600 / 60;
    const qint64 secs = total % 60;
    const auto two = [](qint64 value) {
        return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
    };
    QString clock = hours > 0 || days > 0
                        ? QStringLiteral("%1:%2:%3").arg(hours).arg(two(minutes), two(secs))
                        : QStringLiteral("%1:%2").arg(minutes).arg(two(secs));
    return days > 0 ? QStringLiteral("%1 d %2").arg(days).arg(clock) : clock;
}

double runSeconds(double started, double ended, double now) {
    if (!(started > 0)) return 0.0;
    const double end = ended > 0 ? ended : now;
    return end > started ? end - started : 0.0;
}

RemoteCommand uptimeCommand() {
    return RemoteCommand(QStringLiteral("cat")).arg(QStringLiteral("/proc/uptime"));
}

Result<double> parseUptime(const QByteArray& output) {
    const QList<QByteArray> words = output.trimmed().split(' ');
    bool ok = false;
    const double seconds = words.isEmpty() ? 0.0 : words.front().toDouble(&ok);
    // A box is not trusted: "nan" or "inf" would make the meter show nonsense forever.
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 1e10)
        return fail("cannot read the box's uptime from /proc/uptime (got '" +
                    output.left(80).trimmed().toStdString() +
                    "'); the cost meter needs a Linux box");
    return seconds;
}

}  // namespace tb
