// forgetHostKey: removes plain and OpenSSH-hashed entries for one host:port and nothing else.

#include "remote/ssh/known_hosts_file.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

namespace {

const QByteArray kKey =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx0b3RhbGx5LW5vdC1hLXJlYWwta2V5LWF0LWFsbA";

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeAll(const QString& path, const QByteArray& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

}  // namespace

class TestKnownHostsFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void removesPlainEntriesForThatPortOnly() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("known_hosts"));
        const QByteArray text =
            "# comment\n"
            "[connect.westd.seetacloud.com]:52979 " +
            kKey +
            "\n"
            "[connect.westd.seetacloud.com]:40000 " +
            kKey +
            "\n"
            "connect.westd.seetacloud.com " +
            kKey +
            "\n"
            "other,[CONNECT.westd.seetacloud.com]:52979 " +
            kKey +
            "\n"
            "@revoked [connect.westd.seetacloud.com]:52979 " +
            kKey + "\n";
        QVERIFY(writeAll(path, text));
        const auto removed =
            forgetHostKey(path, QStringLiteral("connect.westd.seetacloud.com"), 52979);
        QVERIFY2(removed.ok(), removed.ok() ? "" : removed.error().c_str());
        QCOMPARE(*removed, 2);
        QCOMPARE(readAll(path), QByteArray("# comment\n"
                                           "[connect.westd.seetacloud.com]:40000 " +
                                           kKey +
                                           "\n"
                                           "connect.westd.seetacloud.com " +
                                           kKey +
                                           "\n"
                                           "@revoked [connect.westd.seetacloud.com]:52979 " +
                                           kKey + "\n"));
        // Port 22 is written without brackets.
        QCOMPARE(*forgetHostKey(path, QStringLiteral("connect.westd.seetacloud.com"), 22), 1);
        QCOMPARE(*forgetHostKey(path, QStringLiteral("connect.westd.seetacloud.com"), 22), 0);
    }

    void removesEntriesHashedByOpenSsh() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("known_hosts"));
        QVERIFY(writeAll(path, "[10.0.0.5]:2222 " + kKey + "\n10.0.0.6 " + kKey + "\n"));
        // ssh-keygen -H replaces every name by |1|salt|hmac, as HashKnownHosts yes does.
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-H"), QStringLiteral("-f"), path});
        if (!keygen.waitForFinished(10000) || keygen.exitCode() != 0)
            QSKIP("ssh-keygen -H unavailable");
        QVERIFY(readAll(path).startsWith("|1|"));
        QCOMPARE(*forgetHostKey(path, QStringLiteral("10.0.0.5"), 2222), 1);
        const QByteArray left = readAll(path);
        QCOMPARE(left.count('\n'), 1);
        QCOMPARE(*forgetHostKey(path, QStringLiteral("10.0.0.6"), 22), 1);
    }

    void missingFileRemovesNothing() {
        QTemporaryDir dir;
        const auto removed =
            forgetHostKey(dir.filePath(QStringLiteral("none")), QStringLiteral("h"), 22);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, 0);
    }
};

QTEST_GUILESS_MAIN(TestKnownHostsFile)
#include "tst_known_hosts_file.moc"
