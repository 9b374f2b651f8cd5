// Cost meter: pure arithmetic and formatting; the uptime comes from one cheap exec.
#include "cost_meter.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

#include "core/runs/fail_text.h"

namespace tb {
namespace {

struct CostMeter {
    Q_DECLARE_TR_FUNCTIONS(CostMeter)
};

QString money(double amount, const QString& currency) {
    return currency + QString::number(amount, 'f', 2);
}

}  // namespace

double costOf(double pricePerHour, double seconds) {
    if (!(pricePerHour > 0) || !(seconds > 0)) return 0.0;
    return pricePerHour * seconds / 3600.0;
}

QString formatCostSoFar(double pricePerHour, double seconds, const QString& currency) {
    if (!(pricePerHour > 0)) return CostMeter::tr("no price set");
    //: %1 is the money spent, %2 the price per hour
    return CostMeter::tr("%1 so far, %2/h")
        .arg(money(costOf(pricePerHour, seconds), currency), money(pricePerHour, currency));
}

QString formatRunCost(double pricePerHour, double seconds, const QString& currency) {
    if (!(pricePerHour > 0)) return CostMeter::tr("no price set");
    //: %1 is the cost, %2 the time (H:MM:SS), %3 the price per hour
    return CostMeter::tr("%1 (%2 at %3/h)")
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
    //: %1 is a number of days, %2 the rest as H:MM:SS
    return days > 0 ? CostMeter::tr("%1 d %2").arg(QString::number(days), clock) : clock;
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
        return failText(CostMeter::tr("cannot read the box's uptime from /proc/uptime (got '%1'); "
                                      "the cost meter needs a Linux box")
                            .arg(QString::fromUtf8(output.left(80).trimmed())));
    return seconds;
}

}  // namespace tb
