// Tests following TensorBoard event files: records appended in pieces, steps merged, subfolder
// prefixes, the `since` filter, damaged files, symlink loops, and TbEventWriter's files read back.

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/protocol/tb_event.h"
#include "core/protocol/tb_event_writer.h"
#include "core/protocol/tb_follow.h"
#include "core/protocol/tfrecord.h"

using namespace tb;
namespace fs = std::filesystem;

namespace {

void appendBytes(const std::string& path, std::string_view bytes) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string scalarsRecord(double wallTime, int64_t step, const std::vector<TbScalar>& scalars) {
    return frameTfRecord(encodeTbScalars(wallTime, step, scalars));
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::set<std::string> keysOf(const std::vector<MetricRecord>& records) {
    std::set<std::string> keys;
    for (const MetricRecord& record : records)
        for (const auto& [key, value] : record.values) keys.insert(key);
    return keys;
}

double secondsNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

class TestTbFollow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followedWhileWritten() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("events.out.tfevents.1.host").toStdString();
        const std::string first = scalarsRecord(100.0, 1, {{"loss", 2.0}});
        TbEventFollower follower({dir.path().toStdString()});
        QVERIFY(follower.poll().empty());

        appendBytes(path, first.substr(0, first.size() / 2));
        QVERIFY(follower.poll().empty());
        QCOMPARE(follower.fileCount(), size_t{1});
        appendBytes(path, first.substr(first.size() / 2));
        auto records = follower.poll();
        QCOMPARE(records.size(), size_t{1});
        QCOMPARE(records[0].step, int64_t{1});
        QCOMPARE(records[0].values.size(), size_t{1});
        QCOMPARE(records[0].values[0].first, std::string("loss"));
        QCOMPARE(records[0].values[0].second, 2.0);
        QVERIFY(follower.poll().empty());  // nothing read twice

        // Cut inside the header, inside the data and inside the data checksum.
        for (const int64_t step : {2, 3, 4}) {
            const std::string record = scalarsRecord(100.0 + double(step), step, {{"x", 1.0}});
            const size_t cut = step == 2 ? 5 : step == 3 ? 12 + 3 : record.size() - 2;
            appendBytes(path, record.substr(0, cut));
            QVERIFY(follower.poll().empty());
            appendBytes(path, record.substr(cut));
            records = follower.poll();
            QCOMPARE(records.size(), size_t{1});
            QCOMPARE(records[0].step, step);
        }
        QVERIFY(follower.takeNotes().empty());
    }

    void eventsOfOneStepMergeIntoOneRecord() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("events.out.tfevents.1.host").toStdString();
        appendBytes(path, frameTfRecord(encodeTbFileVersion(99.0)) +
                              scalarsRecord(100.25, 3, {{"loss", 0.5}}) +
                              scalarsRecord(100.5, 3, {{"acc", 0.75}}) +
                              scalarsRecord(101.0, 4, {{"loss", 0.25}}));
        TbEventFollower follower({dir.path().toStdString()});
        const auto records = follower.poll();
        QCOMPARE(records.size(), size_t{2});
        QCOMPARE(records[0].step, int64_t{3});
        QCOMPARE(records[0].time, 100.25);
        QVERIFY(!records[0].hasEpoch);
        QCOMPARE(records[0].values.size(), size_t{2});
        QCOMPARE(records[0].values[0].first, std::string("loss"));
        QCOMPARE(records[0].values[0].second, 0.5);
        QCOMPARE(records[0].values[1].first, std::string("acc"));
        QCOMPARE(records[0].values[1].second, 0.75);
        QCOMPARE(records[1].step, int64_t{4});
        QCOMPARE(records[1].time, 101.0);
        QVERIFY(!records[1].hasEpoch);
        QCOMPARE(records[1].values.size(), size_t{1});
    }

    void subfoldersOfTheWritersFolderPrefixTheirTags() {
        // SummaryWriter.add_scalars("Loss", {"train": .., "val": ..}) at logdir writes the main
        // file in logdir and one file per curve in logdir/Loss_train, logdir/Loss_val.
        QTemporaryDir dir;
        const std::string logdir = dir.filePath("runs/exp1").toStdString();
        appendBytes(logdir + "/events.out.tfevents.1.h.1.0", scalarsRecord(1, 1, {{"lr", 0.5}}));
        appendBytes(logdir + "/Loss_train/events.out.tfevents.2.h.1.1",
                    scalarsRecord(1, 1, {{"Loss", 1.0}}));
        appendBytes(logdir + "/Loss_val/events.out.tfevents.3.h.1.2",
                    scalarsRecord(1, 1, {{"Loss", 2.0}}));
        const std::set<std::string> expected = {"lr", "Loss_train/Loss", "Loss_val/Loss"};
        // Pointed at the writer's folder or at a folder above it: the same keys.
        for (const std::string& folder : {logdir, dir.filePath("runs").toStdString()}) {
            TbEventFollower follower({folder});
            const auto records = follower.poll();
            QCOMPARE(follower.fileCount(), size_t{3});
            QCOMPARE(keysOf(records), expected);
            for (const MetricRecord& record : records) {
                for (const auto& [key, value] : record.values) {
                    if (key == "Loss_train/Loss") QCOMPARE(value, 1.0);
                    if (key == "Loss_val/Loss") QCOMPARE(value, 2.0);
                }
            }
        }
    }

    void siblingFoldersDoNotShareKeys() {
        // Keras' TensorBoard callback: logdir/train and logdir/validation, the same tags in each.
        QTemporaryDir dir;
        const std::string logdir = dir.path().toStdString();
        appendBytes(logdir + "/train/events.out.tfevents.1.h",
                    scalarsRecord(1, 0, {{"epoch_loss", 1.0}}));
        appendBytes(logdir + "/validation/events.out.tfevents.1.h",
                    scalarsRecord(1, 0, {{"epoch_loss", 2.0}}));
        TbEventFollower follower({logdir});
        const auto records = follower.poll();
        QCOMPARE(keysOf(records),
                 (std::set<std::string>{"train/epoch_loss", "validation/epoch_loss"}));
    }

    void depthBoundsTheSearch() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        appendBytes(root + "/events.out.tfevents.0", scalarsRecord(1, 1, {{"top", 1.0}}));
        appendBytes(root + "/a/events.out.tfevents.1", scalarsRecord(1, 1, {{"one", 1.0}}));
        appendBytes(root + "/a/b/events.out.tfevents.2", scalarsRecord(1, 1, {{"two", 1.0}}));
        TbEventFollower flat({root}, 0, 0);
        QCOMPARE(keysOf(flat.poll()), std::set<std::string>{"top"});
        TbEventFollower oneDown({root}, 0, 1);
        QCOMPARE(keysOf(oneDown.poll()), (std::set<std::string>{"top", "a/one"}));
        TbEventFollower deep({root});
        QCOMPARE(deep.fileCount(), size_t{0});  // nothing is looked at before the first poll
        QCOMPARE(keysOf(deep.poll()), (std::set<std::string>{"top", "a/one", "a/b/two"}));
        uint64_t total = 0;
        for (const char* file :
             {"/events.out.tfevents.0", "/a/events.out.tfevents.1", "/a/b/events.out.tfevents.2"})
            total += fs::file_size(root + file);
        QCOMPARE(deep.bytesRead(), total);
    }

    void filesOlderThanSinceAreIgnored() {
        QTemporaryDir dir;
        const std::string old = dir.filePath("events.out.tfevents.1.old").toStdString();
        appendBytes(old, scalarsRecord(1, 1, {{"old", 1.0}}));
        fs::last_write_time(old, fs::file_time_type::clock::now() - std::chrono::hours(1));
        TbEventFollower follower({dir.path().toStdString()}, secondsNow());
        QVERIFY(follower.poll().empty());
        QCOMPARE(follower.fileCount(), size_t{0});

        const std::string fresh = dir.filePath("events.out.tfevents.2.new").toStdString();
        appendBytes(fresh, scalarsRecord(2, 5, {{"new", 3.0}}));
        const auto records = follower.poll();
        QCOMPARE(follower.fileCount(), size_t{1});
        QCOMPARE(records.size(), size_t{1});
        QCOMPARE(records[0].step, int64_t{5});
        QCOMPARE(records[0].values[0].first, std::string("new"));
    }

    void corruptRecordIsLeftOutWithOneNote() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("events.out.tfevents.1.host").toStdString();
        std::string damaged = scalarsRecord(2, 2, {{"loss", 9.0}});
        damaged[14] ^= 0x10;  // inside the data: its checksum fails
        appendBytes(path, scalarsRecord(1, 1, {{"loss", 1.0}}) + damaged +
                              scalarsRecord(3, 3, {{"loss", 3.0}}));
        TbEventFollower follower({dir.path().toStdString()});
        const auto records = follower.poll();
        QCOMPARE(records.size(), size_t{2});
        QCOMPARE(records[0].step, int64_t{1});
        QCOMPARE(records[1].step, int64_t{3});
        const auto notes = follower.takeNotes();
        QCOMPARE(notes.size(), size_t{1});
        QVERIFY2(notes[0].find(path) != std::string::npos, notes[0].c_str());
        QVERIFY2(notes[0].find("checksum") != std::string::npos, notes[0].c_str());
        QVERIFY(follower.takeNotes().empty());

        // More of the same damage is not noted again; the file goes on being read.
        appendBytes(path, damaged + scalarsRecord(4, 4, {{"loss", 4.0}}));
        const auto more = follower.poll();
        QCOMPARE(more.size(), size_t{1});
        QCOMPARE(more[0].step, int64_t{4});
        QVERIFY(follower.takeNotes().empty());
    }

    void recordThatIsNotAnEventIsLeftOutWithANote() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("events.out.tfevents.1.host").toStdString();
        appendBytes(path, frameTfRecord("\x07not protobuf") + scalarsRecord(1, 1, {{"a", 1.0}}));
        TbEventFollower follower({dir.path().toStdString()});
        QCOMPARE(follower.poll().size(), size_t{1});
        const auto notes = follower.takeNotes();
        QCOMPARE(notes.size(), size_t{1});
        QVERIFY2(notes[0].find("byte") != std::string::npos, notes[0].c_str());
    }

    void brokenLengthStopsOnlyThatFile() {
        QTemporaryDir dir;
        const std::string broken = dir.filePath("a/events.out.tfevents.1.host").toStdString();
        const std::string fine = dir.filePath("b/events.out.tfevents.1.host").toStdString();
        std::string badLength = scalarsRecord(2, 2, {{"x", 2.0}});
        badLength[1] ^= 0x01;
        appendBytes(broken, scalarsRecord(1, 1, {{"x", 1.0}}) + badLength +
                                scalarsRecord(3, 3, {{"x", 3.0}}));
        appendBytes(fine, scalarsRecord(1, 1, {{"y", 1.0}}));
        TbEventFollower follower({dir.path().toStdString()});
        const auto records = follower.poll();
        QCOMPARE(records.size(), size_t{2});  // the broken file's first record, the fine one's
        const auto notes = follower.takeNotes();
        QCOMPARE(notes.size(), size_t{1});
        QVERIFY2(notes[0].find(broken) != std::string::npos, notes[0].c_str());
        QVERIFY2(notes[0].find("checksum") != std::string::npos, notes[0].c_str());

        appendBytes(broken, scalarsRecord(4, 4, {{"x", 4.0}}));
        appendBytes(fine, scalarsRecord(4, 4, {{"y", 4.0}}));
        const auto more = follower.poll();
        QCOMPARE(more.size(), size_t{1});
        QCOMPARE(more[0].step, int64_t{4});
        QCOMPARE(more[0].values[0].first.substr(more[0].values[0].first.size() - 1),
                 std::string("y"));
        QVERIFY(follower.takeNotes().empty());
    }

    void filesWithoutTfeventsInTheNameAreIgnored() {
        QTemporaryDir dir;
        const std::string record = scalarsRecord(1, 1, {{"a", 1.0}});
        appendBytes(dir.filePath("events.out.tfevent").toStdString(), record);
        appendBytes(dir.filePath("metrics.bin").toStdString(), record);
        TbEventFollower follower({dir.path().toStdString()});
        QVERIFY(follower.poll().empty());
        QCOMPARE(follower.fileCount(), size_t{0});
    }

    void symlinkLoopDoesNotHang() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        appendBytes((root / "run/events.out.tfevents.1.host").string(),
                    scalarsRecord(1, 1, {{"a", 1.0}}));
        fs::create_directory_symlink(root, root / "run/loop");
        fs::create_directory_symlink(".", root / "self");
        TbEventFollower follower({root.string()});
        const auto records = follower.poll();
        QCOMPARE(follower.fileCount(), size_t{1});
        QCOMPARE(records.size(), size_t{1});
        QCOMPARE(keysOf(records), std::set<std::string>{"a"});
        QVERIFY(follower.poll().empty());
    }

    void missingFolderIsNothing() {
        TbEventFollower follower({"/nonexistent-dir-tb/logs"});
        QVERIFY(follower.poll().empty());
        QCOMPARE(follower.fileCount(), size_t{0});
    }

    void writersFileReadsBack() {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("tb").toStdString();
        TbEventWriter writer;
        QVERIFY(!writer.append({1, 0, 1.0, {{"a", 1.0}}}).ok());  // nothing open yet
        const auto opened = writer.open(folder);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().c_str());
        QVERIFY(fs::path(writer.path()).filename().string().find("tfevents") != std::string::npos);
        QVERIFY(writer.append({1, 0, 1763820000.5, {{"train/loss", 0.1}, {"lr", 3e-4}}}).ok());
        QVERIFY(writer.append({2, 1, 1763820001.5, {{"train/loss", 0.05}}}).ok());

        TbEventFollower follower({folder});
        const auto records = follower.poll();
        QCOMPARE(records.size(), size_t{2});
        QCOMPARE(records[0].step, int64_t{1});
        QCOMPARE(records[0].time, 1763820000.5);
        QCOMPARE(records[0].values.size(), size_t{2});
        QCOMPARE(records[0].values[0].first, std::string("train/loss"));
        QVERIFY(float(records[0].values[0].second) == 0.1f);
        QCOMPARE(records[0].values[1].first, std::string("lr"));
        QVERIFY(float(records[0].values[1].second) == 3e-4f);
        QCOMPARE(records[1].step, int64_t{2});
        QCOMPARE(records[1].values.size(), size_t{1});
        QVERIFY(float(records[1].values[0].second) == 0.05f);
        QVERIFY(follower.takeNotes().empty());

        const std::string firstPath = writer.path();
        const std::string bytes = readAll(firstPath);
        const TfRecordScan scan = scanTfRecords(bytes);
        QCOMPARE(scan.records.size(), size_t{3});
        QCOMPARE(scan.consumed, bytes.size());
        const auto first = decodeTbEvent(scan.records[0]);
        QVERIFY(first.ok());
        QCOMPARE(first->fileVersion, std::string("brain.Event:2"));
        QVERIFY(first->scalars.empty());

        // Opened again elsewhere: the first file is closed (no descriptor left behind) and
        // gains nothing more.
        const auto openFiles = [] {
            return std::distance(fs::directory_iterator("/proc/self/fd"), {});
        };
        const auto before = openFiles();
        QVERIFY(writer.open(dir.filePath("tb2").toStdString()).ok());
        QCOMPARE(openFiles(), before);
        QVERIFY(writer.path() != firstPath);
        QVERIFY(writer.append({3, 1, 1763820002.5, {{"train/loss", 0.01}}}).ok());
        QCOMPARE(readAll(firstPath), bytes);
    }
};

QTEST_APPLESS_MAIN(TestTbFollow)
#include "tst_tb_follow.moc"
