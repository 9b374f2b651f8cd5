// What a box sends is capped: a followed metrics.jsonl line is held only up to the cap and
// never re-parsed per packet, then skipped to its end and counted; an exec answer over its
// cap is an error naming the host, and the session stays usable.

#include <QTemporaryDir>
#include <QTest>

#include "remote/metrics_line_joiner.h"
#include "remote/ssh_session_thread.h"
#include "ssh_test_support.h"

using namespace tb;
using namespace tb::test;

class TestBoxOutputCaps : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void wholeLinesComeOutInAnyChunking() {
        const QByteArray stream = "{\"step\":1}\n{\"step\":2,\"loss\":0.5}\n{\"step\":3}";
        MetricsLineJoiner joiner;
        QByteArray out;
        for (const char c : stream) out += joiner.take(QByteArray(1, c));
        QCOMPARE(out, QByteArray("{\"step\":1}\n{\"step\":2,\"loss\":0.5}\n"));
        QCOMPARE(joiner.held(), qsizetype(10));  // the last line is not finished
        QCOMPARE(joiner.skippedLines(), 0);
    }

    void anEndlessLineIsHeldOnlyUpToTheCapThenSkipped() {
        MetricsLineJoiner joiner(1 << 20);
        const QByteArray packet(32 * 1024, 'x');
        qsizetype mostHeld = 0;
        for (int i = 0; i < 320; ++i) {  // 10 MiB without a newline
            QVERIFY(joiner.take(packet).isEmpty());
            mostHeld = qMax(mostHeld, joiner.held());
        }
        QVERIFY(mostHeld <= (1 << 20));
        QCOMPARE(joiner.skippedLines(), 1);
        // The rest of the long line is dropped; the next line comes out whole, and every
        // byte is accounted for: returned + skipped + held = what came in.
        const QByteArray tail = "yyy\n{\"step\":7}\n{\"st";
        const QByteArray lines = joiner.take(tail);
        QCOMPARE(lines, QByteArray("{\"step\":7}\n"));
        QCOMPARE(joiner.skippedBytes() + lines.size() + joiner.held(),
                 qint64(320) * packet.size() + tail.size());
    }

    void execOutputOverTheCapIsAnErrorNamingTheHost_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("stream");
        QTest::newRow("stdout") << QStringLiteral("head -c 80000000 /dev/zero") << QStringLiteral("stdout");
        QTest::newRow("stderr") << QStringLiteral("head -c 8000000 /dev/zero >&2") << QStringLiteral("stderr");
    }

    void execOutputOverTheCapIsAnErrorNamingTheHost() {
        QFETCH(QString, script);
        QFETCH(QString, stream);
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))),
                                QStringLiteral("local"), testOptions());
        SessionResults results(thread.session());
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
        const ExecResult flood = run(thread, results, RemoteCommand::trustedScript(script));
        QCOMPARE(flood.failure, SshFailure::Protocol);
        QVERIFY2(flood.message.contains(QLatin1String("127.0.0.1")) &&
                     flood.message.contains(stream) && flood.message.contains(QLatin1String("MiB")),
                 qPrintable(flood.message));
        QVERIFY(flood.standardOutput.isEmpty());
        // Under the cap is fine, and the session still works after a refusal.
        const ExecResult fine =
            run(thread, results, RemoteCommand::trustedScript(QStringLiteral("head -c 3000000 /dev/zero")));
        QVERIFY2(fine.ok(), qPrintable(fine.message));
        QCOMPARE(fine.standardOutput.size(), qsizetype(3000000));
    }
};

QTEST_GUILESS_MAIN(TestBoxOutputCaps)
#include "tst_box_output_caps.moc"
