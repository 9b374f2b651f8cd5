// Slurm settings and job states: "k=v,..." parsed and checked before anything reaches sbatch,
// kept in hosts.json, and what a box says of a job (forged or not) put into the run shown.

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "remote/hosts/host_store.h"
#include "remote/hosts/slurm_options.h"
#include "remote/runs/slurm_ranks.h"
#include "remote/runs/slurm_state.h"

using namespace tb;

class TestSlurmOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void optionsBecomeSbatchArguments() {
        const auto options =
            parseSlurmOptions(QStringLiteral("partition=gpu, gpus=2,time=4:00:00,account=lab-1"));
        QVERIFY(options.ok());
        QVERIFY(options->enabled);
        QCOMPARE(options->sbatchArguments(),
                 (QStringList{"--partition=gpu", "--account=lab-1", "--time=4:00:00", "--nodes=1",
                              "--ntasks-per-node=1", "--gpus-per-node=2"}));
        // Over a host's own: only what is named changes.
        const auto over = parseSlurmOptions(QStringLiteral("time=30"), *options);
        QVERIFY(over.ok());
        QCOMPARE(over->partition, QStringLiteral("gpu"));
        QCOMPARE(over->timeLimit, QStringLiteral("30"));
        QCOMPARE(over->gpusPerNode, 2);
    }

    // train.devices × train.nodes processes: a task each, started by srun; one process is
    // started as it is.
    void ranksBecomeTasks() {
        const std::map<std::string, std::string> values{{"train.devices", "4"},
                                                        {"train.nodes", "2"}};
        const SlurmRanks ranks = slurmRanksOf(values);
        QCOMPARE(ranks.size(), 8);
        const QStringList arguments =
            withRanks(*parseSlurmOptions(QStringLiteral("gpus=4")), ranks).sbatchArguments();
        QVERIFY(arguments.contains(QStringLiteral("--nodes=2")));
        QVERIFY(arguments.contains(QStringLiteral("--ntasks-per-node=4")));
        const QStringList trainer{QStringLiteral("trainbench-train"), QStringLiteral("--config"),
                                  QStringLiteral("c")};
        const QStringList ranked = rankedCommand(trainer, ranks);
        QCOMPARE(ranked.first(), QStringLiteral("srun"));
        QCOMPARE(ranked.mid(ranked.size() - trainer.size()), trainer);
        QCOMPARE(rankedCommand(trainer, slurmRanksOf({})), trainer);
        QCOMPARE(slurmRanksOf({{"train.devices", "lots"}}).size(), 1);
    }

    void badOptionsNameThemselves_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown key") << "partiton=gpu"
                                     << "partiton";
        QTest::newRow("no value") << "gpus"
                                  << "key=value";
        QTest::newRow("gpus not a number") << "gpus=two"
                                           << "gpus";
        QTest::newRow("too many nodes") << "nodes=5000"
                                        << "nodes";
        QTest::newRow("no nodes") << "nodes=0"
                                  << "nodes";
        QTest::newRow("time") << "time=4h"
                              << "time limit";
        QTest::newRow("option smuggled in a value") << "partition=gpu --uid=0"
                                                    << "partition";
        QTest::newRow("shell in a name") << "account=$(reboot)"
                                         << "account";
    }
    void badOptionsNameThemselves() {
        QFETCH(QString, text);
        QFETCH(QString, named);
        const auto options = parseSlurmOptions(text);
        QVERIFY(!options.ok());
        QVERIFY2(QString::fromStdString(options.error()).contains(named), options.error().c_str());
    }

    void timeLimitsSlurmTakes() {
        for (const char* time :
             {"90", "30:00", "4:00:00", "1-12", "1-12:30", "2-00:00:00", "infinite"})
            QVERIFY2(parseSlurmOptions(QStringLiteral("time=") + time).ok(), time);
    }

    void keptWithTheHost() {
        QTemporaryDir dir;
        RemoteHost host;
        host.name = QStringLiteral("cluster");
        host.target.host = QStringLiteral("login.example.org");
        host.slurm = *parseSlurmOptions(QStringLiteral("partition=a100,gpus=4,nodes=2,cpus=16"));
        {
            HostStore store(dir.path());
            QVERIFY(store.add(host).ok());
            QVERIFY(store.save().ok());
        }
        HostStore again(dir.path());
        QVERIFY(again.load().ok());
        QVERIFY(again.find(host.name));
        QCOMPARE(again.find(host.name)->slurm, host.slurm);
        QCOMPARE(*parseSlurmOptions(slurmText(host.slurm)), host.slurm);  // the dialog's text
        // A host that is not a cluster has no "slurm" at all.
        QVERIFY(slurmToJson(SlurmOptions{}).isEmpty());
        QVERIFY(!RemoteHost{}.slurm.enabled);
        // A value edited by hand into nonsense stays at its default, the rest is kept.
        const SlurmOptions edited =
            slurmFromJson(QJsonObject{{"partition", "gpu;rm -rf"}, {"gpus", 2}});
        QVERIFY(edited.enabled);
        QVERIFY(edited.partition.isEmpty());
        QCOMPARE(edited.gpusPerNode, 2);
    }

    void forgedFramesAreRefused_data() {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("job not a number") << QByteArray("12a PENDING Resources");
        QTest::newRow("state with shell") << QByteArray("12 $(x) None");
        QTest::newRow("control characters") << QByteArray("12 PENDING Re\x1b[2Jsources");
        QTest::newRow("endless reason") << (QByteArray("12 PENDING ") + QByteArray(5000, 'x'));
        QTest::newRow("huge job id") << QByteArray("1234567890123456 RUNNING None");
    }
    void forgedFramesAreRefused() {
        QFETCH(QByteArray, frame);
        QVERIFY(!parseSlurmFrame(frame));
    }

    void pendingSaysWhy() {
        RunInfo run;
        run.state = RunState::Queued;
        applySlurmState(*parseSlurmFrame("42 PENDING Resources"), run);
        QCOMPARE(run.state, RunState::Queued);
        QCOMPARE(run.queueReason, QStringLiteral("Resources"));  // the runs table's "nodes busy"
        QVERIFY2(run.message.contains(QLatin1String("job 42")) &&
                     run.message.contains(QLatin1String("busy")),
                 qPrintable(run.message));
        applySlurmState(*parseSlurmFrame("42 PENDING QOSMaxJobsPerUserLimit"), run);
        QVERIFY(run.message.contains(QLatin1String("QOSMaxJobsPerUserLimit")));
    }

    void endedJobsSayHowToGoOn() {
        RunInfo run;
        run.state = RunState::Stopped;  // the trainer wrote its checkpoint at the TERM
        applySlurmState(*parseSlurmFrame("7 TIMEOUT TimeLimit"), run);
        QCOMPARE(run.state, RunState::Stopped);
        QVERIFY(run.message.contains(QLatin1String("time limit")));
        QVERIFY(run.message.contains(QLatin1String("resume")));
        run.state = RunState::Failed;  // killed before it could
        run.message.clear();
        applySlurmState(*parseSlurmFrame("7 PREEMPTED None"), run);
        QCOMPARE(run.state, RunState::Stopped);
        QVERIFY(run.message.contains(QLatin1String("preempted")));
        // A finished run stays finished, whatever came after.
        run.state = RunState::Finished;
        run.message.clear();
        applySlurmState(*parseSlurmFrame("7 TIMEOUT TimeLimit"), run);
        QCOMPARE(run.state, RunState::Finished);
        QVERIFY(run.message.isEmpty());
        // Running: Slurm's word changes nothing; the run's own status says how it goes.
        run.state = RunState::Running;
        applySlurmState(*parseSlurmFrame("7 RUNNING None"), run);
        QCOMPARE(run.state, RunState::Running);
        QVERIFY(run.message.isEmpty());
        run.state = RunState::Lost;
        applySlurmState(*parseSlurmFrame("7 GONE None"), run);
        QVERIFY(run.message.contains(QLatin1String("no longer known")));
    }
};

QTEST_GUILESS_MAIN(TestSlurmOptions)
#include "tst_slurm_options.moc"
