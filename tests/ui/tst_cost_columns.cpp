// The money columns without a server: a remote run's Cost is its host's price × its duration and
// is empty for a host without a price and for local runs; the hosts table's Up and Cost follow
// the box's uptime (nothing without a price); the edit-host dialog saves price and shutdown
// command into hosts.json and shows them again.
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/run_catalog.h"
#include "remote/hosts/cost_meter.h"
#include "remote/hosts/host_uptime_meter.h"
#include "remote/hosts/hosts_controller.h"
#include "ui/hosts/add_host_dialog.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/hosts/hosts_table_model.h"
#include "ui/main/runs_table_model.h"

using namespace tb;

namespace {

RunInfo remoteRun(const QString& id, const QDateTime& started, const QDateTime& ended) {
    RunInfo run;
    run.id = id;
    run.dir = "/root/autodl-tmp/trainbench/" + id;
    run.state = ended.isValid() ? RunState::Finished : RunState::Running;
    run.started = started;
    run.ended = ended;
    return run;
}

QString money(double amount) {
    return QString::fromUtf8(kDefaultCurrency) + QString::number(amount, 'f', 2);
}

}  // namespace

class TestCostColumns : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    std::unique_ptr<HostsController> makeController() {
        HostsControllerOptions options;
        options.checkKeychain = false;
        options.vaultService = QStringLiteral("trainbench-test");
        auto controller = std::make_unique<HostsController>(m_home.filePath("hosts"), options);
        [&] { QVERIFY(controller->load().ok()); }();
        return controller;
    }

    static void addHost(HostsController& controller, const QString& name, double price) {
        if (controller.host(name)) return;
        HostDraft draft;
        draft.host.name = name;
        draft.host.target.host = "10.0.0.9";
        draft.host.pricePerHour = price;
        QVERIFY(controller.addHost(draft).ok());
    }

    QString hostsJson() const {
        QFile file(m_home.filePath("hosts/hosts.json"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void remoteRunCostIsPriceTimesDuration() {
        RunCatalog catalog(m_home.filePath("runs"));
        RunsTableModel model(&catalog);
        const QHash<QString, double> prices{{"priced", 1.71}, {"free", 0.0}};
        model.setHostPrice([&](const QString& host) { return prices.value(host); });
        const QDateTime started = QDateTime::currentDateTime().addSecs(-5000);
        const QDateTime ended = started.addSecs(1234);
        catalog.setRemoteRuns("priced", {remoteRun("20261123-100000-a", started, ended)});
        catalog.setRemoteRuns("free", {remoteRun("20261123-100000-b", started, ended)});
        QCOMPARE(model.rowCount(), 2);

        const QModelIndex priced =
            model.index(model.rowOf("20261123-100000-a"), RunsTableModel::Cost);
        QCOMPARE(priced.data().toString(), money(1.71 * 1234 / 3600));
        QCOMPARE(priced.data(Qt::ToolTipRole).toString(), formatRunCost(1.71, 1234));
        QCOMPARE(priced.data(RunsTableModel::SortRole).toDouble(), costOf(1.71, 1234));
        // No price: nothing, not a zero.
        const QModelIndex free =
            model.index(model.rowOf("20261123-100000-b"), RunsTableModel::Cost);
        QCOMPARE(free.data().toString(), QString());
        QCOMPARE(model.headerData(RunsTableModel::Cost, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QString("Cost"));
    }

    void runningRunCostsUpToNow() {
        RunCatalog catalog(m_home.filePath("runs"));
        RunsTableModel model(&catalog);
        model.setHostPrice([](const QString&) { return 3.6; });  // one cent per ten seconds
        const QDateTime started = QDateTime::currentDateTime().addSecs(-600);
        catalog.setRemoteRuns("box", {remoteRun("20261123-110000-c", started, {})});
        const double shown =
            model.index(0, RunsTableModel::Cost).data(RunsTableModel::SortRole).toDouble();
        QVERIFY2(shown >= costOf(3.6, 600) && shown < costOf(3.6, 660),
                 qPrintable(QString::number(shown)));
    }

    void shutdownNotesShowAndKeepRowsFlagged() {
        RunCatalog catalog(m_home.filePath("runs"));
        RunsTableModel model(&catalog);
        const QDateTime started = QDateTime::currentDateTime().addSecs(-60);
        catalog.setRemoteRuns("box", {remoteRun("20261123-120000-d", started, {})});
        QCOMPARE(model.index(0, RunsTableModel::Shutdown).data().toString(), QString());
        QString note = "shutdown armed";
        model.setShutdownNotes([&](const QString&) {
            return RunsTableModel::ShutdownNote{note, "tip", true};
        });
        QCOMPARE(model.index(0, RunsTableModel::Shutdown).data().toString(), note);
        QVERIFY(model.index(0, RunsTableModel::Name)
                    .data(RunsTableModel::ShutdownPendingRole)
                    .toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        note = "host shuts down in 4:59";
        model.shutdownNotesChanged({"20261123-120000-d"});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(RunsTableModel::Shutdown));
        QCOMPARE(model.index(0, RunsTableModel::Shutdown).data().toString(), note);
    }

    void hostCostFollowsUptimeOnlyWithAPrice() {
        auto controller = makeController();
        addHost(*controller, "priced", 2.5);
        addHost(*controller, "free", 0.0);
        HostsTableModel model(controller.get());
        const auto cell = [&](const QString& host, int column) {
            return model.index(model.rowOf(host), column).data().toString();
        };
        // Not connected, nothing read: neither uptime nor cost.
        QCOMPARE(cell("priced", HostsTableModel::Uptime), QString());
        QCOMPARE(cell("priced", HostsTableModel::Cost), QString());

        QSignalSpy ticked(model.uptimeMeter(), &HostUptimeMeter::ticked);
        model.uptimeMeter()->record("priced", 7200);
        model.uptimeMeter()->record("free", 7200);
        const double up = *model.uptimeMeter()->uptime("priced");
        QVERIFY(up >= 7200 && up < 7260);
        QCOMPARE(cell("priced", HostsTableModel::Uptime), formatUptime(up));
        QCOMPARE(cell("priced", HostsTableModel::Cost), money(costOf(2.5, up)));
        QCOMPARE(cell("free", HostsTableModel::Uptime), formatUptime(up));
        QCOMPARE(cell("free", HostsTableModel::Cost), QString());
        // The meter goes on by itself: the uptime shown grows without another reading.
        QVERIFY(ticked.wait(3000));
        QTRY_VERIFY(*model.uptimeMeter()->uptime("priced") >= up + 1);
        QTRY_COMPARE(cell("priced", HostsTableModel::Uptime),
                     formatUptime(*model.uptimeMeter()->uptime("priced")));
    }

    void editHostSavesPriceAndShutdownCommand() {
        auto controller = makeController();
        addHost(*controller, "editme", 0.0);
        HostsPanel panel(controller.get(), m_home.filePath("ssh_config"));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.selectHost("editme");
        panel.editHostAction()->trigger();
        AddHostDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = panel.findChild<AddHostDialog*>()) && dialog->isVisible());
        auto* price = dialog->findChild<QDoubleSpinBox*>("price");
        auto* command = dialog->findChild<QLineEdit*>("shutdownCommand");
        QVERIFY(price && command);
        QCOMPARE(command->text(), RemoteHost().shutdownCommand);  // the default, visible
        price->setValue(1.85);
        command->clear();
        QTest::keyClicks(command, "/usr/bin/sudo /sbin/poweroff");
        QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(panel.findChild<AddHostDialog*>() == nullptr);

        const RemoteHost* saved = controller->host("editme");
        QCOMPARE(saved->pricePerHour, 1.85);
        QCOMPARE(saved->shutdownCommand, QString("/usr/bin/sudo /sbin/poweroff"));
        QVERIFY(hostsJson().contains("/usr/bin/sudo /sbin/poweroff"));
        QCOMPARE(panel.model()
                     ->index(panel.model()->rowOf("editme"), HostsTableModel::Price)
                     .data()
                     .toString(),
                 QString("1.85 /h"));

        // Shown again as saved; an emptied command falls back to the default.
        panel.editHostAction()->trigger();
        QTRY_VERIFY((dialog = panel.findChild<AddHostDialog*>()) && dialog->isVisible());
        command = dialog->findChild<QLineEdit*>("shutdownCommand");
        QCOMPARE(command->text(), QString("/usr/bin/sudo /sbin/poweroff"));
        QCOMPARE(dialog->findChild<QDoubleSpinBox*>("price")->value(), 1.85);
        command->clear();
        QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(panel.findChild<AddHostDialog*>() == nullptr);
        QCOMPARE(controller->host("editme")->shutdownCommand, RemoteHost().shutdownCommand);
        QVERIFY(!hostsJson().contains("poweroff"));
    }
};

QTEST_MAIN(TestCostColumns)
#include "tst_cost_columns.moc"
