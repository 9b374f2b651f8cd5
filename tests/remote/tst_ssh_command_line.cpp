// Pasted ssh command lines: what AutoDL and other consoles print, and what must be refused.

#include "remote/ssh/ssh_command_line.h"

#include <QTest>

using namespace tb;

Q_DECLARE_METATYPE(tb::SshTarget)

class TestSshCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAcceptedLines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<SshTarget>("expected");
        const auto target = [](QString host, int port, QString user, QString key = {},
                               QString jump = {}) {
            SshTarget t;
            t.host = host;
            t.port = port;
            t.user = user;
            t.identityFile = key;
            t.jump = jump;
            return t;
        };
        QTest::newRow("autodl") << "ssh -p 52979 root@connect.westd.seetacloud.com"
                                << target("connect.westd.seetacloud.com", 52979, "root");
        QTest::newRow("no ssh word, padded") << "  -p 2222   me@box  " << target("box", 2222, "me");
        QTest::newRow("attached port") << "ssh -p2200 a@b" << target("b", 2200, "a");
        QTest::newRow("default port, no user") << "ssh gpu1" << target("gpu1", 22, "");
        QTest::newRow("key and jump")
            << "ssh -i ~/.ssh/id_ed25519 -J bob@bastion:2222 root@10.0.0.5"
            << target("10.0.0.5", 22, "root", "~/.ssh/id_ed25519", "bob@bastion:2222");
        QTest::newRow("-l user") << "ssh -l alice host.example"
                                 << target("host.example", 22, "alice");
        QTest::newRow("user@ wins over -l") << "ssh -l alice bob@h" << target("h", 22, "bob");
        QTest::newRow("-o Port= and User=")
            << "ssh -o Port=2022 -o User=ci build" << target("build", 2022, "ci");
        QTest::newRow("-o with space, quoted") << "ssh -o 'Port 2023' h" << target("h", 2023, "");
        QTest::newRow("quoted key path with space") << "ssh -i \"/home/me/my keys/id\" -p 1 u@h"
                                                    << target("h", 1, "u", "/home/me/my keys/id");
        QTest::newRow("escaped space") << "ssh -i /k\\ ey u@h" << target("h", 22, "u", "/k ey");
        QTest::newRow("uri") << "ssh ssh://root@host.cn:6000" << target("host.cn", 6000, "root");
        QTest::newRow("harmless flags")
            << "ssh -4 -C -o StrictHostKeyChecking=no -p 5 r@h" << target("h", 5, "r");
        QTest::newRow("options after the host")
            << "ssh root@h -p 2201" << target("h", 2201, "root");
        QTest::newRow("ipv6 brackets") << "ssh root@[::1]" << target("::1", 22, "root");
    }
    void parsesAcceptedLines() {
        QFETCH(QString, line);
        QFETCH(SshTarget, expected);
        const auto parsed = parseSshCommandLine(line);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
        QCOMPARE(parsed->host, expected.host);
        QCOMPARE(parsed->port, expected.port);
        QCOMPARE(parsed->user, expected.user);
        QCOMPARE(parsed->identityFile, expected.identityFile);
        QCOMPARE(parsed->jump, expected.jump);
    }

    void refusesWithAReason_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("mentioned");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("only ssh") << "ssh"
                                  << "empty";
        QTest::newRow("no host") << "ssh -p 22"
                                 << "no host";
        QTest::newRow("port missing value") << "ssh root@h -p"
                                            << "'-p' needs a value";
        QTest::newRow("bad port") << "ssh -p abc root@h"
                                  << "'abc'";
        QTest::newRow("port out of range") << "ssh -p 70000 root@h"
                                           << "'70000'";
        QTest::newRow("forwarding") << "ssh -L 8080:localhost:80 root@h"
                                    << "'-L'";
        QTest::newRow("unknown -o") << "ssh -o ProxyCommand=nc root@h"
                                    << "ProxyCommand";
        QTest::newRow("remote command") << "ssh root@h ls -la"
                                        << "'ls'";
        QTest::newRow("unterminated quote") << "ssh -i 'abc root@h"
                                            << "unterminated '";
        QTest::newRow("empty user") << "ssh @h"
                                    << "no user";
        QTest::newRow("empty host") << "ssh root@"
                                    << "no host";
    }
    void refusesWithAReason() {
        QFETCH(QString, line);
        QFETCH(QString, mentioned);
        const auto parsed = parseSshCommandLine(line);
        QVERIFY(!parsed.ok());
        const QString message = QString::fromStdString(parsed.error());
        QVERIFY2(message.contains(mentioned), qPrintable(message));
    }

    void splitsLikeAShell() {
        const auto words =
            splitShellWords(QStringLiteral("a 'b c' \"d \\\"e\\\" \\$f\" g\\ h '' i\"j\"k"));
        QVERIFY(words.ok());
        QCOMPARE(*words, (QStringList{"a", "b c", "d \"e\" $f", "g h", "", "ijk"}));
    }
};

QTEST_GUILESS_MAIN(TestSshCommandLine)
#include "tst_ssh_command_line.moc"
