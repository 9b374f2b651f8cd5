// Tests crash-safe replacement (including a writer killed with SIGKILL), reads and mkdir -p.

#include <QTemporaryDir>
#include <QTest>

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "core/protocol/atomic_file.h"

using namespace tb;

namespace {

// Hidden temp files a writer leaves behind when killed: ".<name>.tmp-<pid>-<n>".
std::vector<std::string> listDir(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* d = opendir(dir.c_str())) {
        while (const dirent* entry = readdir(d)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..") names.push_back(name);
        }
        closedir(d);
    }
    return names;
}

int countTemps(const std::string& dir, const std::string& name) {
    int count = 0;
    for (const auto& entry : listDir(dir)) count += entry.rfind("." + name + ".tmp-", 0) == 0;
    return count;
}

// Changes whenever the file is replaced or rewritten in place; 0 while it is missing.
uint64_t signatureOf(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return uint64_t(info.st_ino) * 1000003u + uint64_t(info.st_size) * 7919u +
           uint64_t(info.st_mtim.tv_sec) * 1000000000u + uint64_t(info.st_mtim.tv_nsec) + 1;
}

// Polls a condition against a deadline; a condition, not a fixed sleep, is the sync point.
template <typename Condition>
bool waitFor(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::yield();
    }
    return true;
}

std::string pattern(char first, size_t size) {
    std::string text(size, first);
    for (size_t i = 0; i < size; i += 4096) text[i] = char(first + 1);  // not one repeated byte
    return text;
}

}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesReplacesAndReadsBack() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("status.json").toStdString();
        QVERIFY(writeFileAtomic(path, "first").ok());
        QCOMPARE(*readFile(path), std::string("first"));
        QVERIFY(writeFileAtomic(path, "").ok());
        QCOMPARE(*readFile(path), std::string());
        const std::string binary("a\0b\nc", 5);
        QVERIFY(writeFileAtomic(path, binary).ok());
        QCOMPARE(*readFile(path), binary);
        QCOMPARE(listDir(dir.path().toStdString()), std::vector<std::string>{"status.json"});
    }

    void relativePathsUseTheCurrentDirectory() {
        QTemporaryDir dir;
        char previous[4096];
        QVERIFY(getcwd(previous, sizeof previous));
        QVERIFY(chdir(dir.path().toLocal8Bit().constData()) == 0);
        const bool written = writeFileAtomic("plain.txt", "x").ok();
        QVERIFY(chdir(previous) == 0);
        QVERIFY(written);
        QCOMPARE(*readFile(dir.filePath("plain.txt").toStdString()), std::string("x"));
    }

    void errorsNameTheFileAndReason() {
        auto written = writeFileAtomic("/nonexistent-tb-dir/status.json", "x");
        QVERIFY(!written.ok());
        QVERIFY2(written.error().rfind("cannot write /nonexistent-tb-dir/status.json: ", 0) == 0,
                 written.error().c_str());
        QVERIFY2(written.error().find("No such file or directory") != std::string::npos,
                 written.error().c_str());

        auto read = readFile("/nonexistent-tb-dir/x");
        QVERIFY(!read.ok());
        QCOMPARE(read.error(),
                 std::string("cannot read /nonexistent-tb-dir/x: No such file or directory"));

        QTemporaryDir dir;
        auto intoDir = writeFileAtomic(dir.path().toStdString(), "x");  // target is a directory
        QVERIFY(!intoDir.ok());
        QVERIFY2(intoDir.error().find(dir.path().toStdString()) != std::string::npos,
                 intoDir.error().c_str());
        QCOMPARE(
            countTemps(dir.path().toStdString() + "/..", dir.path().section('/', -1).toStdString()),
            0);
    }

    void makeDirsCreatesParents() {
        QTemporaryDir dir;
        const std::string nested = dir.filePath("a/b/c").toStdString();
        QVERIFY(makeDirs(nested).ok());
        QVERIFY(makeDirs(nested).ok());  // existing is fine
        QVERIFY(makeDirs(nested + "/").ok());
        QVERIFY(writeFileAtomic(nested + "/file", "x").ok());
        auto blocked = makeDirs(nested + "/file/d");
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error(),
                 "cannot create directory " + nested + "/file: a file with that name exists");
        QVERIFY(!makeDirs("").ok());
    }

    // A writer rewriting a large file A/B/A/B... is killed with SIGKILL at various moments.
    // The file must always be exactly A or exactly B. Each kill may leave at most one hidden
    // temp file (the one being written); readers skip names starting with '.', and the test
    // removes it before the next round.
    void survivesSigkillMidWrite() {
        QTemporaryDir dir;
        const std::string dirPath = dir.path().toStdString();
        const std::string path = dirPath + "/data.bin";
        const std::string a = pattern('A', 3 << 20), b = pattern('a', 3 << 20);
        QVERIFY(writeFileAtomic(path, a).ok());
        int killedMidWrite = 0;
        for (int round = 0; round < 8; ++round) {
            const uint64_t before = signatureOf(path);
            const pid_t child = fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                for (unsigned i = 0;; ++i) {
                    if (!writeFileAtomic(path, i % 2 ? a : b).ok()) _exit(1);
                }
            }
            // Even rounds: kill right after the file changed. Odd rounds: wait for at least
            // `round / 2` replacements, then kill while the next temp file is being written.
            int replacements = 0;
            uint64_t seen = before;
            const bool ready = waitFor([&] {
                const uint64_t now = signatureOf(path);
                if (now != seen && now != 0) {
                    seen = now;
                    ++replacements;
                }
                if (round % 2 == 0) return replacements >= 1;
                return replacements >= round / 2 && countTemps(dirPath, "data.bin") == 1;
            });
            kill(child, SIGKILL);
            int status = 0;
            QCOMPARE(waitpid(child, &status, 0), child);
            QVERIFY(ready);
            QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

            auto contents = readFile(path);
            QVERIFY2(contents.ok(), contents.ok() ? "" : contents.error().c_str());
            QVERIFY2(*contents == a || *contents == b, "torn file after SIGKILL");

            const int temps = countTemps(dirPath, "data.bin");
            QVERIFY(temps <= 1);
            killedMidWrite += temps;
            for (const auto& name : listDir(dirPath)) {
                if (name == "data.bin") continue;
                QVERIFY2(name.rfind(".data.bin.tmp-" + std::to_string(child) + "-", 0) == 0,
                         name.c_str());
                QVERIFY(::unlink((dirPath + "/" + name).c_str()) == 0);
            }
        }
        // The odd rounds aimed at the middle of a write; at least one must have hit it, or
        // the test did not test what it claims.
        QVERIFY(killedMidWrite >= 1);
    }
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
