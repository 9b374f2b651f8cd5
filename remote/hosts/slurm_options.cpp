// SlurmOptions: parsed from "k=v,..." and hosts.json, checked before anything reaches sbatch.
#include "slurm_options.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "core/runs/fail_text.h"

namespace tb {
namespace {

// SlurmOptions' own name is taken by the struct.
struct SlurmSettings {
    Q_DECLARE_TR_FUNCTIONS(SlurmSettings)
};

const QStringList kKeys{QStringLiteral("partition"), QStringLiteral("gpus"),
                        QStringLiteral("nodes"),     QStringLiteral("cpus"),
                        QStringLiteral("time"),      QStringLiteral("account")};

bool matches(const char* pattern, const QString& value) {
    return QRegularExpression(QString::fromLatin1(pattern)).match(value).hasMatch();
}

Result<void> number(const QString& key, const QString& value, int low, int high) {
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < low || n > high)
        //: %1 is an option name (gpus, nodes, cpus), %2 its value, %3 and %4 the bounds
        return failText(SlurmSettings::tr("Slurm %1 is '%2'; use a whole number from %3 to %4")
                            .arg(key, value, QString::number(low), QString::number(high)));
    return {};
}

}  // namespace

Result<void> checkSlurmValue(const QString& key, const QString& value) {
    if (key == QLatin1String("partition") || key == QLatin1String("account")) {
        if (!value.isEmpty() && !matches("^[A-Za-z0-9_.+-]{1,64}$", value))
            //: %1 is partition or account, %2 its value
            return failText(SlurmSettings::tr("Slurm %1 '%2' is not a name Slurm takes: letters, "
                                              "digits, _ . + - only")
                                .arg(key, value));
        return {};
    }
    if (key == QLatin1String("time")) {
        if (!value.isEmpty() && value != QLatin1String("infinite") &&
            !matches(R"(^(\d{1,3}-\d{1,2}(:\d{1,2}){0,2}|\d{1,6}(:\d{1,2}){0,2})$)", value))
            //: %1 is the option name (time), %2 its value
            return failText(SlurmSettings::tr("Slurm %1 '%2' is not a time limit; write minutes "
                                              "(90), HH:MM:SS (4:00:00) or D-HH:MM:SS (1-12:00:00)")
                                .arg(key, value));
        return {};
    }
    if (key == QLatin1String("gpus")) return number(key, value, 0, 64);
    if (key == QLatin1String("nodes")) return number(key, value, 1, 1024);
    if (key == QLatin1String("cpus")) return number(key, value, 0, 1024);
    //: %2 lists the option names
    return failText(SlurmSettings::tr("unknown Slurm option '%1'; use %2")
                        .arg(key, kKeys.join(QStringLiteral(", "))));
}

Result<SlurmOptions> parseSlurmOptions(const QString& text, SlurmOptions base) {
    SlurmOptions options = std::move(base);
    options.enabled = true;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return failText(SlurmSettings::tr("Slurm option '%1' has no value; write key=value, "
                                              "e.g. partition=gpu,gpus=2")
                                .arg(item.trimmed()));
        const QString key = item.left(equals).trimmed();
        const QString value = item.mid(equals + 1).trimmed();
        if (auto checked = checkSlurmValue(key, value); !checked) return checked.failure();
        if (key == QLatin1String("partition")) options.partition = value;
        if (key == QLatin1String("account")) options.account = value;
        if (key == QLatin1String("time")) options.timeLimit = value;
        if (key == QLatin1String("gpus")) options.gpusPerNode = value.toInt();
        if (key == QLatin1String("nodes")) options.nodes = value.toInt();
        if (key == QLatin1String("cpus")) options.cpusPerTask = value.toInt();
    }
    return options;
}

QStringList SlurmOptions::sbatchArguments() const {
    QStringList arguments;
    if (!partition.isEmpty()) arguments << QStringLiteral("--partition=") + partition;
    if (!account.isEmpty()) arguments << QStringLiteral("--account=") + account;
    if (!timeLimit.isEmpty()) arguments << QStringLiteral("--time=") + timeLimit;
    arguments << QStringLiteral("--nodes=%1").arg(nodes);
    // One task per process of the run: srun starts each rank (slurm_ranks.h).
    arguments << QStringLiteral("--ntasks-per-node=%1").arg(tasksPerNode);
    if (gpusPerNode > 0) arguments << QStringLiteral("--gpus-per-node=%1").arg(gpusPerNode);
    if (cpusPerTask > 0) arguments << QStringLiteral("--cpus-per-task=%1").arg(cpusPerTask);
    return arguments;
}

QString SlurmOptions::summary() const {
    QStringList parts;
    parts << (partition.isEmpty() ? SlurmSettings::tr("default partition")
                                  : SlurmSettings::tr("partition %1").arg(partition));
    if (gpusPerNode > 0) parts << SlurmSettings::tr("%1 GPU(s) per node").arg(gpusPerNode);
    if (cpusPerTask > 0) parts << SlurmSettings::tr("%1 CPU(s) per task").arg(cpusPerTask);
    parts << SlurmSettings::tr("%1 node(s)").arg(nodes);
    // A bare number is minutes to sbatch.
    if (!timeLimit.isEmpty())
        parts << (timeLimit.contains(QRegularExpression(QStringLiteral("^\\d+$")))
                      ? SlurmSettings::tr("time limit %1 min").arg(timeLimit)
                      //: %1 is a Slurm time limit such as 4:00:00 or 1-12:00:00
                      : SlurmSettings::tr("time limit %1").arg(timeLimit));
    if (!account.isEmpty()) parts << SlurmSettings::tr("account %1").arg(account);
    return parts.join(QStringLiteral(" · "));
}

QJsonObject slurmToJson(const SlurmOptions& options) {
    QJsonObject object;
    if (!options.partition.isEmpty()) object.insert(QStringLiteral("partition"), options.partition);
    if (!options.account.isEmpty()) object.insert(QStringLiteral("account"), options.account);
    if (!options.timeLimit.isEmpty()) object.insert(QStringLiteral("time"), options.timeLimit);
    if (options.gpusPerNode > 0) object.insert(QStringLiteral("gpus"), options.gpusPerNode);
    if (options.nodes != 1) object.insert(QStringLiteral("nodes"), options.nodes);
    if (options.cpusPerTask > 0) object.insert(QStringLiteral("cpus"), options.cpusPerTask);
    return object;
}

QString slurmText(const SlurmOptions& options) {
    const QJsonObject object = slurmToJson(options);
    QStringList items;
    for (const QString& key : kKeys) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) continue;
        items << key + QLatin1Char('=') +
                     (value.isDouble() ? QString::number(value.toInt()) : value.toString());
    }
    return items.join(QLatin1Char(','));
}

// A value edited by hand into something sbatch would not take is left at its default.
SlurmOptions slurmFromJson(const QJsonObject& object) {
    SlurmOptions options;
    options.enabled = true;
    for (const QString& key : kKeys) {
        const QJsonValue value = object.value(key);
        const QString text = value.isDouble() ? QString::number(value.toInt()) : value.toString();
        if (value.isUndefined() || text.isEmpty()) continue;
        if (auto parsed = parseSlurmOptions(key + QLatin1Char('=') + text, options))
            options = *parsed;
    }
    return options;
}

}  // namespace tb
