// trainbench shutdown-after / shutdown-status / shutdown-cancel and trainbench cost through a
// local sshd. The test binary doubles as the CLI.

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using tb::test::CliRun;

class TestShutdownCli : public tb::test::SshdTestCase {
    Q_OBJECT

    QTemporaryDir m_home;

    QString path(const QString& name) const { return m_home.filePath(name); }

    // No terminal: nothing may be asked.
    CliRun trainbench(const QStringList& arguments) {
        return tb::test::runCli(QCoreApplication::applicationFilePath(), arguments,
                                tb::test::cliEnvironment(m_home.path()), {}, 120000);
    }

    // `trainbench VERB RUN --host box`, trusting the test sshd's key.
    CliRun onBox(const QString& verb, const QString& run, const QStringList& more = {}) {
        return trainbench(QStringList{verb, run, QStringLiteral("--host"), QStringLiteral("box"),
                                      QStringLiteral("--accept-key"), m_sshd.hostKeyFingerprint()} +
                          more);
    }

private Q_SLOTS:
    void addHost() {
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added =
            trainbench({QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("box"),
                        QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
                        QStringLiteral("--key"), m_sshd.userKeyFile(),
                        QStringLiteral("--known-hosts"), path(QStringLiteral("known_hosts")),
                        QStringLiteral("--price"), QStringLiteral("1.8")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void costIsPriceTimesUptime() {
        const CliRun cost =
            trainbench({QStringLiteral("cost"), QStringLiteral("box"),
                        QStringLiteral("--accept-key"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(cost.exitCode == 0, qPrintable(cost.err));
        const QRegularExpression line(
            QStringLiteral("^box: up [0-9d :]+, ¥([0-9]+\\.[0-9]{2}) so far, ¥1\\.80/h\\n$"));
        const auto match = line.match(cost.out);
        QVERIFY2(match.hasMatch(), qPrintable(cost.out));
        // "The box" is this machine: its own uptime, read just after, bounds the cost.
        QFile uptime(QStringLiteral("/proc/uptime"));
        QVERIFY(uptime.open(QIODevice::ReadOnly));
        const double seconds = uptime.readAll().split(' ').front().toDouble();
        const double shown = match.captured(1).toDouble();
        QVERIFY(shown <= 1.8 * seconds / 3600.0 + 0.01);
        QVERIFY(shown >= 1.8 * (seconds - 120) / 3600.0 - 0.01);
    }

    void armShowCancel() {
        const QString dir = path(QStringLiteral("runs/r1"));
        QVERIFY(QDir().mkpath(dir));
        QFile status(dir + QStringLiteral("/status.json"));
        QVERIFY(status.open(QIODevice::WriteOnly));
        status.write(R"({"state":"finished","pid":0})"
                     "\n");
        status.close();
        const QString marker = path(QStringLiteral("marker"));
        const CliRun armed =
            onBox(QStringLiteral("shutdown-after"), dir,
                  {QStringLiteral("--delay"), QStringLiteral("120"), QStringLiteral("--command"),
                   QStringLiteral("touch ") + tb::shellQuote(marker)});
        QVERIFY2(armed.exitCode == 0, qPrintable(armed.err));
        QVERIFY2(armed.out.contains(QLatin1String("after the run ends")), qPrintable(armed.out));

        // The countdown, as `shutdown-status` shows it.
        CliRun shown;
        QTRY_VERIFY_WITH_TIMEOUT((shown = onBox(QStringLiteral("shutdown-status"), dir))
                                         .out.contains(QLatin1String(" in 1:")) ||
                                     shown.out.contains(QLatin1String(" in 2:")),
                                 30000);
        QVERIFY2(shown.out.contains(QLatin1String("the run is finished")), qPrintable(shown.out));

        const CliRun cancelled = onBox(QStringLiteral("shutdown-cancel"), dir);
        QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err));
        QCOMPARE(cancelled.out, QStringLiteral("shutdown cancelled\n"));
        QFile state(dir + QStringLiteral("/shutdown.json"));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(state.readAll())[QStringLiteral("state")].toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(marker));
    }

    void badInputIsNamed() {
        // No runs root stored for the host: a bare id cannot be placed.
        const CliRun byId = onBox(QStringLiteral("shutdown-after"), QStringLiteral("r1"));
        QCOMPARE(byId.exitCode, 1);
        QVERIFY2(byId.err.contains(QLatin1String("no runs root")), qPrintable(byId.err));
        const QString missing = path(QStringLiteral("runs/missing"));
        const CliRun noDir = onBox(QStringLiteral("shutdown-status"), missing);
        QCOMPARE(noDir.exitCode, 1);
        QVERIFY2(noDir.err.contains(missing), qPrintable(noDir.err));
        QCOMPARE(trainbench({QStringLiteral("shutdown-after"), QStringLiteral("r1")}).exitCode, 2);
        QCOMPARE(onBox(QStringLiteral("shutdown-after"), QStringLiteral("/x"),
                       {QStringLiteral("--delay"), QStringLiteral("soon")})
                     .exitCode,
                 2);
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "cost") == 0 ||
                     qstrncmp(argv[1], "shutdown-", 9) == 0))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestShutdownCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_shutdown_cli.moc"
