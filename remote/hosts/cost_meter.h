#pragma once
// Cost meter: what a rented box has cost so far — price per hour × time powered (its uptime) —
// and what one run cost (price × the run's duration).

#include <QByteArray>
#include <QString>

#include "core/protocol/result.h"
#include "remote/ssh/remote_command.h"

namespace tb {

inline constexpr const char* kDefaultCurrency = "¥";  // AutoDL bills in yuan

// price × seconds / 3600; 0 when either is not positive (no price set: no meter).
double costOf(double pricePerHour, double seconds);

// "¥3.42 so far, ¥1.71/h"; "no price set" when the price is 0.
QString formatCostSoFar(double pricePerHour, double seconds,
                        const QString& currency = QString::fromUtf8(kDefaultCurrency));
// "¥0.57 (20:00 at ¥1.71/h)": a run's cost, for the run's row and panel.
QString formatRunCost(double pricePerHour, double seconds,
                      const QString& currency = QString::fromUtf8(kDefaultCurrency));
// "3:25:10", "4:05", "2 d 1:00:00"
QString formatUptime(double seconds);

// How long a run has been paying: ended - started, or now - started while it runs.
double runSeconds(double started, double ended, double now);

// `cat /proc/uptime`; parseUptime reads the first number (seconds since boot).
RemoteCommand uptimeCommand();
Result<double> parseUptime(const QByteArray& output);

}  // namespace tb
