// Starts and watches the child ranks of a local data-parallel run.
#include "rank_launcher.h"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <thread>

extern char** environ;

namespace tb {
namespace {

const char* const kOwnVariables[] = {"RANK=",
                                     "LOCAL_RANK=",
                                     "WORLD_SIZE=",
                                     "MASTER_ADDR=",
                                     "MASTER_PORT=",
                                     "LOCAL_WORLD_SIZE=",
                                     "TRAINBENCH_RESUME_FROM=",
                                     "TORCHELASTIC_USE_AGENT_STORE="};

bool isOwnVariable(const char* entry) {
    for (const char* prefix : kOwnVariables) {
        if (std::strncmp(entry, prefix, std::strlen(prefix)) == 0) return true;
    }
    return false;
}

}  // namespace

RankChildren::~RankChildren() {
    stopAll();
}

Result<void> RankChildren::start(int size, int port, char** argv, const std::string& resumeFrom) {
    // Everything the child needs is built before fork: rank 0 already runs threads (the store's),
    // so between fork and exec the child may only make system calls.
    std::vector<std::string> shared;
    for (char** entry = environ; *entry; ++entry) {
        if (!isOwnVariable(*entry)) shared.emplace_back(*entry);
    }
    shared.push_back("WORLD_SIZE=" + std::to_string(size));
    shared.push_back("LOCAL_WORLD_SIZE=" + std::to_string(size));
    shared.push_back("MASTER_ADDR=127.0.0.1");
    shared.push_back("MASTER_PORT=" + std::to_string(port));
    shared.push_back("TRAINBENCH_RESUME_FROM=" + resumeFrom);
    const pid_t parent = ::getpid();
    for (int rank = 1; rank < size; ++rank) {
        std::vector<std::string> own = shared;
        own.push_back("RANK=" + std::to_string(rank));
        own.push_back("LOCAL_RANK=" + std::to_string(rank));
        std::vector<char*> envp;
        for (std::string& entry : own) envp.push_back(entry.data());
        envp.push_back(nullptr);
        const pid_t pid = ::fork();
        if (pid < 0) {
            stopAll();
            return fail(std::string("cannot start rank ") + std::to_string(rank) + ": " +
                        std::strerror(errno));
        }
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(127);  // rank 0 is already gone
            ::execve("/proc/self/exe", argv, envp.data());
            ::_exit(127);
        }
        m_pids.push_back(pid);
        m_status.push_back(0);
    }
    return {};
}

std::string RankChildren::describe(std::size_t index, int status) const {
    const std::string who =
        "rank " + std::to_string(index + 1) + " (pid " + std::to_string(m_pids[index]) + ")";
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        const char* name = ::strsignal(signal);
        return who + " was killed by signal " + std::to_string(signal) +
               (name ? std::string(" (") + name + ")" : std::string());
    }
    return who + " exited with status " + std::to_string(WEXITSTATUS(status));
}

std::string RankChildren::failedRank(std::chrono::milliseconds patience) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    for (;;) {
        for (std::size_t i = 0; i < m_pids.size(); ++i) {
            if (m_pids[i] == 0) continue;
            int status = 0;
            if (::waitpid(m_pids[i], &status, WNOHANG) != m_pids[i]) continue;
            const std::string text = describe(i, status);
            m_pids[i] = 0;
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return text;
        }
        if (std::chrono::steady_clock::now() >= deadline) return {};
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string RankChildren::waitAll() {
    std::string first;
    for (std::size_t i = 0; i < m_pids.size(); ++i) {
        if (m_pids[i] == 0) continue;
        int status = 0;
        while (::waitpid(m_pids[i], &status, 0) < 0 && errno == EINTR) {
        }
        const bool fine = WIFEXITED(status) &&
                          (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 128 + SIGTERM ||
                           WEXITSTATUS(status) == 128 + SIGINT);
        if (!fine && first.empty()) first = describe(i, status);
        m_pids[i] = 0;
    }
    return first;
}

void RankChildren::stopAll() {
    for (const int pid : m_pids) {
        if (pid != 0) ::kill(pid, SIGTERM);
    }
    (void)waitAll();
}

std::string inheritedResume() {
    const char* passed = std::getenv("TRAINBENCH_RESUME_FROM");
    return passed ? passed : "";
}

}  // namespace tb
