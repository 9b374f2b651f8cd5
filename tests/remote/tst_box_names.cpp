// Names a box sends become local paths only through box_name.h: a forged checkpoint listing
// ("../../../../victim/PWNED.pt", "../../hosts") is refused naming host and name, a planted
// link cannot lead a checked path outside its folder, and the staging script refuses too.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/checkpoints/box_name.h"
#include "remote/runs/remote_checkpoints.h"

using namespace tb;

namespace {

QByteArray frame(const QByteArray& key, const QByteArray& value) {
    return key + ' ' + QByteArray::number(value.size()) + '\n' + value + '\n';
}

QByteArray listingNaming(const QByteArray& name) {
    return frame("dir", "/root/runs/20261122-153012-demo") + frame("pt", name) +
           frame("size", "7") + frame("sidecar", R"({"epoch":1,"step":2,"bytes":7})");
}

QString errorOf(const Result<RemoteCheckpoints>& result) {
    return result.ok() ? QString() : QString::fromStdString(result.error());
}

}  // namespace

class TestBoxNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void patternsAcceptOurOwnNames() {
        QVERIFY(
            isSafeBoxName(BoxNameKind::CheckpointFile, QStringLiteral("ckpt-e0003-s0001200.pt")));
        QVERIFY(isSafeBoxName(BoxNameKind::CheckpointFile,
                              QStringLiteral("ckpt-e12345-s123456789.pt")));
        QVERIFY(isSafeBoxName(BoxNameKind::CheckpointSidecar,
                              QStringLiteral("ckpt-e0003-s0001200.json")));
        QVERIFY(isSafeBoxName(BoxNameKind::RunId, QStringLiteral("20261122-153012-my-net-v2")));
        QVERIFY(isSafeBoxName(BoxNameKind::RunId, QStringLiteral("20261122-153012-run-2")));
    }

    void patternsRefuseEverythingElse() {
        const QStringList files = {
            QStringLiteral("../../../../victim/PWNED.pt"),
            QStringLiteral("../../hosts"),
            QStringLiteral("ckpt-../../x.pt"),
            QStringLiteral("ckpt-a/b.pt"),
            QStringLiteral("ckpt-..pt"),
            QStringLiteral("ckpt-x.pt\n"),
            QStringLiteral("ckpt-.pt"),
            QStringLiteral("/etc/ckpt-x.pt"),
            QStringLiteral("ckpt-x.json"),
            QString(),
            QStringLiteral("ckpt-x\u00e9.pt"),
            QStringLiteral("ckpt-") + QString(300, QLatin1Char('a')) + QStringLiteral(".pt")};
        for (const QString& name : files)
            QVERIFY2(!isSafeBoxName(BoxNameKind::CheckpointFile, name), qPrintable(name));
        QVERIFY(!isSafeBoxName(BoxNameKind::CheckpointSidecar, QStringLiteral("../../hosts.json")));
        QVERIFY(!isSafeBoxName(BoxNameKind::CheckpointSidecar, QStringLiteral("ckpt-x.pt")));
        const QStringList ids = {QStringLiteral(".."),
                                 QStringLiteral("../../hosts"),
                                 QStringLiteral("20261122-153012-a/../../x"),
                                 QStringLiteral("20261122-153012-"),
                                 QStringLiteral("run-1"),
                                 QStringLiteral("20261122-153012-A")};
        for (const QString& id : ids)
            QVERIFY2(!isSafeBoxName(BoxNameKind::RunId, id), qPrintable(id));
    }

    void forgedListingIsRefusedNamingHostAndName() {
        for (const QByteArray& name :
             {QByteArray("../../../../victim/PWNED.pt"), QByteArray("../../hosts")}) {
            const auto list =
                parseRemoteCheckpoints(listingNaming(name), QStringLiteral("gpu-box"));
            QVERIFY(!list.ok());
            const QString message = errorOf(list);
            QVERIFY2(message.contains(QLatin1String("gpu-box")) &&
                         message.contains(QString::fromUtf8(name)),
                     qPrintable(message));
        }
        QVERIFY(parseRemoteCheckpoints(listingNaming("ckpt-e0001-s0000002.pt"),
                                       QStringLiteral("gpu-box"))
                    .ok());
        // A size that is no byte count is refused too.
        for (const QByteArray& size : {QByteArray("-7"), QByteArray("1e30"), QByteArray("x")}) {
            const QByteArray forged = frame("dir", "/r") + frame("pt", "ckpt-e1-s2.pt") +
                                      frame("size", size) + frame("sidecar", "");
            QVERIFY2(!parseRemoteCheckpoints(forged, QStringLiteral("gpu-box")).ok(),
                     size.constData());
        }
    }

    void checkedPathStaysInside() {
        QTemporaryDir tmp;
        const QString dest = tmp.filePath(QStringLiteral("dest"));
        QVERIFY(QDir().mkpath(dest));
        const auto good =
            boxNamePath(dest, BoxNameKind::CheckpointFile, QStringLiteral("ckpt-e0001-s0000002.pt"),
                        QStringLiteral("b"));
        QVERIFY(good.ok());
        QCOMPARE(*good, dest + QStringLiteral("/ckpt-e0001-s0000002.pt"));
        // A run folder that does not exist yet is fine; its parts are checked as text.
        QVERIFY(boxNamePath(dest + QStringLiteral("/later"), BoxNameKind::RunId,
                            QStringLiteral("20261122-153012-demo"), QStringLiteral("b"))
                    .ok());

        const auto forged =
            boxNamePath(dest, BoxNameKind::CheckpointFile,
                        QStringLiteral("../../../../victim/PWNED.pt"), QStringLiteral("gpu-box"));
        QVERIFY(!forged.ok());
        QVERIFY(QString::fromStdString(forged.error()).contains(QLatin1String("gpu-box")));

        // A link planted in DEST (by an earlier folder download, say) pointing outside.
        const QString outside = tmp.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside + QStringLiteral("/victim.pt"),
                            dest + QStringLiteral("/ckpt-e0001-s0000003.pt")));
        QVERIFY(!boxNamePath(dest, BoxNameKind::CheckpointFile,
                             QStringLiteral("ckpt-e0001-s0000003.pt"), QStringLiteral("b"))
                     .ok());
        QVERIFY(QFile::link(outside, dest + QStringLiteral("/20261122-153012-demo")));
        QVERIFY(!boxNamePath(dest, BoxNameKind::RunId, QStringLiteral("20261122-153012-demo"),
                             QStringLiteral("b"))
                     .ok());
        QVERIFY(QDir(outside).isEmpty());
    }

    void stagingRefusesForgedNames() {
        RemoteCheckpoints parent;
        CheckpointEntry entry;
        entry.name = QStringLiteral("../../hosts");
        const auto forged = stageParentCommand(QStringLiteral("/tmp/r"), QStringLiteral("src"),
                                               QStringLiteral("20261122-153012-demo"), parent,
                                               entry, QStringLiteral("gpu-box"));
        QVERIFY(!forged.ok());
        QVERIFY(QString::fromStdString(forged.error()).contains(QLatin1String("gpu-box")));
        entry.name = QStringLiteral("ckpt-e0001-s0000002");
        QVERIFY(!stageParentCommand(QStringLiteral("/tmp/r"), QStringLiteral("src"),
                                    QStringLiteral("../../x"), parent, entry,
                                    QStringLiteral("gpu-box"))
                     .ok());

        // The script on the target box refuses too, should it be reached another way.
        QTemporaryDir tmp;
        const auto good = stageParentCommand(tmp.path(), QStringLiteral("src"),
                                             QStringLiteral("20261122-153012-demo"), parent, entry,
                                             QStringLiteral("gpu-box"));
        QVERIFY(good.ok());
        QString line = good->toString();
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), line});
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 0);
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral(
            ".imported/src/20261122-153012-demo/checkpoints/ckpt-e0001-s0000002.json"))));
        line.replace(QStringLiteral("ckpt-e0001-s0000002.json"), QStringLiteral("../../../x.json"));
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), line});
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 3);
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral(".imported/x.json"))));
    }
};

QTEST_GUILESS_MAIN(TestBoxNames)
#include "tst_box_names.moc"
