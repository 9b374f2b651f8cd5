#pragma once
// Pieces shared by the trainbench commands: options, finding a run, exit codes, formatting.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

#include "cli_options.h"
#include "core/protocol/result.h"
#include "core/runs/run_info.h"
#include "remote/ssh/ssh_result.h"

namespace tb {
class PasswordVault;
class RunCatalog;
class SshSessionThread;
struct RemoteHost;
}  // namespace tb

namespace tb::cli {

constexpr int kExitUsage = 2;

// The command line's translation context "Cli": `Text::tr("...")` for every sentence a command
// prints, QT_TRANSLATE_NOOP("Cli", ...) for texts declared before a translator is installed.
// runCliCommand() installs the catalog of the terminal's language first.
class Text {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

struct CliOptions {
    QStringList positional;
    QStringList sets;  // --set k=v, repeatable
    QString runsRoot;  // --runs-root DIR, resolved (never empty)
    bool detach = false;
    bool json = false;
    bool fromEnd = false;
    bool kill = false;
};

// The options of a command on local runs, read from what the parser took; the runs root resolved.
CliOptions localOptions(const ParsedArgs& parsed);

// --nproc-per-node N of a script run: 1 when absent; a usage error (kExitUsage) unless
// 1 <= N <= 1024.
Result<int> processesPerNode(const ParsedArgs& parsed);

// An exact run id, or a prefix that matches exactly one run of the catalog (read again first).
Result<QString> findRunId(RunCatalog& catalog, const QString& idOrPrefix);

// Where trainbench-train and tb-wrap.sh are: $TRAINBENCH_BIN_DIR, else this program's folder.
QString binDir();

// 0 finished, 143 stopped, 1 failed or lost: what `run` and `follow` exit with.
int exitStatusOf(const RunInfo& run);

QString formatDuration(qint64 seconds);  // "1:02:03", "4:05"
QString formatNumber(double value);      // "-" for NaN

// Text from a box (names, messages, its stderr) with every terminal control character but
// newline and tab shown as '?': an escape sequence such as OSC 52 could set the clipboard or
// rewrite what the terminal shows.
QString terminalSafe(const QString& text);
void printOut(const QString& text);  // to stdout, flushed
// To stderr with the "trainbench: " prefix and a newline; through terminalSafe, since error
// messages quote what boxes answered.
void printErr(const QString& text);
// How a command that connects to a host may settle what a person would otherwise answer.
struct ConnectOptions {
    QString acceptKey;           // --accept-key SHA256:...: trust exactly this unknown key
    bool acceptNew = false;      // --accept-new: trust an unknown key (never a changed one)
    bool passwordStdin = false;  // --password-stdin: one line of stdin is the password
};

// --accept-key FP, --accept-new and --password-stdin as the parser took them; a usage error
// (kExitUsage) when the fingerprint is not SHA256:...
[[nodiscard]] Result<ConnectOptions> connectOptions(const ParsedArgs& parsed);

// Removes `--config-dir DIR` from argv (anywhere) and makes it the config dir of this process
// (HostStore::defaultConfigDir); an error when DIR is missing.
[[nodiscard]] Result<void> takeConfigDirOption(int& argc, char** argv);

// Waits for the vault to learn whether a keychain service answers here; true when one does.
bool keychainAnswers(PasswordVault& vault);

// One line from stdin without its newline; with no echo when stdin is a terminal.
QString readSecretLine(const QString& prompt);
bool stdinIsTerminal();

// The stored host called `name` (hosts.json in the config dir), or an error naming it.
[[nodiscard]] Result<RemoteHost> findStoredHost(const QString& name);

// Connects thread to host, settling on the terminal what the session asks: an unknown host
// key (fingerprint shown, y/N; refused without a terminal unless --accept-new/--accept-key),
// a key passphrase and a password (typed without echo). The password comes from
// --password-stdin, else the keychain, else the terminal. A changed key is always refused.
SshResult connectForCli(SshSessionThread& thread, const RemoteHost& host,
                        const ConnectOptions& options);

// Set by SIGINT while following: stop following, leave the run alone.
bool interrupted();
void watchInterrupt();

// While it lives, Ctrl-C calls `cancel` (a build or a transfer, which then answers as
// cancelled); a 100 ms tick looks at the flag, since a signal handler may only set it.
class CancelOnInterrupt {
public:
    explicit CancelOnInterrupt(std::function<void()> cancel);

private:
    QTimer m_tick;
};

}  // namespace tb::cli
