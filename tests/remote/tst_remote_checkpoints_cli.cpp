// trainbench checkpoints / resume / download-checkpoint through a local sshd: a finished run on
// host "box" is listed, resumed on box, on this machine and on "other" (the same sshd under a
// second host name with its own runs root), and downloaded; each resumed run starts after its
// checkpoint's step. The test binary doubles as the CLI.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb::test;

class TestRemoteCheckpointsCli : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    CliRun trainbench(const QStringList& arguments) {
        QProcessEnvironment env = cliEnvironment(m_home.path());
        env.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
        return runCli(QCoreApplication::applicationFilePath(), arguments, env, {}, 300000);
    }

    QString trainer() const { return binDir() + QStringLiteral("/trainbench-train"); }

    void addHost(const QString& name, const QString& root) {
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), name,
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts")), QStringLiteral("--remote-root"),
             root});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    // A resumed run: finished, its metrics starting after `step`, run.json naming the parent.
    static void checkResumed(const QString& dir, const QString& parent, const QString& file,
                             qint64 step) {
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        const QList<QJsonObject> records = metricsRecords(dir);
        QVERIFY(!records.isEmpty());
        QVERIFY2(records.front().value("step").toDouble() > step,
                 qPrintable(QStringLiteral("first step %1, checkpoint step %2")
                                .arg(records.front().value("step").toDouble())
                                .arg(step)));
        const QJsonObject link = jsonFile(dir + "/run.json").value("parent").toObject();
        QCOMPARE(link.value("run").toString(), parent);
        QCOMPARE(link.value("checkpoint").toString(), file);
    }

private Q_SLOTS:
    void listResumeEverywhereAndDownload() {
        const QString root = m_home.filePath(QStringLiteral("box runs"));
        const QString otherRoot = m_home.filePath(QStringLiteral("other runs"));
        const QString localRoot = m_home.filePath(QStringLiteral("local runs"));
        addHost(QStringLiteral("box"), root);
        addHost(QStringLiteral("other"), otherRoot);
        QStringList run{QStringLiteral("run"),         demoConfig(),
                        QStringLiteral("--host"),      QStringLiteral("box"),
                        QStringLiteral("--trainer"),   trainer(),
                        QStringLiteral("--accept-new")};
        for (const QString& set : quickSets()) run << QStringLiteral("--set") << set;
        const CliRun done = trainbench(run);
        QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
        const QString id = done.out.section(QLatin1Char('\n'), 0, 0);

        // Listed by a prefix of the id, as JSON.
        const CliRun listed =
            trainbench({QStringLiteral("checkpoints"), id.left(id.size() - 2),
                        QStringLiteral("--host"), QStringLiteral("box"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray checkpoints = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QVERIFY(checkpoints.size() >= 2);
        const QJsonObject first = checkpoints.first().toObject();
        const QString file = first.value("file").toString();
        const qint64 step = qint64(first.value("step").toDouble());
        QVERIFY(step > 0);
        QVERIFY(checkpoints.last().toObject().value("latest").toBool());
        QCOMPARE(first.value("sha256").toString().size(), 64);
        QVERIFY(QFile::exists(first.value("path").toString()));

        const QStringList resume{QStringLiteral("resume"),       id,
                                 QStringLiteral("--host"),       QStringLiteral("box"),
                                 QStringLiteral("--checkpoint"), file,
                                 QStringLiteral("--trainer"),    trainer()};
        const CliRun sameHost = trainbench(resume);
        QVERIFY2(sameHost.exitCode == 0, qPrintable(sameHost.err + sameHost.out));
        checkResumed(root + "/" + sameHost.out.section(QLatin1Char('\n'), 0, 0), id, file, step);

        const CliRun local =
            trainbench(QStringList(resume) << QStringLiteral("--to") << QStringLiteral("local")
                                           << QStringLiteral("--runs-root") << localRoot);
        QVERIFY2(local.exitCode == 0, qPrintable(local.err + local.out));
        checkResumed(localRoot + "/" + local.out.section(QLatin1Char('\n'), 0, 0), id, file, step);

        const CliRun other =
            trainbench(QStringList(resume) << QStringLiteral("--to") << QStringLiteral("other"));
        QVERIFY2(other.exitCode == 0, qPrintable(other.err + other.out));
        checkResumed(otherRoot + "/" + other.out.section(QLatin1Char('\n'), 0, 0), id, file, step);
        QVERIFY(QFile::exists(otherRoot + "/.imported/box/" + id + "/checkpoints/" + file));

        const QString dest = m_home.filePath(QStringLiteral("downloads"));
        const CliRun downloaded =
            trainbench({QStringLiteral("download-checkpoint"), id, QStringLiteral("--host"),
                        QStringLiteral("box"), dest});
        QVERIFY2(downloaded.exitCode == 0, qPrintable(downloaded.err));
        const QString latestFile = checkpoints.last().toObject().value("file").toString();
        const QString copy = dest + "/box/" + id + "/checkpoints/" + latestFile;
        QCOMPARE(downloaded.out.trimmed(), copy);
        QCOMPARE(fileText(copy), fileText(root + "/" + id + "/checkpoints/" + latestFile));

        const CliRun missing = trainbench({QStringLiteral("resume"), id, QStringLiteral("--host"),
                                           QStringLiteral("box"), QStringLiteral("--checkpoint"),
                                           QStringLiteral("ckpt-e9999-s9999999.pt")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("host box")) &&
                     missing.err.contains(QLatin1String("ckpt-e9999-s9999999.pt")),
                 qPrintable(missing.err));
        const CliRun usage = trainbench({QStringLiteral("checkpoints"), id});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.contains(QLatin1String("--host")));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && tb::isCliCommand(QString::fromLocal8Bit(argv[1])))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestRemoteCheckpointsCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_remote_checkpoints_cli.moc"
