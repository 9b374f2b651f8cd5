// awaitResult waits for the first answer or names what got none; awaitCondition waits until a
// state is reached, asking again on a signal or a poll, and says whether it was.
#include <QTest>
#include <QTimer>

#include "core/runs/await_result.h"

using namespace tb;

namespace {

// A value that says when it changes, like a connection's state.
class Watched : public QObject {
    Q_OBJECT

public:
    int value = 0;
    void set(int to) {
        value = to;
        Q_EMIT changed(to);
    }

Q_SIGNALS:
    void changed(int value);
};

using Answer = std::function<void(Result<QString>)>;

}  // namespace

class AwaitResultTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void awaitResultWaitsForALaterAnswer() {
        const Result<QString> later = awaitResult<QString>(
            [](Answer done) {
                QTimer::singleShot(0, [done] { done(QStringLiteral("answered")); });
            },
            "a later answer");
        QVERIFY(later);
        QCOMPARE(*later, QStringLiteral("answered"));
    }

    void awaitResultNamesWhatGotNoAnswer() {
        Answer kept;  // never called
        const Result<QString> none =
            awaitResult<QString>([&](Answer done) { kept = std::move(done); }, "asking nobody", 50);
        QVERIFY(!none);
        QVERIFY2(QString::fromStdString(none.error()).startsWith("asking nobody got no answer"),
                 none.error().c_str());
    }

    void awaitResultKeepsTheFirstAnswer() {
        // A timeout that answers too, after the real answer: the first one counts.
        const Result<QString> first = awaitResult<QString>(
            [](Answer done) {
                QTimer::singleShot(0, [done] {
                    done(QStringLiteral("first"));
                    done(fail("second"));
                });
            },
            "two answers", kNoTimeout);
        QVERIFY(first);
        QCOMPARE(*first, QStringLiteral("first"));
    }

    void awaitResultWithoutALimitWaitsForTheAnswer() {
        int polls = 0;
        QTimer slow;  // answers on its third tick, whatever the ticks take
        const Result<QString> answer = awaitResult<QString>(
            [&](Answer done) {
                QObject::connect(&slow, &QTimer::timeout, [&, done] {
                    if (++polls == 3) done(QStringLiteral("at last"));
                });
                slow.start(1);
            },
            "a slow answer", kNoTimeout);
        QVERIFY(answer);
        QCOMPARE(*answer, QStringLiteral("at last"));
        QCOMPARE(polls, 3);
    }

    void awaitConditionHoldingAlreadyNeedsNoWait() {
        int asked = 0;
        QVERIFY(awaitCondition(
            [&] {
                ++asked;
                return true;
            },
            kNoTimeout, 0));
        QCOMPARE(asked, 1);
    }

    void awaitConditionEndsOnTheChange() {
        Watched state;
        QTimer::singleShot(0, &state, [&] { state.set(1); });  // not reached yet
        QTimer::singleShot(0, &state, [&] { state.set(2); });
        QStringList seen;
        const bool reached = awaitCondition(
            [&] {
                seen.append(QString::number(state.value));
                return state.value == 2;
            },
            kNoTimeout, 0, Change{&state, &Watched::changed});
        QVERIFY(reached);
        QCOMPARE(seen, (QStringList{"0", "1", "2"}));  // asked first, then on each change
    }

    void awaitConditionPollsWhatHasNoSignal() {
        bool flag = false;  // like the Ctrl-C flag a signal handler sets
        QTimer::singleShot(0, [&] { flag = true; });
        QVERIFY(awaitCondition([&] { return flag; }, 60000, 5));
    }

    void awaitConditionSaysNoAfterTheTimeout() {
        Watched state;
        QTimer::singleShot(0, &state, [&] { state.set(1); });
        const bool reached = awaitCondition([&] { return state.value == 2; }, 50, 0,
                                            Change{&state, &Watched::changed});
        QVERIFY(!reached);
        QCOMPARE(state.value, 1);  // the change came, and was not the one awaited
    }

    void awaitConditionHearsSeveralSignals() {
        Watched first, second;
        QTimer::singleShot(0, &second, [&] { second.set(1); });
        const bool reached =
            awaitCondition([&] { return first.value == 1 || second.value == 1; }, kNoTimeout, 0,
                           Change{&first, &Watched::changed}, Change{&second, &Watched::changed});
        QVERIFY(reached);
    }
};

QTEST_GUILESS_MAIN(AwaitResultTest)
#include "tst_await_result.moc"
