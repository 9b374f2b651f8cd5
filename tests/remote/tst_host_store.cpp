// HostStore: hosts survive a reload, names are checked, and no secret field is ever written.

#include "remote/hosts/host_probe_report.h"
#include "remote/hosts/host_store.h"
#include "remote/hosts/probe_parsers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

namespace {

RemoteHost autodlHost() {
    RemoteHost host;
    host.name = QStringLiteral("autodl-4090");
    host.target.host = QStringLiteral("connect.westd.seetacloud.com");
    host.target.port = 52979;
    host.target.user = QStringLiteral("root");
    host.target.identityFile = QStringLiteral("/home/me/.ssh/id_ed25519");
    host.target.jump = QStringLiteral("me@bastion:2222");
    host.runsRoot = QStringLiteral("/root/autodl-tmp/trainbench");
    host.python = QStringLiteral("/root/miniconda3/bin/python");
    host.pricePerHour = 1.98;
    return host;
}

}  // namespace

class TestHostStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryField() {
        QTemporaryDir dir;
        HostStore store(dir.filePath(QStringLiteral("nested/config")));
        QVERIFY(store.add(autodlHost()).ok());
        RemoteHost minimal;
        minimal.name = QStringLiteral("lab");
        minimal.target.host = QStringLiteral("10.0.0.7");
        QVERIFY(store.add(minimal).ok());
        QVERIFY(store.save().ok());

        HostStore reloaded(dir.filePath(QStringLiteral("nested/config")));
        QVERIFY(reloaded.load().ok());
        QCOMPARE(reloaded.hosts().size(), 2);
        QVERIFY(*reloaded.find(QStringLiteral("autodl-4090")) == autodlHost());
        QCOMPARE(reloaded.find(QStringLiteral("lab"))->target.port, 22);
        QVERIFY(reloaded.find(QStringLiteral("nope")) == nullptr);
    }

    void missingFileIsEmptyAndBrokenFileIsNamed() {
        QTemporaryDir dir;
        HostStore store(dir.path());
        QVERIFY(store.load().ok());
        QVERIFY(store.hosts().isEmpty());

        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        const auto loaded = store.load();
        QVERIFY(!loaded.ok());
        QVERIFY(QString::fromStdString(loaded.error()).contains(store.filePath()));
    }

    void refusesDuplicatesAndBadNames() {
        QTemporaryDir dir;
        HostStore store(dir.path());
        QVERIFY(store.add(autodlHost()).ok());
        QVERIFY(!store.add(autodlHost()).ok());
        for (const char* bad : {"", "has space", "-dash", "semi;colon", "$(x)"}) {
            RemoteHost host = autodlHost();
            host.name = QString::fromLatin1(bad);
            QVERIFY2(!store.add(host).ok(), bad);
        }
    }

    void removesAndUpdates() {
        QTemporaryDir dir;
        HostStore store(dir.path());
        QVERIFY(store.add(autodlHost()).ok());
        RemoteHost changed = autodlHost();
        changed.target.port = 40000;
        QVERIFY(store.update(changed).ok());
        QCOMPARE(store.find(changed.name)->target.port, 40000);
        QVERIFY(store.remove(changed.name).ok());
        QVERIFY(!store.remove(changed.name).ok());
        QVERIFY(store.hosts().isEmpty());
    }

    void writesNoSecretField() {
        QTemporaryDir dir;
        HostStore store(dir.path());
        QVERIFY(store.add(autodlHost()).ok());
        QVERIFY(store.save().ok());
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll().toLower();
        QVERIFY(text.contains("seetacloud"));
        QVERIFY(!text.contains("password"));
        QVERIFY(!text.contains("passphrase"));
    }

    void configDirFollowsTrainbenchHome() {
        qputenv("TRAINBENCH_HOME", "/tmp/tb-home-test");
        QCOMPARE(HostStore::defaultConfigDir(), QStringLiteral("/tmp/tb-home-test"));
        qunsetenv("TRAINBENCH_HOME");
        QVERIFY(HostStore::defaultConfigDir() != QStringLiteral("/tmp/tb-home-test"));
    }

    void configDirOptionWinsOverTrainbenchHome() {
        qputenv("TRAINBENCH_HOME", "/tmp/tb-home-test");
        HostStore::setConfigDirOverride(QStringLiteral("/tmp/tb-option"));
        QCOMPARE(HostStore::defaultConfigDir(), QStringLiteral("/tmp/tb-option"));
        HostStore::setConfigDirOverride({});
        QCOMPARE(HostStore::defaultConfigDir(), QStringLiteral("/tmp/tb-home-test"));
        qunsetenv("TRAINBENCH_HOME");
    }

    void originRoundTrips() {
        QTemporaryDir dir;
        HostStore store(dir.path());
        RemoteHost host = autodlHost();
        host.origin = QStringLiteral("ssh config autodl");
        QVERIFY(store.add(host).ok());
        QVERIFY(store.save().ok());
        HostStore again(dir.path());
        QVERIFY(again.load().ok());
        QCOMPARE(again.find(host.name)->origin, host.origin);
    }

    void probeFillsRunsRootAndPythonOnlyWhenEmpty_data() {
        QTest::addColumn<QString>("capture");
        QTest::addColumn<QString>("runsRoot");
        QTest::addColumn<QString>("python");
        // The data disk and the conda python whose torch sees CUDA.
        QTest::newRow("autodl") << "autodl_2gpu.txt"
                                << "/root/autodl-tmp/trainbench"
                                << "/root/miniconda3/bin/python";
        // No data disk: the home folder; the only python.
        QTest::newRow("debian") << "debian_cpu.txt"
                                << "~/trainbench"
                                << "/usr/bin/python3";
    }

    void probeFillsRunsRootAndPythonOnlyWhenEmpty() {
        QFETCH(QString, capture);
        QFETCH(QString, runsRoot);
        QFETCH(QString, python);
        QFile file(QFINDTESTDATA(QStringLiteral("data/probe/") + capture));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const HostReport report = parseProbeOutput(QString::fromUtf8(file.readAll()));
        RemoteHost host;
        QVERIFY(fillFromProbe(host, report));
        QCOMPARE(host.runsRoot, runsRoot);
        QCOMPARE(host.python, python);
        QVERIFY(!fillFromProbe(host, report));  // nothing left to decide

        RemoteHost chosen = autodlHost();
        chosen.runsRoot = QStringLiteral("/mnt/mine");
        QVERIFY(fillFromProbe(chosen, report) == false);
        QCOMPARE(chosen.runsRoot, QStringLiteral("/mnt/mine"));
        QCOMPARE(chosen.python, autodlHost().python);
    }

    void cudaTorchIsPreferredOverAnEarlierCpuTorch() {
        HostReport report;
        ProbedPython cpu{QStringLiteral("/usr/bin/python3"), QStringLiteral("3.11.2"),
                         QStringLiteral("2.2.1+cpu")};
        ProbedPython cuda{QStringLiteral("/opt/conda/bin/python"), QStringLiteral("3.10.8"),
                          QStringLiteral("2.1.0+cu121"), true, QStringLiteral("12.1")};
        report.pythons = {cpu, cuda};
        RemoteHost host;
        QVERIFY(fillFromProbe(host, report));
        QCOMPARE(host.python, cuda.path);
    }
};

QTEST_GUILESS_MAIN(TestHostStore)
#include "tst_host_store.moc"
