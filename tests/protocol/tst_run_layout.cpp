// Tests run-directory names: paths, checkpoint stems, run ids and the clock.

#include <QTest>

#include <cstdlib>
#include <ctime>

#include "core/protocol/run_layout.h"

using namespace tb;

class TestRunLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // Run ids use local time; pin the zone so expected strings are fixed.
        setenv("TZ", "UTC", 1);
        tzset();
    }

    void namesTheFilesOfARun() {
        const RunLayout run{"/runs/20251122-140000-mnist"};
        QCOMPARE(run.statusJson(), std::string("/runs/20251122-140000-mnist/status.json"));
        QCOMPARE(run.metrics(), std::string("/runs/20251122-140000-mnist/metrics.jsonl"));
        QCOMPARE(run.exitCode(), std::string("/runs/20251122-140000-mnist/exit_code"));
        QCOMPARE(run.latestJson(),
                 std::string("/runs/20251122-140000-mnist/checkpoints/latest.json"));
    }

    void checkpointStemsArePaddedAndSortable() {
        QCOMPARE(checkpointStem(3, 1200), std::string("ckpt-e0003-s0001200"));
        QCOMPARE(checkpointStem(0, 0), std::string("ckpt-e0000-s0000000"));
        QVERIFY(checkpointStem(2, 999) < checkpointStem(3, 1000));
        QCOMPARE(checkpointStem(12345, 123456789), std::string("ckpt-e12345-s123456789"));
    }

    void runIdsCarryTimeAndSlug_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::newRow("plain") << "mnist"
                               << "20251122-140000-mnist";
        QTest::newRow("mixed") << "My Net_v2!!"
                               << "20251122-140000-my-net-v2";
        QTest::newRow("dashes collapse") << "--a -- b--"
                                         << "20251122-140000-a-b";
        QTest::newRow("empty") << ""
                               << "20251122-140000-run";
        QTest::newRow("only symbols") << "%%% ///"
                                      << "20251122-140000-run";
        QTest::newRow("non ascii") << QString::fromUtf8("Ünïcode") << "20251122-140000-n-code";
        QTest::newRow("long") << "resnet50 imagenet baseline with cosine schedule and warmup"
                              << "20251122-140000-resnet50-imagenet-baseline-with-cosine-s";
    }
    void runIdsCarryTimeAndSlug() {
        QFETCH(QString, name);
        QFETCH(QString, id);
        const std::string runId = makeRunId(1763820000.9, name.toStdString());
        QCOMPARE(runId, id.toStdString());
        QVERIFY(runId.size() <= std::string("20251122-140000-").size() + 40);
    }

    void slugNeverEndsWithADashAfterTruncation() {
        // The 40th character is a separator here.
        const std::string id = makeRunId(0, std::string(39, 'x') + " yy");
        QCOMPARE(id.substr(16), std::string(39, 'x'));
    }

    void unixNowIsTheWallClock() {
        const double before = double(std::time(nullptr));
        const double now = unixNow();
        QVERIFY(now >= before && now < before + 2);
    }
};

QTEST_APPLESS_MAIN(TestRunLayout)
#include "tst_run_layout.moc"
