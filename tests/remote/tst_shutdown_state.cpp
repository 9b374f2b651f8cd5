// What the shutdown commands print, parsed: states, the box's clock, the watcher's liveness,
// and clear errors for answers that are not ours.

#include "remote/runs/shutdown_commands.h"

#include <QTest>

using namespace tb;

class TestShutdownState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countingUsesTheBoxClock() {
        const auto state = parseShutdownState(
            "dir /root/runs/r1\nnow 1000\nalive 1\n"
            R"({"state":"counting","deadline":1240,"delay":300,"command":"shutdown -h now",)"
            R"("token":"ab","pid":77,"run_state":"finished","exit_code":null,"updated":940,)"
            R"("message":"m"})"
            "\n");
        QVERIFY2(state.ok(), state.ok() ? "" : state.error().c_str());
        QCOMPARE(state->phase, ShutdownPhase::Counting);
        QCOMPARE(state->runDir, QStringLiteral("/root/runs/r1"));
        QCOMPARE(state->secondsLeft(), 240);
        QCOMPARE(state->runState, QStringLiteral("finished"));
        QVERIFY(state->watcherAlive);
        QVERIFY(!state->exitCode.has_value());
        QVERIFY(!state->isFinal());
        const QString line = describeShutdown(*state);
        QVERIFY2(line.contains(QLatin1String("4:00")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("/root/runs/r1/shutdown.cancel")), qPrintable(line));
    }

    void doneCarriesTheExitCode() {
        const auto state = parseShutdownState(
            "dir /d\nnow 5\nalive 0\n"
            R"({"state":"failed","deadline":4,"exit_code":7,"message":"the command exited with 7"})");
        QVERIFY(state.ok());
        QCOMPARE(state->phase, ShutdownPhase::Failed);
        QCOMPARE(state->exitCode.value_or(-1), 7);
        QVERIFY(state->isFinal());
        QCOMPARE(state->secondsLeft(), 0);
        QVERIFY(describeShutdown(*state).contains(QLatin1String("exited with 7")));
    }

    void noFileIsNotArmed() {
        const auto state = parseShutdownState("dir /d\nnow 5\nalive 0\n");
        QVERIFY(state.ok());
        QCOMPARE(state->phase, ShutdownPhase::None);
    }

    void waitingWithoutWatcherSaysSo() {
        const auto state = parseShutdownState(
            "dir /d\nnow 5\nalive 0\n"
            R"({"state":"waiting","deadline":0,"delay":60,"command":"poweroff"})");
        QVERIFY(state.ok());
        QVERIFY(describeShutdown(*state).contains(QLatin1String("not running")));
    }

    void strangeAnswersAreErrors() {
        const auto garbage = parseShutdownState("bash: sh: not found\n");
        QVERIFY(!garbage.ok());
        QVERIFY(QString::fromStdString(garbage.error()).contains(QLatin1String("not found")));
        const auto unknown =
            parseShutdownState("dir /d\nnow 5\nalive 0\n{\"state\":\"exploded\"}\n");
        QVERIFY(!unknown.ok());
        QVERIFY(
            QString::fromStdString(unknown.error()).contains(QLatin1String("/d/shutdown.json")));
        QVERIFY(!parseShutdownState("dir /d\nnow 5\nalive 0\n{torn").ok());
    }

    // A box's numbers are range-checked (issue 11): no cast of 1e300 to qint64, no overflow
    // in secondsLeft().
    void forgedTimesAreErrors() {
        for (const char* deadline : {"1e300", "-5", "9223372036854775807", "\"soon\""}) {
            const auto state = parseShutdownState(
                QByteArray("dir /d\nnow 5\nalive 1\n{\"state\":\"counting\",\"deadline\":") +
                deadline + "}");
            QVERIFY2(!state.ok(), deadline);
            QVERIFY(
                QString::fromStdString(state.error()).contains(QLatin1String("/d/shutdown.json")));
        }
        QVERIFY(!parseShutdownState("dir /d\nnow -9223372036854775807\nalive 1\n").ok());
        QVERIFY(!parseShutdownState("dir /d\nnow 1e9\nalive 1\n").ok());
        const auto fine = parseShutdownState(
            "dir /d\nnow 5\nalive 1\n{\"state\":\"counting\",\"deadline\":65,\"pid\":-3}");
        QVERIFY(fine.ok());
        QCOMPARE(fine->secondsLeft(), 60);
        QCOMPARE(fine->watcherPid, 0);
    }

    void watcherIsEmbedded() {
        const QByteArray script = shutdownWatcherScript();
        QVERIFY(script.startsWith("#!/bin/sh"));
        QVERIFY(script.contains("shutdown.cancel"));
    }

    void armQuotesEveryValue() {
        const QString dir = QStringLiteral("/r/it's $(x)");
        const QString line = QStringLiteral("touch \"$(y)\"");
        const QString command =
            armShutdownCommand(dir, "W", 5, line, QStringLiteral("tok"), 1).toString();
        QVERIFY(command.contains(QLatin1Char(' ') + shellQuote(dir) + QLatin1Char(' ')));
        QVERIFY(command.contains(QLatin1Char(' ') + shellQuote(line) + QLatin1Char(' ')));
    }
};

QTEST_GUILESS_MAIN(TestShutdownState)
#include "tst_shutdown_state.moc"
