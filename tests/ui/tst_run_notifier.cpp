// RunNotifier's delivery: a Notify call to org.freedesktop.Notifications on a private session
// bus (a dbus-daemon this test starts, with a fake service on it), the window's fallback when
// no service answers (a banner that stays), View → Alerts, and alerts raised from a run
// directory the catalog reads (NaN in a key).
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

#include "core/runs/run_catalog.h"
#include "ui/monitor/run_alerts.h"
#include "ui/monitor/run_notifier.h"

using namespace tb;

namespace {

struct NotifyCall {
    QString app;
    QString summary;
    QString body;
    int urgency = -1;
};

// What a desktop's notification daemon would be, reduced to remembering the calls.
class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<NotifyCall> calls;

public Q_SLOTS:
    uint Notify(const QString& app, uint replacesId, const QString& icon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints,
                int timeout) {
        Q_UNUSED(replacesId);
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        Q_UNUSED(timeout);
        calls.append({app, summary, body, hints.value("urgency", -1).toInt()});
        return uint(calls.size());
    }
};

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

class TestRunNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        const QString daemon = QStandardPaths::findExecutable("dbus-daemon");
        if (daemon.isEmpty()) QSKIP("dbus-daemon is not installed (scripts/install-deps.sh)");
        m_bus = std::make_unique<QProcess>();
        m_bus->start(daemon, {"--session", "--nofork", "--print-address=1"});
        QByteArray out;
        QDeadlineTimer deadline(15000);
        while (!out.contains('\n') && m_bus->state() != QProcess::NotRunning &&
               !deadline.hasExpired()) {
            m_bus->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            out += m_bus->readAllStandardOutput();
        }
        m_address = out.left(out.indexOf('\n')).trimmed();
        QVERIFY2(!m_address.isEmpty(), "dbus-daemon printed no address");
        // Before the first use of sessionBus(): the notifier's bus is the private one.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address);
        QVERIFY(QDBusConnection::sessionBus().isConnected());
    }

    void cleanupTestCase() {
        if (!m_bus) return;
        m_bus->terminate();
        if (!m_bus->waitForFinished(5000)) m_bus->kill();
    }

    // No notification daemon on the bus (a bare session, a container): the status bar says it.
    void withoutAServiceTheStatusBarCarriesIt() {
        RunNotifier notifier;
        QSignalSpy fallback(&notifier, &RunNotifier::notify);
        notifier.runStateChanged("r", "demo", RunState::Running);
        notifier.runStateChanged("r", "demo", RunState::Failed);
        QTRY_COMPARE(fallback.size(), 1);
        QCOMPARE(fallback.first().at(0).toString(), QString("Run failed"));
        QVERIFY(fallback.first().at(1).toString().contains("demo"));
        notifier.metricValue("r", "loss", std::numeric_limits<double>::infinity());
        QTRY_COMPARE(fallback.size(), 2);
        notifier.metricValue("r", "loss", std::numeric_limits<double>::infinity());  // once
        QTest::qWait(0);
        QCOMPARE(fallback.size(), 2);
    }

    // The window as the app builds it, on a desktop with neither a notification service nor a
    // tray: the alert stays in a banner until dismissed; View → Alerts turns a kind off and sets
    // the stall time, remembered for the next start.
    void aWindowShowsABannerAndTakesTheUsersChoices() {
        QCoreApplication::setOrganizationName("trainbench-test-run-notifier");
        QSettings().clear();
        QTemporaryDir root;
        RunCatalog catalog(root.path());
        QMainWindow window;
        RunNotifier* notifier = startRunAlerts(&catalog, &window);
        QMenu view;
        QMenu* alerts = addAlertsMenu(&view, notifier);
        window.show();
        auto* banner = window.findChild<AlertBanner*>("alertBanner");
        QVERIFY(banner);
        QVERIFY(banner->text().isEmpty());

        notifier->runStateChanged("r", "demo", RunState::Running);
        notifier->runStateChanged("r", "demo", RunState::Failed);
        QTRY_VERIFY(banner->text().contains("Run failed"));
        QVERIFY(banner->text().contains("demo"));
        notifier->runStateChanged("s", "other", RunState::Running);
        notifier->runStateChanged("s", "other", RunState::Finished);
        QTRY_VERIFY(banner->text().contains("other finished"));
        QVERIFY(banner->toolTip().contains("demo failed"));  // the earlier one is kept
        banner->dismissButton()->click();
        QVERIFY(banner->text().isEmpty());

        auto* failed = alerts->findChild<QAction*>("alerts-failed");
        QVERIFY(failed && failed->isChecked());
        failed->trigger();
        QVERIFY(!failed->isChecked());
        QVERIFY(!notifier->choices().failed);
        QCOMPARE(QSettings().value("alerts/failed").toBool(), false);
        auto* halfHour = alerts->findChild<QAction*>("alertsStall-30");
        QVERIFY(halfHour);
        halfHour->trigger();
        QCOMPARE(notifier->choices().stallMinutes, 30);
        QCOMPARE(QSettings().value("alerts/stallMinutes").toInt(), 30);
        QCOMPARE(AlertChoices::load().stallMinutes, 30);
        QVERIFY(!AlertChoices::load().failed);

        // Off: a failure reaches nobody; a finished run (still on) does.
        QSignalSpy told(notifier, &RunNotifier::notified);
        notifier->runStateChanged("t", "third", RunState::Running);
        notifier->runStateChanged("t", "third", RunState::Failed);
        notifier->runStateChanged("u", "fourth", RunState::Running);
        notifier->runStateChanged("u", "fourth", RunState::Finished);
        QTRY_VERIFY(banner->text().contains("fourth finished"));
        QCOMPARE(told.size(), 1);
        QVERIFY(!banner->toolTip().contains("third"));

        // The next start reads the choices: the menu shows them.
        QMenu view2;
        RunNotifier* second = startRunAlerts(&catalog, &window);
        QMenu* alerts2 = addAlertsMenu(&view2, second);
        QVERIFY(!alerts2->findChild<QAction*>("alerts-failed")->isChecked());
        QVERIFY(alerts2->findChild<QAction*>("alertsStall-30")->isChecked());
        QVERIFY(!alerts2->findChild<QAction*>("alertsStall-0")->isChecked());
        QSettings().clear();
    }

    void alertsReachTheNotificationService() {
        FakeNotifications fake;
        QDBusConnection service = QDBusConnection::connectToBus(QString(m_address), "fake");
        QVERIFY(service.isConnected());
        QVERIFY(service.registerObject("/org/freedesktop/Notifications", &fake,
                                       QDBusConnection::ExportAllSlots));
        QVERIFY(service.registerService("org.freedesktop.Notifications"));

        RunNotifier notifier;
        QSignalSpy fallback(&notifier, &RunNotifier::notify);
        notifier.runStateChanged("r", "mnist-cnn", RunState::Running);
        notifier.runStateChanged("r", "mnist-cnn", RunState::Finished);
        QTRY_COMPARE(fake.calls.size(), 1);
        QCOMPARE(fake.calls[0].app, QString("Trainbench"));
        QCOMPARE(fake.calls[0].summary, QString("Run finished"));
        QCOMPARE(fake.calls[0].body, QString("mnist-cnn finished."));
        QCOMPARE(fake.calls[0].urgency, 1);

        // A run directory with NaN in a key other than train/loss, read by the real catalog.
        QTemporaryDir root;
        const QString dir = root.filePath("20260101-120000-nan");
        QVERIFY(QDir().mkpath(dir));
        writeFile(dir + "/run.json", R"({"name":"resnet","target":"local"})");
        writeFile(dir + "/status.json",
                  QStringLiteral(R"({"state":"running","pid":%1,"started":1,"updated":2})")
                      .arg(QCoreApplication::applicationPid())
                      .toUtf8());
        writeFile(dir + "/metrics.jsonl",
                  "{\"step\":1,\"time\":1.0,\"train/loss\":0.5,\"grad_norm\":1.0}\n"
                  "{\"step\":2,\"time\":2.0,\"train/loss\":0.4,\"grad_norm\":null}\n"
                  "{\"step\":3,\"time\":3.0,\"train/loss\":0.3,\"grad_norm\":2.0}\n");
        RunCatalog catalog(root.path());
        catalog.refresh();
        QCOMPARE(catalog.runs().size(), 1);
        QCOMPARE(catalog.runs().first().state, RunState::Running);
        notifier.watch(&catalog);
        QTRY_COMPARE(fake.calls.size(), 2);
        QCOMPARE(fake.calls[1].summary, QString("grad_norm is not a number"));
        QVERIFY(fake.calls[1].body.contains("resnet"));
        QVERIFY(fake.calls[1].body.contains("grad_norm became NaN"));
        QCOMPARE(fake.calls[1].urgency, 2);
        catalog.refresh();
        notifier.reviewRuns({});
        QTest::qWait(0);
        QCOMPARE(fake.calls.size(), 2);  // once per run and key
        QCOMPARE(fallback.size(), 0);
        service.unregisterService("org.freedesktop.Notifications");
        QDBusConnection::disconnectFromBus("fake");
    }

private:
    std::unique_ptr<QProcess> m_bus;
    QByteArray m_address;
};

QTEST_MAIN(TestRunNotifier)
#include "tst_run_notifier.moc"
