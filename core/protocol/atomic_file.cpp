// Crash-safe file replacement and whole-file reads with POSIX calls, so errors carry errno.

#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace tb {
namespace {

std::string reason() {
    return std::strerror(errno);
}

std::string parentDir(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Loops because write() may be cut short by a signal or a full pipe/disk boundary.
bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

int closeKeepingErrno(int fd) {
    const int saved = errno;
    const int rc = ::close(fd);
    errno = saved;
    return rc;
}

// Without this the rename itself may be lost on power failure even though the data is synced.
bool syncDirectory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    int rc;
    do {
        rc = ::fsync(fd);
    } while (rc < 0 && errno == EINTR);
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
    const bool ok = rc == 0 || errno == EINVAL || errno == EROFS;
    closeKeepingErrno(fd);
    return ok;
}

}  // namespace

Result<void> writeFileAtomic(const std::string& path, std::string_view contents) {
    static std::atomic<unsigned> counter{0};
    const std::string dir = parentDir(path);
    // Hidden name ".<file>.tmp-<pid>-<n>": unique per process and call; readers skip it.
    // A writer killed mid-write leaves at most this one temp file behind.
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        tmp = dir + "/." + baseName(path) + ".tmp-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter.fetch_add(1));
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return fail("cannot write " + path + ": cannot create temporary file: " + reason());

    if (!writeAll(fd, contents.data(), contents.size()) || ::fsync(fd) != 0) {
        const std::string why = reason();
        closeKeepingErrno(fd);
        ::unlink(tmp.c_str());
        return fail("cannot write " + path + ": " + why);
    }
    if (::close(fd) != 0) {
        const std::string why = reason();
        ::unlink(tmp.c_str());
        return fail("cannot write " + path + ": " + why);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = reason();
        ::unlink(tmp.c_str());
        return fail("cannot replace " + path + ": " + why);
    }
    if (!syncDirectory(dir)) return fail("cannot sync directory " + dir + ": " + reason());
    return {};
}

Result<std::string> readFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail("cannot read " + path + ": " + reason());
    std::string data;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0)
        data.reserve(static_cast<size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = reason();
            ::close(fd);
            return fail("cannot read " + path + ": " + why);
        }
        data.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return data;
}

Result<void> makeDirs(const std::string& path) {
    if (path.empty()) return fail("cannot create directory: empty path");
    size_t pos = 0;
    while (pos != std::string::npos) {
        pos = path.find('/', pos + 1);
        const std::string prefix = path.substr(0, pos);
        if (prefix.empty() || prefix == "/") continue;
        if (::mkdir(prefix.c_str(), 0777) == 0) continue;
        if (errno != EEXIST) return fail("cannot create directory " + prefix + ": " + reason());
        struct stat info {};
        if (::stat(prefix.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
            return fail("cannot create directory " + prefix + ": a file with that name exists");
    }
    return {};
}

}  // namespace tb
