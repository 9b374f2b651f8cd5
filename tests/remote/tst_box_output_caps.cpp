// What a box sends is capped: an exec answer over its cap is an error naming the host, and
// the session stays usable. (A followed metrics.jsonl line's cap is ByteTail's, tested in
// tests/core/tst_byte_tail.cpp.)

#include <QTemporaryDir>
#include <QTest>

#include "remote/ssh/ssh_session_thread.h"
#include "ssh_test_support.h"

using namespace tb;
using namespace tb::test;

class TestBoxOutputCaps : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void execOutputOverTheCapIsAnErrorNamingTheHost_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("stream");
        QTest::newRow("stdout") << QStringLiteral("head -c 80000000 /dev/zero")
                                << QStringLiteral("stdout");
        QTest::newRow("stderr") << QStringLiteral("head -c 8000000 /dev/zero >&2")
                                << QStringLiteral("stderr");
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
            run(thread, results,
                RemoteCommand::trustedScript(QStringLiteral("head -c 3000000 /dev/zero")));
        QVERIFY2(fine.ok(), qPrintable(fine.message));
        QCOMPARE(fine.standardOutput.size(), qsizetype(3000000));
    }
};

QTEST_GUILESS_MAIN(TestBoxOutputCaps)
#include "tst_box_output_caps.moc"
