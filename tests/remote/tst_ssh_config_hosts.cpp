// Hosts from an OpenSSH client config: aliases without patterns, and resolution checked
// against what OpenSSH itself (`ssh -G`) and libssh (ssh_options_parse_config) make of it.

#include "remote/ssh/ssh_config_hosts.h"
#include "sshd_fixture.h"

#include <libssh/libssh.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

namespace {

void writeFile(const QString& path, const QString& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

// `ssh -G -F FILE ALIAS`: OpenSSH's own answer, as "keyword value" lines.
QHash<QString, QString> openSshResolves(const QString& config, const QString& alias) {
    const auto out = test::runTool(QStringLiteral("ssh"),
                                   {QStringLiteral("-G"), QStringLiteral("-F"), config, alias});
    QHash<QString, QString> values;
    for (const QString& line : out.value_or(QString()).split(QLatin1Char('\n'))) {
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (space > 0 && !values.contains(line.left(space)))
            values.insert(line.left(space), line.mid(space + 1));
    }
    return values;
}

}  // namespace

class TestSshConfigHosts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_config;

private Q_SLOTS:
    void initTestCase() {
        m_config = m_dir.filePath(QStringLiteral("config"));
        writeFile(m_dir.filePath(QStringLiteral("extra.conf")),
                  QStringLiteral("Host included\n  HostName 10.0.0.9\n"));
        writeFile(m_config, QStringLiteral("# a comment\n"
                                           "Include %1/extra.conf\n"
                                           "Host autodl gpu-box\n"
                                           "    HostName connect.westd.seetacloud.com\n"
                                           "    Port 52979\n"
                                           "    User root\n"
                                           "    IdentityFile ~/.ssh/autodl_key\n"
                                           "Host behind\n"
                                           "  HostName=10.1.2.3\n"
                                           "  ProxyJump ops@bastion.example.com:2222\n"
                                           "  Port 2200\n"
                                           "Host *.internal !skip.internal\n"
                                           "  User builder\n"
                                           "Host *\n"
                                           "  User fallback\n"
                                           "  Port 2022\n"
                                           "  ServerAliveInterval 30\n")
                                .arg(m_dir.path()));
        // OpenSSH refuses a whole file with a bad port, so that case has its own file.
        writeFile(m_dir.filePath(QStringLiteral("broken")),
                  QStringLiteral("Host fine\n  Port 22\n\nHost broken\n  Port seventy\n"));
    }

    void aliasesSkipPatternsAndFollowIncludes() {
        QCOMPARE(sshConfigHostAliases(m_config),
                 (QStringList{QStringLiteral("included"), QStringLiteral("autodl"),
                              QStringLiteral("gpu-box"), QStringLiteral("behind")}));
        QVERIFY(sshConfigHostAliases(m_dir.filePath(QStringLiteral("missing"))).isEmpty());
    }

    // A file that includes itself ten times: without a budget that is 10^8 files to read
    // through OpenSSH's depth limit of 8; it reads a bounded number and still finds its host.
    void selfIncludesAreBounded() {
        const QString loop = m_dir.filePath(QStringLiteral("loop"));
        QString text = QStringLiteral("Host looped\n  HostName 10.0.0.7\n");
        for (int i = 0; i < 10; ++i) text += QStringLiteral("Include %1\n").arg(loop);
        writeFile(loop, text);
        QVERIFY(sshConfigHostAliases(loop).contains(QStringLiteral("looped")));
        const auto target = resolveSshConfigHost(QStringLiteral("looped"), loop);
        QVERIFY(target.ok());
        QCOMPARE(target->host, QStringLiteral("10.0.0.7"));
    }

    void resolvesLikeOpenSsh_data() {
        QTest::addColumn<QString>("alias");
        QTest::newRow("autodl") << QStringLiteral("autodl");
        QTest::newRow("second name") << QStringLiteral("gpu-box");
        QTest::newRow("jump") << QStringLiteral("behind");
        QTest::newRow("include") << QStringLiteral("included");
    }

    void resolvesLikeOpenSsh() {
        QFETCH(QString, alias);
        const auto target = resolveSshConfigHost(alias, m_config);
        QVERIFY2(target.ok(), target.ok() ? "" : target.error().c_str());
        const QHash<QString, QString> openSsh = openSshResolves(m_config, alias);
        if (openSsh.isEmpty()) QSKIP("ssh -G is not available here");
        QCOMPARE(target->host, openSsh.value(QStringLiteral("hostname")));
        QCOMPARE(QString::number(target->port), openSsh.value(QStringLiteral("port")));
        QCOMPARE(target->user, openSsh.value(QStringLiteral("user")));
        QCOMPARE(target->jump, openSsh.value(QStringLiteral("proxyjump")));
        if (!target->identityFile.isEmpty()) {
            QString identity = openSsh.value(QStringLiteral("identityfile"));
            if (identity.startsWith(QLatin1String("~/"))) identity.replace(0, 1, QDir::homePath());
            QCOMPARE(target->identityFile, identity);
        }
    }

    void valuesForTheAutodlBlock() {
        const auto target = resolveSshConfigHost(QStringLiteral("autodl"), m_config);
        QVERIFY(target.ok());
        QCOMPARE(target->host, QStringLiteral("connect.westd.seetacloud.com"));
        QCOMPARE(target->port, 52979);
        QCOMPARE(target->user, QStringLiteral("root"));
        QCOMPARE(target->identityFile, QDir::homePath() + QStringLiteral("/.ssh/autodl_key"));
        QVERIFY(target->jump.isEmpty());
        const auto behind = resolveSshConfigHost(QStringLiteral("behind"), m_config);
        QVERIFY(behind.ok());
        QCOMPARE(behind->jump, QStringLiteral("ops@bastion.example.com:2222"));
        QCOMPARE(behind->user, QStringLiteral("fallback"));  // from `Host *`
    }

    void libsshReadsTheSameHostPortAndUser() {
        const auto target = resolveSshConfigHost(QStringLiteral("autodl"), m_config);
        QVERIFY(target.ok());
        ssh_session session = ssh_new();
        QVERIFY(session);
        ssh_options_set(session, SSH_OPTIONS_HOST, "autodl");
        QCOMPARE(ssh_options_parse_config(session, QFile::encodeName(m_config).constData()), 0);
        char* host = nullptr;
        char* user = nullptr;
        unsigned int port = 0;
        QCOMPARE(ssh_options_get(session, SSH_OPTIONS_HOST, &host), SSH_OK);
        QCOMPARE(ssh_options_get(session, SSH_OPTIONS_USER, &user), SSH_OK);
        QCOMPARE(ssh_options_get_port(session, &port), SSH_OK);
        QCOMPARE(QString::fromUtf8(host), target->host);
        QCOMPARE(QString::fromUtf8(user), target->user);
        QCOMPARE(int(port), target->port);
        ssh_string_free_char(host);
        ssh_string_free_char(user);
        ssh_free(session);
    }

    void badValuesAndUnknownAliasesNameTheFile() {
        const QString file = m_dir.filePath(QStringLiteral("broken"));
        const auto broken = resolveSshConfigHost(QStringLiteral("broken"), file);
        QVERIFY(!broken.ok());
        QVERIFY2(QString::fromStdString(broken.error()).contains(file + " line 5"),
                 broken.error().c_str());
        QVERIFY(QString::fromStdString(broken.error()).contains(QLatin1String("seventy")));
        const auto unknown = resolveSshConfigHost(QStringLiteral("nope"), m_config);
        QVERIFY(!unknown.ok());
        QVERIFY(QString::fromStdString(unknown.error()).contains(QLatin1String("Host nope")));
        QVERIFY(QString::fromStdString(unknown.error()).contains(QLatin1String("autodl")));
    }
};

QTEST_GUILESS_MAIN(TestSshConfigHosts)
#include "tst_ssh_config_hosts.moc"
