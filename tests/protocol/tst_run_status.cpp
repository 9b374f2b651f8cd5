// Tests status.json: state names, JSON round trip, tolerant reading and error messages.

#include <QTemporaryDir>
#include <QTest>

#include "core/protocol/atomic_file.h"
#include "core/protocol/run_status.h"

using namespace tb;

class TestRunStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stateNamesMapBothWays() {
        const char* names[] = {"queued", "starting", "running", "finished",
                               "failed", "stopped",  "lost"};
        for (int i = 0; i < 7; ++i) {
            const auto state = static_cast<RunState>(i);
            QCOMPARE(std::string(runStateName(state)), std::string(names[i]));
            QCOMPARE(runStateFromName(names[i]), std::optional<RunState>(state));
        }
        QVERIFY(!runStateFromName("Running").has_value());
        QVERIFY(!runStateFromName("").has_value());
    }

    void finalStatesAreTheEndingOnes() {
        QVERIFY(!isFinalState(RunState::Queued));
        QVERIFY(!isFinalState(RunState::Starting));
        QVERIFY(!isFinalState(RunState::Running));
        QVERIFY(isFinalState(RunState::Finished));
        QVERIFY(isFinalState(RunState::Failed));
        QVERIFY(isFinalState(RunState::Stopped));
        QVERIFY(isFinalState(RunState::Lost));
    }

    void roundTripsEveryField() {
        RunStatus status;
        status.state = RunState::Failed;
        status.pid = 4242;
        status.pgid = 4240;
        status.host = "gpu-box \"7\"";
        status.started = 1763820000.25;
        status.updated = 1763820100.5;
        status.ended = 1763820101.75;
        status.exitCode = -3;
        status.epoch = 3;
        status.step = 1200;
        status.message = "CUDA out of memory\nat step 1200";
        auto back = RunStatus::fromJson(status.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        QCOMPARE(back->state, status.state);
        QCOMPARE(back->pid, status.pid);
        QCOMPARE(back->pgid, status.pgid);
        QCOMPARE(back->host, status.host);
        QCOMPARE(back->started, status.started);
        QCOMPARE(back->updated, status.updated);
        QCOMPARE(back->ended, status.ended);
        QCOMPARE(back->exitCode, status.exitCode);
        QCOMPARE(back->epoch, status.epoch);
        QCOMPARE(back->step, status.step);
        QCOMPARE(back->message, status.message);
    }

    void absentExitCodeIsNull() {
        RunStatus status;
        status.state = RunState::Running;
        const std::string json = status.toJson();
        QVERIFY2(json.find("\"exit_code\":null") != std::string::npos, json.c_str());
        QVERIFY(json.find('\n') == std::string::npos);  // one line
        auto back = RunStatus::fromJson(json);
        QVERIFY(back.ok());
        QVERIFY(!back->exitCode.has_value());
    }

    void writesTheDocumentedFieldsInOrder() {
        const std::string json = RunStatus{}.toJson();
        const char* fields[] = {"state", "pid",       "pgid",  "host", "started", "updated",
                                "ended", "exit_code", "epoch", "step", "message"};
        size_t last = 0;
        for (const char* field : fields) {
            const size_t at = json.find("\"" + std::string(field) + "\":");
            QVERIFY2(at != std::string::npos && at >= last, field);
            last = at;
        }
    }

    void onlyStateIsRequired() {
        auto status = RunStatus::fromJson("{\"state\":\"running\",\"pid\":17,\"extra\":[1]}");
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().c_str());
        QCOMPARE(status->state, RunState::Running);
        QCOMPARE(status->pid, int64_t{17});
        QCOMPARE(status->step, int64_t{0});
        QVERIFY(status->host.empty());
    }

    void rejectsBadStatus_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no state") << "{\"pid\":1}"
                                  << "no \"state\" field";
        QTest::newRow("number state") << "{\"state\":3}"
                                      << "\"state\" is not a string";
        QTest::newRow("unknown") << "{\"state\":\"paused\"}"
                                 << "unknown state \"paused\"";
        QTest::newRow("torn") << "{\"state\":\"runn"
                              << "JSON error at byte 14: unterminated string";
    }
    void rejectsBadStatus() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        auto status = RunStatus::fromJson(json.toStdString());
        QVERIFY(!status.ok());
        QVERIFY2(QString::fromStdString(status.error()).contains(expected), status.error().c_str());
    }

    void writesAndReadsFiles() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("status.json").toStdString();
        RunStatus status;
        status.state = RunState::Starting;
        status.pid = 99;
        QVERIFY(writeStatus(path, status).ok());
        status.state = RunState::Running;
        QVERIFY(writeStatus(path, status).ok());
        auto back = readStatus(path);
        QVERIFY(back.ok());
        QCOMPARE(back->state, RunState::Running);
        QCOMPARE(back->pid, int64_t{99});

        auto missing = readStatus(path + "x");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error(), "cannot read " + path + "x: No such file or directory");

        QVERIFY(writeFileAtomic(path, "{\"state\":").ok());
        auto broken = readStatus(path);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().rfind(path + ": JSON error at byte 9", 0) == 0,
                 broken.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestRunStatus)
#include "tst_run_status.moc"
