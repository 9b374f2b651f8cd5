// trainbench hosts through a local sshd: --ssh-config hosts, --config-dir, trust on the command
// line (refused without a terminal, y/N on one, --accept-new), a password login from
// --password-stdin that leaves no trace in any file, and the probe filling runs root and python.
// The test binary doubles as the CLI.

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace tb::test;

namespace {

QString localUser() {
    const QString user = QString::fromLocal8Bit(qgetenv("USER"));
    return user.isEmpty() ? QStringLiteral("root") : user;
}

}  // namespace

class TestCliHostsSsh : public SshdTestCase {
    Q_OBJECT

    QTemporaryDir m_home;  // $HOME of the CLI: its ~/.ssh/config
    QTemporaryDir m_config;

    // `trainbench hosts ARGS --config-dir DIR`, stdin fed from `input`.
    CliRun trainbench(const QStringList& arguments, const QByteArray& input = {}) {
        // --config-dir must win over TRAINBENCH_HOME.
        QProcessEnvironment env = cliEnvironment(m_home.filePath(QStringLiteral("wrong")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        return runCli(QCoreApplication::applicationFilePath(),
                      QStringList{QStringLiteral("hosts")} + arguments +
                          QStringList{QStringLiteral("--config-dir"), m_config.path()},
                      env, input);
    }

    // script(1) gives the command a terminal and types `typed` into it; out holds both.
    CliRun runOnTerminal(const QStringList& arguments, const QByteArray& typed) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        QString command = QStringLiteral("'%1' hosts").arg(QCoreApplication::applicationFilePath());
        for (const QString& argument :
             arguments + QStringList{QStringLiteral("--config-dir"), m_config.path()})
            command += QStringLiteral(" '%1'").arg(argument);
        process.start(QStringLiteral("/usr/bin/script"),
                      {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        process.write(typed);
        process.closeWriteChannel();
        process.waitForFinished(180000);
        return CliRun{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), {}};
    }

    QString knownHosts() const { return m_config.filePath(QStringLiteral("known_hosts")); }

    QJsonObject hostJson(const QString& name) {
        const auto hosts =
            QJsonDocument::fromJson(trainbench({QStringLiteral("--json")}).out.toUtf8());
        for (const QJsonValue& value : hosts.array())
            if (value[QStringLiteral("name")].toString() == name) return value.toObject();
        return {};
    }

private Q_SLOTS:
    void sshConfigHostIsAddedTrustedAndProbed() {
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".ssh")));
        QFile config(m_home.filePath(QStringLiteral(".ssh/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Host local-sshd\n  HostName 127.0.0.1\n  Port %1\n"
                                    "  User %2\n  IdentityFile %3\nHost *\n  Port 1\n")
                         .arg(m_sshd.port())
                         .arg(localUser(), m_sshd.userKeyFile())
                         .toUtf8());
        config.close();

        const CliRun offered = trainbench({QStringLiteral("ssh-config")});
        QVERIFY2(offered.out.contains(QStringLiteral("local-sshd")) &&
                     offered.out.contains(QStringLiteral("127.0.0.1:%1").arg(m_sshd.port())),
                 qPrintable(offered.out));
        QVERIFY(!offered.out.contains(QStringLiteral("*  ")));

        const CliRun added = trainbench(
            {QStringLiteral("add"), QStringLiteral("viaconfig"), QStringLiteral("--ssh-config"),
             QStringLiteral("local-sshd"), QStringLiteral("--known-hosts"), knownHosts()});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(QFile::exists(m_config.filePath(QStringLiteral("hosts.json"))));
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("wrong/hosts.json"))));
        const CliRun listed = trainbench({});
        QVERIFY2(listed.out.contains(QStringLiteral("127.0.0.1:%1").arg(m_sshd.port())),
                 qPrintable(listed.out));
        QVERIFY(listed.out.contains(QStringLiteral("from ssh config local-sshd")));
        QCOMPARE(trainbench({QStringLiteral("add"), QStringLiteral("x"),
                             QStringLiteral("--ssh-config"), QStringLiteral("nosuch")})
                     .exitCode,
                 1);

        // No terminal and no flag: refused, the fingerprint and both ways out named.
        const CliRun refused = trainbench({QStringLiteral("probe"), QStringLiteral("viaconfig")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(m_sshd.hostKeyFingerprint()), qPrintable(refused.err));
        QVERIFY(refused.err.contains(QStringLiteral("--accept-new")));
        QVERIFY(!QFile::exists(knownHosts()));

        // --accept-new trusts it, and the probe decides runs root and python, kept in the store.
        QVERIFY(hostJson(QStringLiteral("viaconfig"))[QStringLiteral("remoteRoot")]
                    .toString()
                    .isEmpty());
        const CliRun probed =
            trainbench({QStringLiteral("probe"), QStringLiteral("viaconfig"),
                        QStringLiteral("--accept-new"), QStringLiteral("--json")});
        QVERIFY2(probed.exitCode == 0, qPrintable(probed.err));
        QVERIFY(QFile::exists(knownHosts()));
        const QJsonObject report = QJsonDocument::fromJson(probed.out.toUtf8()).object();
        const QString root = report[QStringLiteral("runsRoot")].toString();
        const bool dataDisk = !report[QStringLiteral("dataDisk")].toString().isEmpty() &&
                              report[QStringLiteral("dataDisk")] != QStringLiteral("/");
        QVERIFY2(root == QStringLiteral("~/trainbench") ||
                     (dataDisk && root.endsWith(QLatin1String("/trainbench"))),
                 qPrintable(root));
        QCOMPARE(hostJson(QStringLiteral("viaconfig"))[QStringLiteral("remoteRoot")].toString(),
                 root);
        QCOMPARE(hostJson(QStringLiteral("viaconfig"))[QStringLiteral("python")].toString(),
                 report[QStringLiteral("python")].toString());
    }

    void terminalAsksYesOrNo() {
        if (!QFile::exists(QStringLiteral("/usr/bin/script"))) QSKIP("no script(1) for a pty");
        const QString knownHostsFile = m_config.filePath(QStringLiteral("kh-tty"));
        QCOMPARE(trainbench(
                     {QStringLiteral("add"), QStringLiteral("tty"),
                      QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(localUser()),
                      QStringLiteral("--key"), m_sshd.userKeyFile(),
                      QStringLiteral("--known-hosts"), knownHostsFile})
                     .exitCode,
                 0);
        const auto onTerminal = [&](const QByteArray& typed) {
            return runOnTerminal({QStringLiteral("probe"), QStringLiteral("tty")}, typed);
        };
        const CliRun no = onTerminal("n\n");
        QVERIFY2(no.out.contains(QStringLiteral("[y/N]")), qPrintable(no.out));
        QVERIFY(no.out.contains(m_sshd.hostKeyFingerprint()));
        QVERIFY(no.out.contains(QStringLiteral("was not trusted")));
        QCOMPARE(no.exitCode, 1);
        QVERIFY(!QFile::exists(knownHostsFile));
        const CliRun yes = onTerminal("y\n");
        QVERIFY2(yes.exitCode == 0, qPrintable(yes.out));
        QVERIFY(yes.out.contains(QStringLiteral("CPUs")));
        QVERIFY(QFile::exists(knownHostsFile));
    }

    void encryptedKeyAsksForItsPassphraseOnTheTerminal() {
        if (!QFile::exists(QStringLiteral("/usr/bin/script"))) QSKIP("no script(1) for a pty");
        const QString key = m_config.filePath(QStringLiteral("locked_key"));
        QVERIFY(runTool(
            QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
             QStringLiteral("-N"), QStringLiteral("open sesame"), QStringLiteral("-f"), key}));
        QFile authorized(m_sshd.path(QStringLiteral("authorized_keys")));
        QFile publicKey(key + QStringLiteral(".pub"));
        QVERIFY(authorized.open(QIODevice::Append) && publicKey.open(QIODevice::ReadOnly));
        authorized.write(publicKey.readAll());
        authorized.close();
        QCOMPARE(trainbench(
                     {QStringLiteral("add"), QStringLiteral("locked"),
                      QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(localUser()),
                      QStringLiteral("--key"), key, QStringLiteral("--known-hosts"),
                      m_config.filePath(QStringLiteral("kh-locked"))})
                     .exitCode,
                 0);
        const CliRun wrong = runOnTerminal(
            {QStringLiteral("probe"), QStringLiteral("locked"), QStringLiteral("--accept-new")},
            "guess\nguess\nguess\n");
        QVERIFY(wrong.out.contains(QStringLiteral("Passphrase for the key ") + key));
        QVERIFY2(wrong.out.contains(QStringLiteral("passphrase for the key %1 is wrong").arg(key)),
                 qPrintable(wrong.out));
        QCOMPARE(wrong.exitCode, 1);
        const CliRun right = runOnTerminal(
            {QStringLiteral("probe"), QStringLiteral("locked"), QStringLiteral("--accept-new")},
            "open sesame\n");
        QVERIFY2(right.exitCode == 0, qPrintable(right.out));
        QVERIFY(right.out.contains(QStringLiteral("CPUs")));
    }

    void passwordFromStdinLeavesNoTraceInFiles() {
        if (::geteuid() != 0) QSKIP("a throwaway account for the password login needs root");
        const QString name = QStringLiteral("tbcli%1").arg(::getpid());
        QString password;
        for (int i = 0; i < 24; ++i)
            password += QChar(QLatin1Char('a' + QRandomGenerator::global()->bounded(26)));
        const bool created =
            runTool(QStringLiteral("useradd"),
                    {QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/sh"), name})
                .has_value();
        const auto cleanup = qScopeGuard([&] {
            if (created) (void)runTool(QStringLiteral("userdel"), {QStringLiteral("-r"), name});
        });
        QVERIFY(created);
        QVERIFY(runTool(QStringLiteral("chpasswd"), {}, (name + ':' + password + '\n').toUtf8()));

        const QString line = QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(name);
        const CliRun added = trainbench(
            {QStringLiteral("add"), QStringLiteral("pw"), line, QStringLiteral("--known-hosts"),
             knownHosts(), QStringLiteral("--password-stdin")},
            password.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        // No keychain service runs here: the CLI says it kept nothing.
        QVERIFY2(added.out.contains(QStringLiteral("not stored")) ||
                     added.out.contains(QStringLiteral("keychain")),
                 qPrintable(added.out));

        const CliRun wrong = trainbench(
            {QStringLiteral("probe"), QStringLiteral("pw"), QStringLiteral("--password-stdin")},
            "not-the-password\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("Wrong password")), qPrintable(wrong.err));
        const CliRun probed = trainbench(
            {QStringLiteral("probe"), QStringLiteral("pw"), QStringLiteral("--password-stdin")},
            password.toUtf8() + '\n');
        QVERIFY2(probed.exitCode == 0, qPrintable(probed.err));
        QVERIFY(!probed.out.contains(password) && !probed.err.contains(password));

        for (const QString& root : {m_config.path(), m_home.path()}) {
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }
};

int main(int argc, char** argv) {
    // Started with "hosts ...", this binary is trainbench's command line.
    if (argc > 1 && qstrcmp(argv[1], "hosts") == 0) return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestCliHostsSsh test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cli_hosts_ssh.moc"
