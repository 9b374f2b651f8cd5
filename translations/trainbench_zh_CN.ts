<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AwaitResult</name>
    <message>
        <location filename="../core/runs/await_result.h" line="+27"/>
        <source>%1 got no answer</source>
        <extracomment>%1 says what was awaited, e.g. &quot;the launch&quot;</extracomment>
        <translation>%1 没有得到回应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 got no answer in %2 s</source>
        <extracomment>%1 says what was awaited, e.g. &quot;the launch&quot;; %2 is a number of seconds</extracomment>
        <translation>%1 在 %2 秒内没有得到回应</translation>
    </message>
</context>
<context>
    <name>BoxName</name>
    <message>
        <location filename="../core/checkpoints/box_name.cpp" line="+41"/>
        <source>run id (expected YYYYMMDD-HHMMSS-name)</source>
        <translation>运行 ID（应为 YYYYMMDD-HHMMSS-name）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checkpoint name (expected ckpt-NAME.pt)</source>
        <translation>检查点名称（应为 ckpt-NAME.pt）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checkpoint sidecar name (expected ckpt-NAME.json)</source>
        <translation>检查点附属文件名（应为 ckpt-NAME.json）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>host %1 sent the %2 &quot;%3&quot;, which is not a safe file name; it was refused and nothing was written. Check what runs on that box.</source>
        <extracomment>%1 is a host, %2 the kind of name (&quot;run id (expected YYYYMMDD-HHMMSS-name)&quot;), %3 the name</extracomment>
        <translation>主机 %1 发来的%2“%3”不是安全的文件名，已拒绝，未写入任何内容。请检查该主机上运行的程序。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the %1 &quot;%2&quot; from host %3 would resolve to %4, outside %5 (a symbolic link there?); refused. Remove the link and try again.</source>
        <extracomment>%1 is the kind of name (&quot;run id (expected YYYYMMDD-HHMMSS-name)&quot;), %2 the name, %3 a host, %4 a local path or &quot;an unknown place&quot;, %5 the folder it should stay in</extracomment>
        <translation>来自主机 %3 的%1“%2”会解析到 %4，位于 %5 之外（那里有符号链接？），已拒绝。请删除该链接后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an unknown place</source>
        <translation>未知位置</translation>
    </message>
</context>
<context>
    <name>CheckpointListing</name>
    <message>
        <location filename="../remote/runs/remote_checkpoints.cpp" line="+97"/>
        <source>%1 on %2 has no checkpoint yet (no checkpoints/latest.json); pick a run that saved one</source>
        <translation>%2 上的 %1 还没有检查点（没有 checkpoints/latest.json）；请选择一个已保存检查点的运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checkpoint %1/checkpoints/%2 does not exist on %3; choose one from the run&apos;s checkpoint list</source>
        <extracomment>%1 is the run&apos;s folder on the box, %2 the checkpoint&apos;s file name, %3 the host</extracomment>
        <translation>%3 上不存在检查点 %1/checkpoints/%2；请从该运行的检查点列表中选择一个</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>listing checkpoints on %1: %2</source>
        <translation>列出 %1 上的检查点时出错：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>listing checkpoints on %1: %2 before any .pt</source>
        <extracomment>%2 is a word of the box&apos;s answer (size, sidecar)</extracomment>
        <translation>列出 %1 上的检查点时出错：%2 出现在所有 .pt 之前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>listing checkpoints on %1: the size of %2 is not a byte count</source>
        <translation>列出 %1 上的检查点时出错：%2 的大小不是字节数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>listing checkpoints on %1: the answer names no run folder</source>
        <translation>列出 %1 上的检查点时出错：回复中没有运行文件夹</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli/cli_checkpoints.cpp" line="+63"/>
        <source>needs RUN and at most one DEST</source>
        <translation>需要 RUN，以及最多一个 DEST</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/cli/cli_commands.cpp" line="+33"/>
        <location filename="../app/cli/cli_remote_control.cpp" line="+22"/>
        <source>needs one RUN</source>
        <translation>需要一个 RUN</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/cli/cli_remote_run.cpp" line="+58"/>
        <source>needs --host NAME</source>
        <translation>需要 --host NAME</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>no checkpoints in %1</source>
        <extracomment>%1 is the run&apos;s folder on the host</extracomment>
        <translation>%1 中没有检查点</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the checkpoint transfer</source>
        <extracomment>what got no answer, as in &quot;the checkpoint transfer got no answer in 120 s&quot;</extracomment>
        <translation>检查点传输</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_command_specs.cpp" line="+22"/>
        <source>Trust exactly this unknown host key.</source>
        <translation>只信任这一个未知的主机密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust an unknown host key (never a changed one).</source>
        <translation>信任未知的主机密钥（已变更的密钥一律拒绝）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+243"/>
        <source>Read the password from one line of stdin.</source>
        <translation>从标准输入读取一行作为密码。</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>Install missing cmake, g++, make with the package manager.</source>
        <translation>用包管理器安装缺少的 cmake、g++、make。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build the trainer again even when one is cached.</source>
        <translation>即使已有缓存，也重新构建训练程序。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The build cache on the host (~/.cache/trainbench/trainer).</source>
        <translation>主机上的构建缓存（~/.cache/trainbench/trainer）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cmake to build with on the host.</source>
        <translation>在主机上用于构建的 cmake。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The C++ compiler to build with on the host.</source>
        <translation>在主机上用于构建的 C++ 编译器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The stored host (trainbench hosts lists them).</source>
        <translation>已保存的主机（trainbench hosts 可列出）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder of the runs (default: $TRAINBENCH_RUNS, else the app&apos;s data folder).</source>
        <translation>运行所在的文件夹（默认：$TRAINBENCH_RUNS，否则为应用的数据文件夹）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Override a config key (key.path=value); repeatable.</source>
        <translation>覆盖一个配置键（key.path=value）；可重复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>trainbench-train on the host (default: the prepared one).</source>
        <translation>主机上的 trainbench-train（默认：准备主机时构建的那个）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refuse a host never prepared instead of preparing it.</source>
        <translation>主机从未准备过时直接拒绝，而不是先准备主机。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+286"/>
        <source>Print the run id and return; do not follow.</source>
        <translation>打印运行 ID 后立即返回，不跟踪。</translation>
    </message>
    <message>
        <location line="-282"/>
        <source>Your own command ({key.path} filled in from the config) instead of the trainer.</source>
        <translation>用你自己的命令（{key.path} 从配置中填入）代替训练程序。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run a Jupyter notebook&apos;s cells in order, headless; an executed copy is kept in the run folder.</source>
        <translation>以无界面方式按顺序执行 Jupyter notebook 的单元格；执行后的副本保存在运行文件夹中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The config of a --command run.</source>
        <translation>--command 运行所用的配置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where --command runs (default: here).</source>
        <translation>--command 的工作目录（默认：当前目录）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shell line run before --command.</source>
        <translation>在 --command 之前执行的一行 shell 命令。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Named groups of --command&apos;s output lines become metrics.</source>
        <translation>--command 输出行中的命名分组成为指标。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where --command writes TensorBoard event files (default: runs); their scalars become metrics.</source>
        <translation>--command 写入 TensorBoard 事件文件的位置（默认：runs）；其中的标量成为指标。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start --command&apos;s python script N times through torchrun (data-parallel).</source>
        <translation>通过 torchrun 启动 --command 的 python 脚本 N 次（数据并行）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --host: mirror this code folder into --workdir first (as trainbench sync) and record it in run.json.</source>
        <translation>配合 --host：先把这个代码文件夹镜像同步到 --workdir（同 trainbench sync），并记录到 run.json。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --sync: send without asking.</source>
        <translation>配合 --sync：不询问直接发送。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit to the host&apos;s Slurm with sbatch: partition, gpus (per node), nodes, cpus, time, account.</source>
        <translation>用 sbatch 提交到主机的 Slurm：partition、gpus（每节点）、nodes、cpus、time、account。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Starts a run, prints its id alone on the first line and follows it to its end
(exit status 0 finished, 143 stopped, 1 failed) unless --detach. With --host the run
goes into the host&apos;s runs root (trainbench hosts add ... --remote-root DIR, default
~/trainbench); a host never prepared is prepared first, with the options of
`trainbench prepare`; --no-prepare refuses instead. On a Slurm login node (the host&apos;s
&quot;slurm&quot; settings, or --slurm) the run is a job: pending with its reason, then running.</source>
        <translation>启动一个运行，第一行只打印其 ID，随后跟踪它直到结束
（退出码 0 已完成，143 已停止，1 失败），除非指定 --detach。使用 --host 时，运行
放在主机的运行根目录中（trainbench hosts add ... --remote-root DIR，默认
~/trainbench）；从未准备过的主机会先用 `trainbench prepare` 的选项
准备主机；--no-prepare 则直接拒绝。在 Slurm 登录节点上（主机的
&quot;slurm&quot; 设置，或 --slurm），运行是一个作业：先排队（显示原因），然后运行。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The runs as a table, or as JSON.</source>
        <translation>以表格或 JSON 列出运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <location line="+27"/>
        <location line="+7"/>
        <location line="+98"/>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Turns TensorBoard runs into finished runs: each folder under LOGDIR that holds
event files (events.out.tfevents.*) becomes one run with their scalars as curves. A
folder imported before is skipped.</source>
        <translation>把 TensorBoard 运行导入为已完成的运行：LOGDIR 下每个包含
事件文件（events.out.tfevents.*）的文件夹成为一个运行，其标量成为曲线。
之前导入过的文件夹会跳过。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prints a run&apos;s log and metrics until it ends; exits with the run&apos;s status.
RUN is a run id or a unique prefix of one.</source>
        <translation>打印运行的日志和指标直到它结束；以运行的状态作为退出码。
RUN 是运行 ID 或其唯一前缀。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start at the end of the log (a local run).</source>
        <translation>从日志末尾开始（本机运行）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asks a run to stop (SIGTERM: it saves a checkpoint first); --kill ends it now.
RUN is a run id or a unique prefix of one.</source>
        <translation>请求运行停止（SIGTERM：它会先保存检查点）；--kill 立即结束它。
RUN 是运行 ID 或其唯一前缀。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SIGKILL instead of SIGTERM.</source>
        <translation>用 SIGKILL 代替 SIGTERM。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Queues one run per trial of SWEEP.yaml (docs/SWEEPS.md) and starts the sweep&apos;s
scheduler, which runs them one per slot, detached: closing the terminal changes nothing.
Slots are the GPUs nvidia-smi lists (each --per-gpu times), --gpus, or --slots N CPU
slots; one CPU slot without a GPU. Prints the sweep id, then each trial as it ends and
the trials ranked by the sweep&apos;s metric, unless --detach. With --host the queue and its
scheduler live in the host&apos;s runs root and go on while the laptop sleeps.</source>
        <translation>为 SWEEP.yaml（docs/SWEEPS.md）的每个试验排入一个运行，并启动超参数搜索的
调度器，它以后台运行的方式在每个槽位上逐个执行：关闭终端不影响它。
槽位是 nvidia-smi 列出的 GPU（每个 --per-gpu 次）、--gpus，或 --slots N 个 CPU
槽位；没有 GPU 时为一个 CPU 槽位。打印超参数搜索 ID，然后打印每个结束的试验，
以及按超参数搜索指标排名的试验，除非指定 --detach。使用 --host 时，队列及其
调度器位于主机的运行根目录中，笔记本休眠时也会继续。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>N CPU slots (trials at once without a GPU).</source>
        <translation>N 个 CPU 槽位（没有 GPU 时同时运行的试验数）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The GPUs to use (default: every one listed).</source>
        <translation>要使用的 GPU（默认：列出的每一个）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trials at once on each GPU (default 1).</source>
        <translation>每个 GPU 上同时运行的试验数（默认 1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the sweep id and return; do not follow.</source>
        <translation>打印超参数搜索 ID 后立即返回，不跟踪。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your own command instead of the trainer.</source>
        <translation>用你自己的命令代替训练程序。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The config of a --command sweep.</source>
        <translation>--command 超参数搜索所用的配置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trials of a sweep: where each is in the queue, its state and the best and
last value of the sweep&apos;s metric, best first (* marks the best). SWEEP is a sweep id
or a unique prefix of one.</source>
        <translation>超参数搜索的试验：各自在队列中的位置、状态，以及超参数搜索指标的最佳值和
最新值，最佳的在前（* 标记最佳）。SWEEP 是超参数搜索 ID
或其唯一前缀。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Queues the trials of another sweep file in a sweep, running or drained, over
its own config or command and slots; numbered after its last trial. The file must rank
by the sweep&apos;s metric and goal.</source>
        <translation>把另一个搜索文件的试验排入一个超参数搜索（运行中或已排空均可），沿用
其自身的配置或命令和槽位；编号接在最后一个试验之后。该文件必须按
超参数搜索的指标和目标排名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancels one trial (a number from sweep-status: taken off the queue, or stopped
if it runs) or, without TRIAL, every trial and the sweep.</source>
        <translation>取消一个试验（sweep-status 中的编号：从队列中移除，或在运行中则
停止），不指定 TRIAL 时取消所有试验和该超参数搜索。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connects and reports the GPUs, driver and CUDA, disks, pythons and torch, and
tools; fills in the host&apos;s runs root and python where they were left empty.</source>
        <translation>连接并报告 GPU、驱动和 CUDA、磁盘、python 和 torch，以及
工具；为留空的主机运行根目录和 python 填入值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lists the stored hosts. Actions: add, ssh-config, rm, forget-key, probe
(`trainbench hosts ACTION --help`). Hosts live in hosts.json in --config-dir DIR,
else $TRAINBENCH_HOME, else the app&apos;s config folder, without passwords.</source>
        <translation>列出已保存的主机。操作：add、ssh-config、rm、forget-key、probe
（`trainbench hosts ACTION --help`）。主机保存在 --config-dir DIR 中的 hosts.json，
否则在 $TRAINBENCH_HOME，否则在应用的配置文件夹，不含密码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Adds a host from the ssh line a provider shows, or from ~/.ssh/config.
--password-stdin keeps the password in the OS keychain, or where none runs, nowhere.</source>
        <translation>根据服务商给出的 ssh 命令行或 ~/.ssh/config 添加主机。
--password-stdin 把密码存入系统密钥链；没有密钥链服务时不保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The private key to log in with.</source>
        <translation>用于登录的私钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the host from this Host of ~/.ssh/config.</source>
        <translation>使用 ~/.ssh/config 中这个 Host 的设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The python on the host (default: found by probe).</source>
        <translation>主机上的 python（默认：由 probe 查找）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The runs root on the host (default: found by probe).</source>
        <translation>主机上的运行根目录（默认：由 probe 查找）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the host costs per hour.</source>
        <translation>主机每小时的费用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The known_hosts file (default ~/.ssh/known_hosts).</source>
        <translation>known_hosts 文件（默认 ~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Slurm login node: runs are submitted with sbatch with these defaults (partition, gpus, nodes, cpus, time, account).</source>
        <translation>Slurm 登录节点：用 sbatch 提交运行，使用这些默认值（partition、gpus、nodes、cpus、time、account）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lists the Hosts ~/.ssh/config offers.</source>
        <translation>列出 ~/.ssh/config 中的 Host。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes a host and its stored password.</source>
        <translation>删除主机及其保存的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forgets the host&apos;s key, so that the next connection shows the new one and asks.</source>
        <translation>忘记主机密钥，下次连接时会显示新密钥并询问。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Builds trainbench-train on the host against its own LibTorch (its python&apos;s
torch, else a system LibTorch), once per source set and torch version, and keeps its
path in hosts.json for run --host.</source>
        <translation>在主机上针对其自身的 LibTorch（其 python 的 torch，
否则为系统的 LibTorch）构建 trainbench-train，每组源码和 torch 版本构建一次，并把
路径保存在 hosts.json 中供 run --host 使用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host&apos;s uptime and what it has cost so far.</source>
        <translation>主机的运行时长和目前为止的费用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A folder&apos;s contents end up in the destination folder (like rsync SRC/ DST), packed
into one tar stream; a file goes to DST, or into DST when it is a folder, resuming
from DST.part and checked by sha256. REMOTE paths are relative to the remote home.</source>
        <translation>文件夹的内容会放入目标文件夹（类似 rsync SRC/ DST），打包
为一个 tar 流；文件会传到 DST，DST 是文件夹时则放入其中，从
DST.part 断点续传，并用 sha256 校验。REMOTE 路径相对于远程主目录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How a folder is packed (default: what the remote has).</source>
        <translation>文件夹的打包方式（默认：远程主机支持的方式）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start a file again instead of resuming its .part.</source>
        <translation>重新传输文件，而不是从其 .part 续传。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mirrors a code folder to the host: in a git work tree the files git keeps
(tracked and untracked, not ignored), else all but what .trainbenchignore (gitignore
syntax) leaves out. Only files changed since the last sync travel (one tar stream);
files deleted here are removed there, and files the host wrote itself stay. Asks
before sending more than 100 MB or data-like folders. Prints the code record
(commit, dirty_diff, manifest) that runs started with --sync keep in run.json.</source>
        <translation>把代码文件夹镜像同步到主机：在 git 工作树中同步 git 管理的文件
（已跟踪和未跟踪的，不含被忽略的），否则同步除 .trainbenchignore（gitignore
语法）排除之外的全部文件。只传输上次同步后改动的文件（一个 tar 流）；
本地删除的文件在主机上也会删除，主机自己写入的文件保留。发送超过
100 MB 或类似数据的文件夹前会询问。打印代码记录
（commit、dirty_diff、manifest），用 --sync 启动的运行会把它保存在 run.json 中。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send without asking, whatever the size.</source>
        <translation>不询问直接发送，无论大小。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A checkpoint&apos;s file name (default: the newest).</source>
        <translation>检查点的文件名（默认：最新的）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A remote run&apos;s checkpoints and their metrics; * marks the newest.</source>
        <translation>远程运行的检查点及其指标；* 标记最新的。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Continues a run from a checkpoint: on the same host, or --to HOST (uploaded into
its runs root first; prepared first when never prepared) or --to local (downloaded
into the runs root here).</source>
        <translation>从检查点恢复运行：在同一主机上，或 --to HOST（先上传到其
运行根目录；从未准备过时先准备主机），或 --to local（下载
到本机的运行根目录）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where to resume (default: the run&apos;s host).</source>
        <translation>在哪里恢复（默认：运行所在的主机）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Makes DEST/HOST/RUN (default DEST: .) with config.resolved, config.yaml and
checkpoints/FILE with its sidecar: resumable, checked by sha256.</source>
        <translation>创建 DEST/HOST/RUN（默认 DEST：.），包含 config.resolved、config.yaml 和
checkpoints/FILE 及其附属文件：可恢复，用 sha256 校验。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Once RUN ends (any final state) the box counts --delay seconds down (default
300) and runs the host&apos;s shutdown command (default `shutdown -h now`, or --command
LINE); it happens on the box, so the laptop may sleep. Cancel with shutdown-cancel,
or on the box: touch RUN_DIR/shutdown.cancel. RUN is a run id under the host&apos;s runs
root, .sweeps/SWEEP for a sweep (once its queue drains), or the run&apos;s directory on the box.</source>
        <translation>RUN 结束后（任何最终状态），主机开始 --delay 秒倒计时（默认
300），然后执行主机的关机命令（默认 `shutdown -h now`，或 --command
LINE）；这在主机上进行，笔记本可以休眠。用 shutdown-cancel 取消，
或在主机上：touch RUN_DIR/shutdown.cancel。RUN 是主机运行根目录下的
运行 ID、超参数搜索的 .sweeps/SWEEP（在其队列排空后），或运行在主机上的目录。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The countdown after the run ends (default 300).</source>
        <translation>运行结束后的倒计时（默认 300）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shutdown command (default: the host&apos;s).</source>
        <translation>关机命令（默认：主机设置的命令）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This overview, or a command&apos;s help.</source>
        <translation>本概览，或某个命令的帮助。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opens the workbench window, with CONFIG in the editor.</source>
        <translation>打开工作台窗口，并在编辑器中打开 CONFIG。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder of hosts.json (default: $TRAINBENCH_HOME, else the app&apos;s config folder).</source>
        <translation>hosts.json 所在的文件夹（默认：$TRAINBENCH_HOME，否则为应用的配置文件夹）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the version.</source>
        <translation>打印版本。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>RUN is a run id or a unique prefix of one. The runs root is --runs-root, else
$TRAINBENCH_RUNS, else the app&apos;s data folder. Every command takes --config-dir DIR:
the folder of hosts.json (default: $TRAINBENCH_HOME, else the app&apos;s config folder).
`trainbench COMMAND --help` shows a command&apos;s options; --version the version.</source>
        <translation>RUN 是运行 ID 或其唯一前缀。运行根目录为 --runs-root，否则为
$TRAINBENCH_RUNS，否则为应用的数据文件夹。每个命令都接受 --config-dir DIR：
hosts.json 所在的文件夹（默认：$TRAINBENCH_HOME，否则为应用的配置文件夹）。
`trainbench COMMAND --help` 显示命令的选项；--version 显示版本。</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_commands.cpp" line="+19"/>
        <source>the launch</source>
        <extracomment>what got no answer, as in &quot;the launch got no answer in 120 s&quot;</extracomment>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a local run of the trainer (it needs --host or --command)</source>
        <extracomment>completes &quot;--env does not go with %1&quot;</extracomment>
        <translation>本机的训练程序运行（该选项需要 --host 或 --command）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/cli/cli_remote_run.cpp" line="+11"/>
        <source>needs one CONFIG</source>
        <translation>需要一个 CONFIG</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>a local run (it needs --host NAME)</source>
        <extracomment>completes &quot;--from-end does not go with %1&quot; (or --kill, or another option)</extracomment>
        <translation>本机运行（该选项需要 --host NAME）</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>the signal</source>
        <extracomment>what got no answer, as in &quot;the signal got no answer in 120 s&quot;</extracomment>
        <translation>信号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>killed run %1</source>
        <translation>已强制终止运行 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asked run %1 to stop; it saves a checkpoint first (trainbench follow %1 shows when it has)</source>
        <translation>已请求运行 %1 停止；它会先保存检查点（trainbench follow %1 可查看何时保存完成）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_common.cpp" line="+30"/>
        <source>--nproc-per-node needs a whole number from 1 to 1024</source>
        <translation>--nproc-per-node 需要 1 到 1024 之间的整数</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no run matches &apos;%1&apos; in %2; `trainbench runs` lists them</source>
        <translation>%2 中没有与“%1”匹配的运行；`trainbench runs` 可列出所有运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; matches %2 runs (%3); give more of the id</source>
        <extracomment>%1 is the prefix typed, %2 how many run ids start with it, %3 the first few of them</extracomment>
        <translation>“%1”匹配到 %2 个运行（%3）；请输入更长的 ID</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_common_connect.cpp" line="+66"/>
        <source>Nobody can confirm it here (stdin is not a terminal): pass --accept-new to trust a new key, or --accept-key %1 after checking it with the provider.</source>
        <extracomment>%1 is the host key&apos;s fingerprint SHA256:...</extracomment>
        <translation>此处无人可以确认（stdin 不是终端）：传入 --accept-new 以信任新的密钥，或在向服务商核对后传入 --accept-key %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trust this key and connect? [y/N] </source>
        <extracomment>askYesNo takes only y or yes (in Latin letters) as yes: keep [y/N]</extracomment>
        <translation>信任此密钥并连接？[y/N] </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not connected: the host key %1 was not trusted.</source>
        <extracomment>%1 is the host key&apos;s fingerprint SHA256:...</extracomment>
        <translation>未连接：主机密钥 %1 未被信任。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>--accept-key needs the fingerprint, SHA256:...</source>
        <translation>--accept-key 需要指纹，格式为 SHA256:...</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>--config-dir needs a folder</source>
        <translation>--config-dir 需要一个文件夹</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+27"/>
        <location filename="../app/cli/cli_hosts.cpp" line="+197"/>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Passphrase for the key %1: </source>
        <extracomment>%1 is the key file, such as ~/.ssh/id_ed25519</extracomment>
        <translation>密钥 %1 的口令：</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../app/cli/cli_hosts.cpp" line="+85"/>
        <source>no host named &apos;%1&apos;; `trainbench hosts` lists them</source>
        <translation>没有名为“%1”的主机；`trainbench hosts` 可列出所有主机</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_host_backend.cpp" line="+27"/>
        <source>host %1 has no trainbench-train yet: it was never prepared. Run `trainbench prepare %1` first, or leave out --no-prepare to prepare it now.</source>
        <translation>主机 %1 上还没有 trainbench-train：它从未准备过。请先运行 `trainbench prepare %1`，或去掉 --no-prepare 以立即准备主机。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>host %1 was never prepared: preparing it first, as `trainbench prepare %1` does</source>
        <translation>主机 %1 从未准备过：先按 `trainbench prepare %1` 的方式准备主机</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no run matches &apos;%1&apos; on host %2; `trainbench runs` lists the runs here, the app those of every host</source>
        <extracomment>%1 is what was given of a run id, %2 the host&apos;s name</extracomment>
        <translation>主机 %2 上没有与“%1”匹配的运行；`trainbench runs` 列出本机的运行，应用中可查看所有主机的运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; matches %2 runs on host %3; give more of the id</source>
        <extracomment>%1 is what was given of a run id, %2 a number of runs (2 or more), %3 the host&apos;s name</extracomment>
        <translation>“%1”匹配主机 %3 上的 %2 个运行；请给出更完整的 ID</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_hosts.cpp" line="-226"/>
        <source>no hosts in %1; add one with trainbench hosts add NAME &quot;ssh -p PORT user@host&quot;</source>
        <extracomment>%1 is the hosts.json file</extracomment>
        <translation>%1 中没有主机；用 trainbench hosts add NAME &quot;ssh -p PORT user@host&quot; 添加一个</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no Host entries in %1</source>
        <extracomment>%1 is the ssh config file, such as ~/.ssh/config</extracomment>
        <translation>%1 中没有 Host 条目</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>add one with: trainbench hosts add NAME --ssh-config ALIAS</source>
        <translation>添加方法：trainbench hosts add NAME --ssh-config ALIAS</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no keychain service runs here, so the password was not stored; give it again with --password-stdin when connecting</source>
        <translation>本机没有运行密钥环服务，因此密码未保存；连接时请用 --password-stdin 再次提供</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>password kept in the keychain</source>
        <translation>密码已保存到密钥环</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot use the ssh line: %1</source>
        <extracomment>%1 says what is wrong with the pasted ssh command line</extracomment>
        <translation>无法使用该 ssh 命令行：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--price needs a number, got &apos;%1&apos;</source>
        <translation>--price 需要一个数字，实际为“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hosts add needs NAME and &quot;SSH-LINE&quot;</source>
        <translation>hosts add 需要 NAME 和 &quot;SSH-LINE&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hosts add NAME --ssh-config ALIAS takes no ssh line</source>
        <translation>hosts add NAME --ssh-config ALIAS 不接受 ssh 命令行</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>added %1 (%2)</source>
        <extracomment>%1 is the host&apos;s name, %2 its address user@host:port</extracomment>
        <translation>已添加 %1（%2）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>if the fingerprint is right: trainbench hosts probe %1 --accept-key %2</source>
        <extracomment>%1 is the host&apos;s name, %2 the key&apos;s fingerprint SHA256:...</extracomment>
        <translation>如果指纹无误：trainbench hosts probe %1 --accept-key %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot keep the probed runs root and python in %1</source>
        <extracomment>%1 is the hosts.json file</extracomment>
        <translation>无法将探测到的运行根目录和 python 保存到 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>runs root: %1
python: %2</source>
        <translation>运行根目录：%1
python：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../app/cli/cli_runs.cpp" line="+99"/>
        <source>unexpected &apos;%1&apos;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>hosts %1 needs exactly one NAME</source>
        <extracomment>%1 is the action: probe, rm or forget-key</extracomment>
        <translation>hosts %1 需要恰好一个 NAME</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>forgot %1 key line(s) for %2 in %3; the next connection shows the new fingerprint and asks</source>
        <extracomment>%1 is a number of lines, %2 the host&apos;s address user@host:port, %3 the known_hosts file</extracomment>
        <translation>已从 %3 中删除 %2 的 %1 行主机密钥；下次连接时会显示新指纹并询问是否信任</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot remove %1 from %2</source>
        <extracomment>%1 is the host&apos;s name, %2 the hosts.json file</extracomment>
        <translation>无法从 %2 中删除 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unknown hosts action &apos;%1&apos;</source>
        <translation>未知的 hosts 操作“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_import.cpp" line="+13"/>
        <source>needs LOGDIR</source>
        <translation>需要 LOGDIR</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1  %2 records  from %3</source>
        <extracomment>%1 is the new run&apos;s id (keep it first: scripts read it), %2 a number of metric records, %3 the TensorBoard folder they came from</extracomment>
        <translation>%1  %2 条记录  来自 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing imported into %1</source>
        <extracomment>%1 is the runs root folder</extracomment>
        <translation>没有向 %1 导入任何内容</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_main.cpp" line="+28"/>
        <source>&apos;%1&apos; is neither a command nor a config file</source>
        <translation>“%1”既不是命令，也不是配置文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_options.cpp" line="+14"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 needs a value</source>
        <extracomment>%1 is the option as typed, &quot;--host&quot;</extracomment>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>options:</source>
        <extracomment>the heading of the table of a command&apos;s options</extracomment>
        <translation>选项：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every command also takes --config-dir DIR: the folder of hosts.json.</source>
        <translation>每个命令都接受 --config-dir DIR：hosts.json 所在的文件夹。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 does not go with %2</source>
        <extracomment>%1 is an option&apos;s name without its dashes, %2 says where it does not belong (&quot;a local run (it needs --host NAME)&quot;)</extracomment>
        <translation>--%1 不能用于%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>`trainbench %1--help` shows every option.</source>
        <extracomment>%1 is the command&apos;s name and a space (&quot;run &quot;), or nothing for the window&apos;s options</extracomment>
        <translation>`trainbench %1--help` 显示所有选项。</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_prepare.cpp" line="+21"/>
        <source>%1 port %2</source>
        <extracomment>%1 is user@host or host, %2 the SSH port</extracomment>
        <translation>%1 端口 %2</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>cannot keep the trainer&apos;s path in %1</source>
        <extracomment>%1 is the hosts.json file</extracomment>
        <translation>无法将训练程序的路径保存到 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>needs one host NAME</source>
        <translation>需要一个主机 NAME</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_remote_control.cpp" line="-2"/>
        <source>a run on a host (--host)</source>
        <extracomment>ends &quot;--OPTION does not go with %1&quot;</extracomment>
        <translation>主机上的运行（--host）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>killed run %1 on %2</source>
        <extracomment>%1 is a run id, %2 the host&apos;s name</extracomment>
        <translation>已强制终止 %2 上的运行 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>asked run %1 on %2 to stop; it saves a checkpoint first (trainbench follow %1 --host %2 shows when)</source>
        <translation>已请求 %2 上的运行 %1 停止；它会先保存检查点（trainbench follow %1 --host %2 可查看何时停止）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_remote_run.cpp" line="-5"/>
        <source>--sync LOCAL needs --workdir DIR: the folder on the host it is mirrored to</source>
        <translation>--sync LOCAL 需要 --workdir DIR：即它在主机上同步到的文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>takes at most one CONFIG</source>
        <translation>最多接受一个 CONFIG</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>connected to %1 again; following goes on</source>
        <translation>已重新连接到 %1；继续跟踪</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>stopped following; run %1 goes on on %2</source>
        <extracomment>%1 is a run id, %2 the host&apos;s name</extracomment>
        <translation>已停止跟踪；运行 %1 在 %2 上继续进行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>run %1 %2 on %3</source>
        <extracomment>%1 is a run id, %2 its state as scripts read it (finished, failed, stopped, lost), %3 the host&apos;s name</extracomment>
        <translation>%3 上的运行 %1 状态为 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1 %2 on %3: %4</source>
        <extracomment>%1 is a run id, %2 its state as scripts read it (finished, failed, stopped, lost), %3 the host&apos;s name, %4 the run&apos;s last message</extracomment>
        <translation>%3 上的运行 %1 状态为 %2：%4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--runs-root does not go with --host: the run goes into the host&apos;s runs root</source>
        <translation>--runs-root 不能与 --host 同时使用：运行会放在主机的运行根目录中</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_sweep_setup.cpp" line="+13"/>
        <source>needs one SWEEP file</source>
        <translation>需要一个 SWEEP 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs a CONFIG and a SWEEP file</source>
        <translation>需要一个 CONFIG 和一个 SWEEP 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--slots (CPU) and --gpus do not go together</source>
        <translation>--slots（CPU）和 --gpus 不能同时使用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_remote_sweep.cpp" line="+86"/>
        <source>%1 trials over %2 slots (%3) on %4; Ctrl-C stops following, the sweep goes on there</source>
        <extracomment>%1 and %2 are numbers, %3 the slots (GPU indices or cpu), %4 the host&apos;s name</extracomment>
        <translation>%4 上 %1 个试验，%2 个槽位（%3）；按 Ctrl-C 停止跟踪，超参数搜索会在该主机上继续进行</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../app/cli/cli_sweep.cpp" line="+265"/>
        <source>needs one SWEEP id</source>
        <translation>需要一个 SWEEP ID</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../app/cli/cli_sweep.cpp" line="+20"/>
        <source>needs a SWEEP id and optionally a TRIAL number</source>
        <translation>需要一个 SWEEP ID，可另加一个 TRIAL 编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/cli/cli_sweep.cpp" line="+15"/>
        <source>TRIAL is a trial number from sweep-status</source>
        <translation>TRIAL 是 sweep-status 列出的试验编号</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../app/cli/cli_sweep.cpp" line="-6"/>
        <source>sweep %1: every trial is being cancelled</source>
        <extracomment>%1 is a sweep id</extracomment>
        <translation>超参数搜索 %1：正在取消所有试验</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/cli/cli_sweep.cpp" line="+13"/>
        <source>trial %1 of %2 will not run</source>
        <extracomment>%1 is a trial number, %2 a sweep id
----------
%1 is a trial number, %2 the sweep id</extracomment>
        <translation>%2 的试验 %1 将不会运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/cli/cli_sweep.cpp" line="+2"/>
        <source>trial %1 of %2 is being stopped</source>
        <extracomment>%1 is a trial number, %2 a sweep id
----------
%1 is a trial number, %2 the sweep id</extracomment>
        <translation>正在停止 %2 的试验 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../app/cli/cli_sweep.cpp" line="+11"/>
        <source>needs a SWEEP id and a SWEEP file</source>
        <translation>需要一个 SWEEP ID 和一个 SWEEP 文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 more trials queued in sweep %2 on %3:</source>
        <extracomment>%1 is a number, %2 a sweep id, %3 the host&apos;s name; the new run ids follow, one a line</extracomment>
        <translation>已向 %3 上的超参数搜索 %2 的队列中添加 %1 个试验：</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_runs.cpp" line="+14"/>
        <source>no runs in %1; start one with trainbench run CONFIG</source>
        <extracomment>%1 is the runs root folder</extracomment>
        <translation>%1 中没有运行；可用 trainbench run CONFIG 启动一个</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--notebook and --command cannot be combined</source>
        <translation>--notebook 和 --command 不能同时使用</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--command is empty</source>
        <translation>--command 为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a script run takes no CONFIG argument; use --config</source>
        <translation>脚本运行不接受 CONFIG 参数；请使用 --config</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>a local script run (it needs --host NAME)</source>
        <extracomment>completes &quot;--env does not go with %1&quot;</extracomment>
        <translation>本机的脚本运行（该选项需要 --host NAME）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_shutdown.cpp" line="+48"/>
        <source>--delay needs whole seconds, got &apos;%1&apos;</source>
        <translation>--delay 需要整数秒，实际为“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs RUN and --host NAME</source>
        <translation>需要 RUN 和 --host NAME</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>host &apos;%1&apos; has no runs root yet (`trainbench probe %1` sets it); give the run&apos;s directory instead</source>
        <translation>主机“%1”还没有运行根目录（`trainbench probe %1` 会设置它）；请改为给出该运行的目录</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the shutdown request</source>
        <extracomment>what got no answer, as in &quot;the shutdown request got no answer in 120 s&quot;</extracomment>
        <translation>关机请求</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>cost needs one host NAME</source>
        <translation>cost 需要一个主机 NAME</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the uptime command</source>
        <extracomment>what got no answer, as in &quot;the uptime command got no answer in 120 s&quot;</extracomment>
        <translation>uptime 命令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <extracomment>%1 is a host name, %2 what went wrong there</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: up %2, %3</source>
        <extracomment>%1 is a host name, %2 how long it has been up (3 h 20 min), %3 what that cost so far</extracomment>
        <translation>%1：已开机 %2，%3</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_sweep.cpp" line="-278"/>
        <source>--gpus takes GPU indices like 0,1,2, not &apos;%1&apos;</source>
        <translation>--gpus 需要 GPU 编号，如 0,1,2，而不是“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--gpus names no GPU</source>
        <translation>--gpus 没有指定任何 GPU</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--per-gpu takes 1 to 64</source>
        <translation>--per-gpu 的取值为 1 到 64</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--slots takes 1 to 256</source>
        <translation>--slots 的取值为 1 到 256</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>more than 256 slots</source>
        <translation>槽位超过 256 个</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>trial %1  %2  %3  %4 best %5 last %6</source>
        <extracomment>%1 is the trial number, %2 its state (finished, running...; padded to 9 characters, not translated), %3 its values (lr=0.1), %4 the metric, %5 and %6 the metric&apos;s best and last values</extracomment>
        <translation>试验 %1  %2  %3  %4 最佳 %5 最新 %6</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trial %1  %2  %3  %4 best %5 last %6  (stopped early: %7)</source>
        <extracomment>as &quot;trial %1 %2 %3 %4 best %5 last %6&quot;, and %7 why the trial was stopped early (stopped/N)</extracomment>
        <translation>试验 %1  %2  %3  %4 最佳 %5 最新 %6  （已提前停止：%7）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sweep %1: %2, %3 done, %4 running, %5 queued, %6 cancelled; ranked by %7 (%8)</source>
        <extracomment>%1 is the sweep id, %2 its state (starting, running, drained, cancelled, failed; not translated), %3-%6 numbers of trials, %7 the metric, %8 max or min (not translated)</extracomment>
        <translation>超参数搜索 %1：%2，%3 个已完成，%4 个运行中，%5 个排队中，%6 个已取消；按 %7（%8）排序</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>no sweep %1 in %2</source>
        <translation>%2 中没有超参数搜索 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 matches several sweeps; give more of the id</source>
        <extracomment>%1 is the beginning of a sweep id that a person typed</extracomment>
        <translation>%1 匹配多个超参数搜索；请给出更完整的 ID</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 trials over %2 slots (%3); Ctrl-C stops following, the sweep goes on</source>
        <extracomment>%1 is a number of trials, %2 a number of slots, %3 the slots (GPU indices such as 0 0 1 1, or cpu cpu)</extracomment>
        <translation>%1 个试验，%2 个槽位（%3）；按 Ctrl-C 停止跟踪，超参数搜索会继续进行</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 more trials queued in sweep %2:</source>
        <extracomment>%1 is a number of trials, %2 the sweep id; the run ids follow, one a line</extracomment>
        <translation>已向超参数搜索 %2 的队列新增 %1 个试验：</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_sync.cpp" line="+24"/>
        <source>this sync would send a lot:</source>
        <extracomment>the reasons follow, one an indented line</extracomment>
        <translation>此次同步要发送的内容很多：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send anyway? [y/N] </source>
        <extracomment>only y or Y (in Latin letters) sends: keep [y/N]</extracomment>
        <translation>仍要发送？[y/N] </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nothing was sent; leave such folders out with a .gitignore or .trainbenchignore, or add --yes to send anyway</source>
        <translation>未发送任何内容；请用 .gitignore 或 .trainbenchignore 排除这类文件夹，或加上 --yes 仍然发送</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>interrupted; the next sync sends what this one did not</source>
        <translation>已中断；下次同步会发送这次未发送的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>synced %1 to %2: %3</source>
        <extracomment>%1 is a local folder, %2 a folder on the host, %3 what was sent</extracomment>
        <translation>已将 %1 同步到 %2：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>needs NAME LOCAL REMOTE</source>
        <translation>需要 NAME LOCAL REMOTE</translation>
    </message>
    <message>
        <location filename="../app/cli/cli_transfer.cpp" line="+76"/>
        <source>--compression takes zstd, gzip or none</source>
        <translation>--compression 的取值为 zstd、gzip 或 none</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>needs NAME and two paths</source>
        <translation>需要 NAME 和两个路径</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>interrupted; a file transfer resumes from its .part when run again</source>
        <translation>已中断；再次运行时，文件传输会从其 .part 文件处恢复</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>uploaded %1 file, %2 in %3 s (%4/s, %5)</source>
        <extracomment>%1 is 1, %2 a size, %3 seconds, %4 a speed, %5 the method (sftp, tar)</extracomment>
        <translation>已上传 %1 个文件，%2，用时 %3 秒（%4/s，%5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uploaded %1 files, %2 in %3 s (%4/s, %5)</source>
        <translation>已上传 %1 个文件，%2，用时 %3 秒（%4/s，%5）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>downloaded %1 file, %2 in %3 s (%4/s, %5)</source>
        <extracomment>%1 is 1, %2 a size, %3 seconds, %4 a speed, %5 the method (sftp, tar)</extracomment>
        <translation>已下载 %1 个文件，%2，用时 %3 秒（%4/s，%5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>downloaded %1 files, %2 in %3 s (%4/s, %5)</source>
        <translation>已下载 %1 个文件，%2，用时 %3 秒（%4/s，%5）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, resumed after %2</source>
        <extracomment>%1 is the sentence that says what was sent, %2 the size sent before</extracomment>
        <translation>%1，从 %2 处恢复</translation>
    </message>
    <message>
        <location filename="../app/cli/run_follower.cpp" line="+99"/>
        <source>epoch %1  step %2  train/loss %3  val/acc %4</source>
        <extracomment>a run&apos;s progress: %1 the epoch, %2 the step, %3 the training loss, %4 the validation accuracy (train/loss and val/acc are metric names, not translated)</extracomment>
        <translation>轮次 %1  步数 %2  train/loss %3  val/acc %4</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>stopped following; run %1 goes on (trainbench stop %1 stops it)</source>
        <translation>已停止跟踪；运行 %1 仍在继续（trainbench stop %1 可停止它）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>run %1 %2</source>
        <extracomment>the end of a run: %1 is its id, %2 its state (finished, failed, stopped, lost; not translated)</extracomment>
        <translation>运行 %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1 %2: %3</source>
        <extracomment>the end of a run: %1 is its id, %2 its state (finished, failed, stopped, lost; not translated), %3 the run&apos;s own message</extracomment>
        <translation>运行 %1 %2：%3</translation>
    </message>
</context>
<context>
    <name>CodeFiles</name>
    <message>
        <location filename="../remote/sync/code_listing.cpp" line="+39"/>
        <source>cannot list %1: git is not installed (sudo apt install git)</source>
        <translation>无法列出 %1 中的文件：未安装 git（sudo apt install git）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot list %1: git %2 failed: %3</source>
        <extracomment>%2 is the git command (ls-files, rev-parse, ...), %3 what git printed</extracomment>
        <translation>无法列出 %1 中的文件：git %2 失败：%3</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot list %1: git could not make a scratch repository</source>
        <translation>无法列出 %1 中的文件：git 无法创建临时仓库</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read %1/%2</source>
        <translation>无法读取 %1/%2</translation>
    </message>
</context>
<context>
    <name>ConfigCheck</name>
    <message>
        <location filename="../core/config/config_text.h" line="+9"/>
        <source>greater than %1</source>
        <translation>大于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>greater than %1 and at most %2</source>
        <translation>大于 %1 且不超过 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>between %1 and %2</source>
        <translation>介于 %1 和 %2 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be auto, cpu, cuda or cuda:N (N = GPU index), got %1</source>
        <translation>必须为 auto、cpu、cuda 或 cuda:N（N 为 GPU 编号），实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a list of integers like %1, got %2</source>
        <translation>必须为整数列表，例如 %1，实际为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must have %1 elements, got %2</source>
        <translation>必须有 %1 个元素，实际为 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has element %1; each must be %2</source>
        <translation>含有元素 %1；每个元素必须为%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be an integer, got %1</source>
        <translation>必须为整数，实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a number, got %1</source>
        <translation>必须为数字，实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be true or false, got %1</source>
        <translation>必须为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be one of %1; got %2</source>
        <translation>必须是 %1 之一；实际为 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be %1, got %2</source>
        <translation>必须为%1，实际为 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has an unknown type</source>
        <translation>类型未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list of integers like %1</source>
        <translation>整数列表，例如 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of %1</source>
        <translation>%1 之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value</source>
        <translation>一个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a single value</source>
        <translation>单个值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be %1; element %2 is %3</source>
        <translation>必须为%1；第 %2 个元素是 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has no value; expected %1</source>
        <translation>没有值；应为%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a config must be a mapping of keys such as &apos;name: demo&apos;, got %1</source>
        <translation>配置必须是由键组成的映射，例如 &apos;name: demo&apos;，实际为 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keys must be plain names, got %1</source>
        <translation>键必须是普通名称，实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate key &apos;%1&apos; (first given on line %2)</source>
        <translation>重复的键“%1”（首次出现在第 %2 行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version must be 1, the only config schema version this Trainbench reads</source>
        <translation>version 必须为 1，这是此版本 Trainbench 唯一能读取的配置模式版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version must be 1, the only config schema version</source>
        <translation>version 必须为 1，这是唯一的配置模式版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is a section, not a value; write its keys indented below it, e.g. &apos;%2&apos;</source>
        <translation>“%1”是一个分组，不是值；请在它下面缩进写出其中的键，例如“%2”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is a section; set one of its keys, such as %1.kind=...</source>
        <translation>“%1”是一个分组；请设置其中的某个键，例如 %1.kind=...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown key &apos;%1&apos;</source>
        <translation>未知的键“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown key &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <translation>未知的键“%1”；您是想写“%2”吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1… (%2 characters)</source>
        <translation>%1…（共 %2 个字符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and %1 more unknown key (not listed)</source>
        <translation>另有 %1 个未知的键（未列出）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and %1 more unknown keys (not listed)</source>
        <translation>另有 %1 个未知的键（未列出）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>point it at the folder holding the MNIST files</source>
        <translation>请将它指向存放 MNIST 文件的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>point it at the folder holding the CIFAR-10 binary files</source>
        <translation>请将它指向存放 CIFAR-10 二进制文件的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>point it at the CSV file</source>
        <translation>请将它指向 CSV 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data.path is required when data.kind is %1; %2</source>
        <translation>data.kind 为 %1 时必须设置 data.path；%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data.path &apos;%1&apos; does not exist; %2</source>
        <translation>data.path“%1”不存在；%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data.path &apos;%1&apos; is a folder; %2</source>
        <translation>data.path“%1”是一个文件夹；%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data.path &apos;%1&apos; is not a folder; %2</source>
        <translation>data.path“%1”不是文件夹；%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model.depth must be 6n+2 for a ResNet (such as 20, 32, 44, 56 or 110), got %1</source>
        <translation>ResNet 的 model.depth 必须为 6n+2（例如 20、32、44、56 或 110），实际为 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the config file; check that it exists and is readable</source>
        <translation>无法读取配置文件；请检查它是否存在且可读</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the config is %2 KiB, far past any training config (at most 1024 KiB are read); check that this is the config file and not data</source>
        <translation>%1：该配置有 %2 KiB，远超任何训练配置（最多读取 1024 KiB）；请确认这是配置文件而不是数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected key=value such as optim.lr=0.01, got &apos;%1&apos;</source>
        <translation>应为 key=value 形式，例如 optim.lr=0.01，实际为“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not key.path=value</source>
        <translation>“%1”不是 key.path=value 形式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot add &apos;%1&apos;: its section holds a value, not keys</source>
        <translation>无法添加“%1”：它所在的分组是一个值，而不是键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the new value for &apos;%1&apos; must fit on one line</source>
        <translation>“%1”的新值必须写在一行内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot edit: the YAML does not parse (line %1, column %2: %3)</source>
        <translation>无法编辑：YAML 无法解析（第 %1 行，第 %2 列：%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not a key path</source>
        <translation>“%1”不是键路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; was not written</source>
        <translation>“%1”未能写入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write &apos;%1&apos; for &apos;%2&apos; here; quote it</source>
        <translation>无法在此处为“%2”写入“%1”；请给它加上引号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>setting &apos;%1&apos; to &apos;%2&apos; would break the YAML (%3); quote the value</source>
        <translation>将“%1”设为“%2”会破坏 YAML（%3）；请给该值加上引号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <location filename="../ui/config/config_form.cpp" line="+30"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optim</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>ConfigSchema</name>
    <message>
        <location filename="../core/config/schema.cpp" line="+51"/>
        <source>Run name; becomes part of the run id.</source>
        <translation>运行名称；会成为运行 ID 的一部分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Random seed for weights, data order and dropout.</source>
        <translation>用于权重初始化、数据顺序和 dropout 的随机种子。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dataset: generated in memory, MNIST IDX, CIFAR-10 binary or a CSV table.</source>
        <translation>数据集：内存中生成、MNIST IDX、CIFAR-10 二进制或 CSV 表格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder holding the MNIST or CIFAR-10 files, or the CSV file.</source>
        <translation>存放 MNIST 或 CIFAR-10 文件的文件夹，或 CSV 文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV label column: its header name or 0-based index.</source>
        <translation>CSV 标签列：列名或从 0 开始的列号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV: the first row names the columns.</source>
        <translation>CSV：第一行是列名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of samples held out for validation.</source>
        <translation>留作验证集的样本比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Samples per training step.</source>
        <translation>每个训练步的样本数（batch size）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Background threads loading batches (0 = inline).</source>
        <translation>加载批次的后台线程数（0 = 在主线程加载）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synthetic: number of samples.</source>
        <translation>合成数据：样本数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synthetic: number of classes.</source>
        <translation>合成数据：类别数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synthetic: sample shape, e.g. [channels, height, width].</source>
        <translation>合成数据：样本形状，例如 [通道, 高, 宽]。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network architecture.</source>
        <translation>网络结构。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MLP: hidden layer widths.</source>
        <translation>MLP：各隐藏层的宽度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CNN: output channels of each convolution block.</source>
        <translation>CNN：每个卷积块的输出通道数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ResNet: number of layers, 6n+2 (20, 32, 44, 56).</source>
        <translation>ResNet：层数，6n+2（20、32、44、56）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropout probability before the classifier.</source>
        <translation>分类器之前的 dropout 概率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimizer.</source>
        <translation>优化器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peak learning rate.</source>
        <translation>峰值学习率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGD momentum (Adam: beta1).</source>
        <translation>SGD 动量（Adam：beta1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGD: use Nesterov momentum.</source>
        <translation>SGD：使用 Nesterov 动量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L2 penalty (AdamW: decoupled decay).</source>
        <translation>L2 惩罚（AdamW：解耦的权重衰减）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clip the gradient norm to this (0 = off).</source>
        <translation>将梯度范数裁剪到此值（0 = 关闭）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning-rate schedule after warmup.</source>
        <translation>预热之后的学习率调度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps of linear warmup from 0 to lr.</source>
        <translation>学习率从 0 线性预热到 lr 的步数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step schedule: epochs between decays.</source>
        <translation>Step 调度：两次衰减之间的 epoch 数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step schedule: lr multiplier at each decay.</source>
        <translation>Step 调度：每次衰减时学习率乘以的系数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes over the training set.</source>
        <translation>遍历训练集的轮数（epoch）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after this many steps (0 = no cap).</source>
        <translation>达到此步数后停止（0 = 不限）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps between training metric records.</source>
        <translation>两次训练指标记录之间的步数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs between validation passes.</source>
        <translation>两次验证之间的 epoch 数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs between checkpoints (0 = only at the end or on stop).</source>
        <translation>两次保存检查点之间的 epoch 数（0 = 只在结束或停止时保存）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newest checkpoints kept on disk.</source>
        <translation>磁盘上保留的最新检查点个数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto, cpu, cuda or cuda:N.</source>
        <translation>auto、cpu、cuda 或 cuda:N。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU threads for torch per process (0 = the machine&apos;s cores, shared by its processes).</source>
        <translation>每个进程中 torch 使用的 CPU 线程数（0 = 本机的核心数，由各进程共享）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Processes per machine, data-parallel through torch c10d: one per GPU, or CPU processes.</source>
        <translation>每台机器的进程数，通过 torch c10d 数据并行：每块 GPU 一个，或 CPU 进程。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Machines in one run (more than 1: started by torchrun or several hosts).</source>
        <translation>一次运行使用的机器数（大于 1：由 torchrun 或多台主机启动）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deterministic kernels, so a resumed run repeats bit for bit.</source>
        <translation>确定性算子，使恢复的运行逐位一致地重现。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also write TensorBoard event files, in a folder named after the run under this one (relative: to the run folder; empty: off). AutoDL&apos;s TensorBoard reads /root/tf-logs.</source>
        <translation>同时写入 TensorBoard 事件文件，放在此文件夹下以运行命名的子文件夹中（相对路径：相对于运行文件夹；留空：关闭）。AutoDL 的 TensorBoard 读取 /root/tf-logs。</translation>
    </message>
</context>
<context>
    <name>CostMeter</name>
    <message>
        <location filename="../remote/hosts/cost_meter.cpp" line="+30"/>
        <location line="+7"/>
        <source>no price set</source>
        <translation>未设置价格</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 so far, %2/h</source>
        <extracomment>%1 is the money spent, %2 the price per hour</extracomment>
        <translation>目前 %1，%2/小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2 at %3/h)</source>
        <extracomment>%1 is the cost, %2 the time (H:MM:SS), %3 the price per hour</extracomment>
        <translation>%1（%2，%3/小时）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 d %2</source>
        <extracomment>%1 is a number of days, %2 the rest as H:MM:SS</extracomment>
        <translation>%1 天 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot read the box&apos;s uptime from /proc/uptime (got &apos;%1&apos;); the cost meter needs a Linux box</source>
        <translation>无法从 /proc/uptime 读取主机的运行时长（读到“%1”）；费用计量需要 Linux 主机</translation>
    </message>
</context>
<context>
    <name>DetachedStart</name>
    <message>
        <location filename="../core/runs/detached_start.cpp" line="+28"/>
        <source>could not start %1: %2</source>
        <extracomment>%1 is a program, %2 the system&apos;s reason (maybe after &quot;pipe: &quot; or &quot;fork: &quot;)</extracomment>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>nothing to start: the command is empty</source>
        <translation>没有可启动的内容：命令为空</translation>
    </message>
</context>
<context>
    <name>FolderSync</name>
    <message>
        <location filename="../remote/sync/folder_sync.cpp" line="+115"/>
        <source>%1 on %2 is a file; choose a folder to sync into</source>
        <translation>%2 上的 %1 是文件；请选择一个文件夹作为同步目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+158"/>
        <source>looking at %1</source>
        <extracomment>what failed, as in &quot;looking at ~/code on root@gpu-box port 22 failed (exit ...&quot;</extracomment>
        <translation>查看 %1</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>%1 ended its answer early (%2); nothing was changed in %3</source>
        <extracomment>%1 is the box (user@host port N), %2 what it printed, %3 the destination folder</extracomment>
        <translation>%1 的回复提前结束（%2）；%3 中没有任何改动</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 sent a manifest size that is not one (%2); nothing was changed in %3</source>
        <extracomment>%1 is the box, %2 the size it sent, %3 the destination folder</extracomment>
        <translation>%1 发来的清单大小无效（%2）；%3 中没有任何改动</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 gave an answer that is not a sync&apos;s; nothing was changed in %2</source>
        <extracomment>%1 is the box, %2 the destination folder</extracomment>
        <translation>%1 的回复不是同步的回复；%2 中没有任何改动</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1/%2/manifest on %3</source>
        <extracomment>%1 is the destination folder, %2 the sync&apos;s own folder in it, %3 the box</extracomment>
        <translation>%3 上的 %1/%2/manifest</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>sent 1 file (%1, %2 on the wire), removed %3, %4 unchanged</source>
        <extracomment>%1 and %2 are the bytes sent and those on the wire (compressed), %3 and %4 counts of files</extracomment>
        <translation>已上传 1 个文件（%1，实际传输 %2），删除 %3 个，%4 个未变</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sent %1 files (%2, %3 on the wire), removed %4, %5 unchanged</source>
        <extracomment>%1 is a count of files, %2 and %3 the bytes sent and those on the wire (compressed), %4 and %5 counts of files</extracomment>
        <translation>已上传 %1 个文件（%2，实际传输 %3），删除 %4 个，%5 个未变</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>name a folder to sync %1 into on %2, not %3</source>
        <translation>请指定 %2 上用于同步 %1 的文件夹，而不是 %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>listing</source>
        <extracomment>a sync&apos;s step, shown beside its progress</extracomment>
        <translation>列出文件中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hashing</source>
        <extracomment>a sync&apos;s step, shown beside its progress</extracomment>
        <translation>计算哈希中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>checking</source>
        <extracomment>a sync&apos;s step, shown beside its progress</extracomment>
        <translation>检查中</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>sending</source>
        <extracomment>a sync&apos;s step, shown beside its progress</extracomment>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>syncing into %1</source>
        <extracomment>what failed, as in &quot;syncing into ~/code on root@gpu-box port 22 failed (exit ...&quot;</extracomment>
        <translation>同步到 %1</translation>
    </message>
</context>
<context>
    <name>GpuUtilHint</name>
    <message>
        <location filename="../core/gpu/gpu_util_hint.cpp" line="+93"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 busy only %2 over the last minute while %3 trains: data loading is probably the bottleneck. Raise data.workers (num_workers in your own script), keep the data on the box&apos;s local disk, or raise data.batch_size if GPU memory allows.</source>
        <translation>%3 训练期间，%1 在过去一分钟的利用率只有 %2：瓶颈很可能在数据加载。请调大 data.workers（自己的脚本中为 num_workers），把数据放在实例的本地盘上，或在显存允许时调大 data.batch_size。</translation>
    </message>
</context>
<context>
    <name>HostProbe</name>
    <message>
        <location filename="../remote/hosts/host_probe.cpp" line="+85"/>
        <source>Probe failed: %1</source>
        <translation>探测失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Probe stopped before its end (exit status %1): %2 Check that the host has a POSIX sh.</source>
        <extracomment>%2 is what the probe script printed on stderr</extracomment>
        <translation>探测未执行完就停止了（退出状态 %1）：%2 请检查主机上是否有 POSIX sh。</translation>
    </message>
    <message>
        <location filename="../remote/hosts/host_probe_session.cpp" line="+42"/>
        <source>Probe of %1 gave no answer within %2 s; the host or its network is too slow, try again.</source>
        <translation>探测 %1 在 %2 秒内没有回应；主机或其网络太慢，请重试。</translation>
    </message>
</context>
<context>
    <name>HostReport</name>
    <message>
        <location filename="../remote/hosts/host_probe_report.cpp" line="+20"/>
        <source>%1 %2 is nearly full: %3 free of %4 (%5). Free space there before uploading data or saving checkpoints.</source>
        <translation>%1 %2 快满了：%4 中只剩 %3（%5）。上传数据或保存检查点之前请先清理空间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 is running out of inodes: %3 of %4 free (%5). A dataset of many small files will not fit; pack it into an archive or delete files there.</source>
        <translation>%1 %2 的 inode 快用完了：%4 个中剩 %3 个（%5）。大量小文件组成的数据集放不下；请打包成压缩包，或删除那里的文件。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No GPU visible: nvidia-smi is not installed or lists no GPU. Training here would run on the CPU.</source>
        <translation>看不到 GPU：nvidia-smi 未安装或没有列出 GPU。在这里训练会使用 CPU。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No GPU visible: nvidia-smi says &quot;%1&quot;. Training here would run on the CPU.</source>
        <translation>看不到 GPU：nvidia-smi 报告“%1”。在这里训练会使用 CPU。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data disk</source>
        <translation>数据盘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System disk</source>
        <translation>系统盘</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>torch %1 at %2 is built without CUDA, but this host has %3 GPU(s): install a CUDA build of torch.</source>
        <translation>%2 中的 torch %1 不带 CUDA，但这台主机有 %3 块 GPU：请安装带 CUDA 的 torch。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>torch %1 at %2 (CUDA %3) cannot use the GPUs; the driver %4 supports CUDA %5 at most.</source>
        <translation>%2 中的 torch %1（CUDA %3）无法使用 GPU；驱动 %4 最高只支持 CUDA %5。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 did not answer in time; its torch is unknown.</source>
        <translation>%1 没有及时回应；无法得知其 torch 版本。</translation>
    </message>
    <message>
        <location filename="../remote/hosts/host_probe_text.cpp" line="+14"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1  (driver %2, CUDA %3)</source>
        <extracomment>%1 lists the GPUs, %2 is the driver version, %3 the CUDA version</extracomment>
        <translation>%1  （驱动 %2，CUDA %3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2) %3 free of %4, %5 inodes free</source>
        <extracomment>%1 is the mount point, %2 its role (system or data), %3 and %4 sizes, %5 a count</extracomment>
        <translation>%1（%2）%4 中可用 %3，可用 inode %5 个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2) %3 free of %4</source>
        <extracomment>%1 is the mount point, %2 its role (system or data), %3 and %4 sizes</extracomment>
        <translation>%1（%2）%4 中可用 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, did not answer in time</source>
        <extracomment>%1 is a Python&apos;s path and version</extracomment>
        <translation>%1，未及时响应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, no torch</source>
        <extracomment>%1 is a Python&apos;s path and version</extracomment>
        <translation>%1，未安装 torch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, torch %2 (CPU only)</source>
        <extracomment>%1 is a Python&apos;s path and version, %2 the torch version</extracomment>
        <translation>%1，torch %2（仅 CPU）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, torch %2 (CUDA %3, available)</source>
        <extracomment>%1 is a Python&apos;s path and version, %2 the torch version, %3 its CUDA version</extracomment>
        <translation>%1，torch %2（CUDA %3，可用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, torch %2 (CUDA %3, NOT available)</source>
        <extracomment>%1 is a Python&apos;s path and version, %2 the torch version, %3 its CUDA version</extracomment>
        <translation>%1，torch %2（CUDA %3，不可用）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>OS</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 available)</source>
        <extracomment>%1 is the total memory, %2 what is free of it</extracomment>
        <translation>%1（可用 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RAM</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1  (missing: %2)</source>
        <extracomment>%1 lists the tools found, %2 those missing</extracomment>
        <translation>%1  （缺少：%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>JumpHost</name>
    <message>
        <location filename="../remote/ssh/ssh_jump_tunnel.cpp" line="+45"/>
        <source>the jump &apos;%1&apos; has several hops; Trainbench goes through one jump host</source>
        <translation>跳板“%1”包含多跳；Trainbench 只支持经过一台跳板机</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the jump host &apos;%1&apos;; write it as user@host:port</source>
        <translation>无法解析跳板机“%1”；请写成 user@host:port</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the jump host &apos;%1&apos; has no valid port</source>
        <translation>跳板机“%1”的端口无效</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the jump host did not open a way to %1 port %2: %3 (is TCP forwarding allowed there?)</source>
        <extracomment>%1 is the target host, %2 its port, %3 libssh&apos;s message</extracomment>
        <translation>跳板机没有打开到 %1 端口 %2 的通道：%3（跳板机是否允许 TCP 转发？）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create a socket pair for the jump host</source>
        <translation>无法为跳板机创建套接字对</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <location filename="../remote/ssh/known_hosts_file.cpp" line="+62"/>
        <source>cannot read %1: %2</source>
        <extracomment>%1 is the known_hosts file, %2 the system&apos;s reason</extracomment>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot rewrite %1: %2</source>
        <extracomment>%1 is the known_hosts file, %2 the system&apos;s reason</extracomment>
        <translation>无法重写 %1：%2</translation>
    </message>
</context>
<context>
    <name>LaunchConfig</name>
    <message>
        <location filename="../core/runs/launch_config.cpp" line="+36"/>
        <source>the config is not valid; fix these and launch again:</source>
        <translation>配置无效，请修正以下问题后重新启动：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot resume: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot read config %1: %2</source>
        <translation>无法读取配置 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no config to launch: give a config file or config text</source>
        <translation>没有可启动的配置：请提供配置文件或配置文本</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>cannot create the runs folder %1; check its permissions</source>
        <translation>无法创建运行文件夹 %1，请检查其权限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot create run folder %1: %2</source>
        <translation>无法创建运行文件夹 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>too many runs named %1 in this second; try again</source>
        <translation>这一秒内名为 %1 的运行太多，请重试</translation>
    </message>
</context>
<context>
    <name>LocalRuns</name>
    <message>
        <location filename="../core/runs/local_backend.cpp" line="+62"/>
        <source>%1 has no checkpoint yet (no checkpoints/latest.json); pick a run that saved one</source>
        <translation>%1 还没有检查点（没有 checkpoints/latest.json），请选择已保存过检查点的运行</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>checkpoint %1 does not exist; choose one from the run&apos;s checkpoint list</source>
        <translation>检查点 %1 不存在，请从该运行的检查点列表中选择</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not prepare run %1: %2</source>
        <translation>无法准备运行 %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is missing; build the project (cmake --build build) so that it sits next to the trainbench binary</source>
        <translation>缺少 %1，请构建项目（cmake --build build），使其位于 trainbench 可执行文件旁边</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>parent run %1 is not in %2</source>
        <translation>父运行 %1 不在 %2 中</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the working directory %1 does not exist; create it or choose another</source>
        <translation>工作目录 %1 不存在，请创建它或另选一个</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>could not queue run %1: %2</source>
        <translation>无法将运行 %1 加入队列：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>run %1 did not start: %2</source>
        <translation>运行 %1 未能启动：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no run %1 in %2</source>
        <translation>%2 中没有运行 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1 has already ended (%2)</source>
        <extracomment>%2 is the run&apos;s final state as the run folder spells it (finished, failed, ...)</extracomment>
        <translation>运行 %1 已经结束（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>status.json of run %1 (%2) names a process id no process can have; nothing was signalled. Stop the run&apos;s process by hand (ps, kill) if it still runs</source>
        <translation>运行 %1（%2）的 status.json 中记录的进程 ID 不可能属于任何进程，未发送任何信号。如果该运行的进程仍在运行，请手动停止它（ps、kill）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>run %1 has not started a process yet; try again in a moment</source>
        <translation>运行 %1 尚未启动进程，请稍后重试</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the process of run %1 is gone; it ended or was lost</source>
        <translation>运行 %1 的进程已不存在：它已结束或已丢失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not signal run %1 (process %2): %3</source>
        <extracomment>%2 is a process id, %3 the system&apos;s reason</extracomment>
        <translation>无法向运行 %1（进程 %2）发送信号：%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>NotebookLaunch</name>
    <message>
        <location filename="../core/runs/notebook_launch.cpp" line="+37"/>
        <source>cannot read the notebook %1: %2</source>
        <translation>无法读取笔记本 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is over 256 MB; is it a notebook?</source>
        <translation>%1 超过 256 MB，它真的是笔记本吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a notebook: its JSON is broken at byte %2 (%3)</source>
        <extracomment>%2 is a byte offset, %3 the JSON parser&apos;s reason</extracomment>
        <translation>%1 不是笔记本：其 JSON 在第 %2 字节处损坏（%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a Jupyter notebook in format 4 (no &quot;cells&quot; list); save it again from Jupyter or Colab</source>
        <translation>%1 不是格式 4 的 Jupyter 笔记本（没有 &quot;cells&quot; 列表），请在 Jupyter 或 Colab 中重新保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has no code cells to run</source>
        <translation>%1 中没有可运行的代码单元</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1&apos;s cells are %2 KiB without their outputs, over the %3 KiB a launch carries; send it with `trainbench upload` and run it with --command &apos;python3 -m trainbench_notebook FILE&apos;</source>
        <extracomment>%1 is the notebook file, %2 and %3 sizes in KiB</extracomment>
        <translation>%1 的单元格在去掉输出后仍有 %2 KiB，超过一次启动可携带的 %3 KiB；请用 `trainbench upload` 上传，再用 --command &apos;python3 -m trainbench_notebook FILE&apos; 运行</translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <location filename="../remote/ssh/password_vault.cpp" line="+70"/>
        <source>The keychain did not store the password of %1 (%2); it is kept only until Trainbench quits.</source>
        <translation>钥匙串没有保存 %1 的密码（%2）；密码只保留到 Trainbench 退出为止。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The keychain kept the password of %1: %2</source>
        <translation>钥匙串仍保留着 %1 的密码：%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/hosts/host_key_dialogs.cpp" line="+29"/>
        <source>Compare with the fingerprint your provider shows</source>
        <translation>请与云服务商显示的指纹进行比对</translation>
    </message>
    <message>
        <location filename="../ui/hosts/host_report_panel.cpp" line="+29"/>
        <source>, no inode limit</source>
        <translation>，无 inode 限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %L1 of %L2 inodes free</source>
        <translation>，%L2 个 inode 中 %L1 个可用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>did not answer in time</source>
        <translation>未及时响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no torch</source>
        <translation>未安装 torch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>torch %1, CPU only</source>
        <translation>torch %1，仅 CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>torch %1, CUDA %2 %3</source>
        <translation>torch %1，CUDA %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(available)</source>
        <translation>（可用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(NOT available)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <location filename="../ui/hosts/transfer_dialog.cpp" line="+20"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../ui/main/script_run_dialog.cpp" line="+41"/>
        <source>no number: %1</source>
        <translation>不是数字：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no match: this line gives no metrics</source>
        <translation>不匹配：此行不产生指标</translation>
    </message>
    <message>
        <location filename="../ui/main/shutdown_ui.cpp" line="+31"/>
        <source>Shut down %1</source>
        <translation>将 %1 关机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When %1 ends (any final state), %2 counts %3 down and then runs `%4`.</source>
        <translation>%1 结束后（无论以何种状态结束），%2 将倒计时 %3，然后执行 `%4`。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other runs on the host stop with it. You can cancel from here until then, or on the box with `touch RUN_DIR/shutdown.cancel`.</source>
        <translation>该主机上的其他运行也会随之停止。在此之前，你可以在这里取消，或在主机上执行 `touch RUN_DIR/shutdown.cancel` 取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Arm shutdown</source>
        <translation>启用关机(&amp;A)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel shutdown</source>
        <translation>取消关机</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shut down host when this run ends…</source>
        <translation>此运行结束时关闭主机…</translation>
    </message>
</context>
<context>
    <name>RemoteFrames</name>
    <message>
        <location filename="../remote/runs/remote_run_frames.cpp" line="+24"/>
        <source>remote output ends inside a header at byte %1</source>
        <translation>远程输出在第 %1 字节处的帧头中途结束</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>remote output has a bad header at byte %1</source>
        <translation>远程输出在第 %1 字节处的帧头有误</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>remote output for %1 is not %2 bytes long (a file changed while read?)</source>
        <extracomment>%1 is the name of what the box sent (status, metrics, ...), %2 its announced length</extracomment>
        <translation>%1 的远程输出长度不是 %2 字节（读取时文件被修改了？）</translation>
    </message>
</context>
<context>
    <name>RemoteRunScan</name>
    <message>
        <location filename="../remote/runs/remote_run_scan.cpp" line="+41"/>
        <source>process %1 on %2 ended without recording an exit status: it was killed (out of memory, kill -9) or the box restarted; resume it from its latest checkpoint</source>
        <extracomment>%1 is a process id, %2 a host&apos;s name</extracomment>
        <translation>%2 上的进程 %1 结束时没有记录退出状态：它被终止了（内存不足、kill -9）或主机已重启；请从最新的检查点恢复</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>scanning runs on %1: %2</source>
        <translation>扫描 %1 上的运行时出错：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>scanning runs on %1: %2 before any run</source>
        <extracomment>%2 is a word of the box&apos;s answer (status, tail, ...)</extracomment>
        <translation>扫描 %1 上的运行时出错：%2 出现在所有运行之前</translation>
    </message>
</context>
<context>
    <name>RemoteSweep</name>
    <message>
        <location filename="../remote/runs/remote_sweep.cpp" line="+38"/>
        <source>&apos;%1&apos; is not a sweep id</source>
        <translation>“%1”不是超参数搜索的 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no sweep %1 on %2</source>
        <translation>%2 上没有超参数搜索 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read sweep %1 on %2: %3</source>
        <translation>无法读取 %2 上的超参数搜索 %1：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>trial %1: %2</source>
        <extracomment>%1 is the trial&apos;s number, %2 why it could not be queued</extracomment>
        <translation>试验 %1：%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the sweep&apos;s scheduler did not start on %1: %2</source>
        <translation>超参数搜索的调度器没有在 %1 上启动：%2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>cannot read %1 or tb-sweep-stop.sh beside it; build the project so that both sit next to the binaries</source>
        <translation>无法读取 %1 或它旁边的 tb-sweep-stop.sh；请先构建项目，让两者都位于程序文件旁边</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot start a sweep on %1: %2</source>
        <translation>无法在 %1 上启动超参数搜索：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create a sweep folder in %1 on %2: %3; check the runs root and its free space</source>
        <translation>无法在 %2 的 %1 中创建超参数搜索文件夹：%3；请检查运行根目录及其剩余空间</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unreadable sweep from %1: %2</source>
        <translation>来自 %1 的超参数搜索无法读取：%2</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>the trials are queued but sweep.json or the scheduler failed on %1: %2</source>
        <translation>试验已加入队列，但 %1 上的 sweep.json 或调度器出错：%2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>sweep %1 on %2 has no folder the box could name</source>
        <translation>%2 上的超参数搜索 %1 没有主机能给出的文件夹</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no trial %1</source>
        <translation>没有试验 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot cancel on %1: %2</source>
        <translation>无法在 %1 上取消：%2</translation>
    </message>
</context>
<context>
    <name>RunNotify</name>
    <message>
        <location filename="../core/services/run_notify_policy.cpp" line="+99"/>
        <source>Run finished</source>
        <translation>运行已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 finished.</source>
        <translation>%1 已完成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed. Its output.log says why.</source>
        <translation>%1 失败了。原因见其 output.log。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run lost</source>
        <translation>运行丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 stopped reporting and its process is gone.</source>
        <translation>%1 不再汇报，其进程已不存在。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sweep finished</source>
        <translation>超参数搜索已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep %1: %2 of %3 trials finished.</source>
        <translation>超参数搜索 %1：%3 个试验中已完成 %2 个。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a number</source>
        <translation>%1 不是数值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 became %3.</source>
        <extracomment>%1 is a run, %2 a metric key, %3 &quot;NaN&quot; or &quot;infinite&quot;</extracomment>
        <translation>%1：%2 变成了 %3。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>its process still reports (heartbeat %1 s ago): it may hang in data loading, a deadlock or a slow evaluation.</source>
        <translation>其进程仍在汇报（心跳在 %1 秒前）：可能卡在数据加载、死锁或缓慢的评估中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>and no heartbeat either: the process may hang or be paused.</source>
        <translation>而且也没有心跳：进程可能卡住或被暂停了。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 wrote no metrics for %2 min; %3</source>
        <extracomment>%1 is a run, %2 minutes, %3 one of the two reasons (&quot;its process still reports ...&quot;)</extracomment>
        <translation>%1 已有 %2 分钟没有写入指标；%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run stalled</source>
        <translation>运行停滞</translation>
    </message>
</context>
<context>
    <name>RunReader</name>
    <message>
        <location filename="../core/runs/run_reader.cpp" line="+171"/>
        <source>commit %1</source>
        <translation>提交 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commit %1 (uncommitted changes)</source>
        <translation>提交 %1（有未提交的更改）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 files, manifest %2</source>
        <extracomment>%1 is a number of files, %2 a short hash of their list</extracomment>
        <translation>%1 个文件，清单 %2</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>process %1 ended without recording an exit status: it was killed (out of memory, kill -9) or the machine restarted; resume it from its latest checkpoint</source>
        <translation>进程 %1 结束时没有记录退出状态：它被杀掉了（内存不足、kill -9）或机器重启了；请从其最新检查点恢复</translation>
    </message>
</context>
<context>
    <name>SavedHosts</name>
    <message>
        <location filename="../remote/hosts/host_store.cpp" line="+134"/>
        <source>host name &apos;%1&apos; must be 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (starting with a letter or digit)</source>
        <translation>主机名“%1”必须由 1-64 个字母、数字、“.”、“_”或“-”组成（以字母或数字开头）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot read %1: %2</source>
        <extracomment>%1 is the hosts file, %2 the system&apos;s reason</extracomment>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a hosts file (%2 at offset %3); fix or delete it</source>
        <extracomment>%1 is the hosts file, %2 the JSON parser&apos;s message, %3 a byte offset</extracomment>
        <translation>%1 不是主机列表文件（偏移 %3 处：%2）；请修复或删除它</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot create the config folder %1</source>
        <translation>无法创建配置文件夹 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot write %1: %2</source>
        <extracomment>%1 is the hosts file, %2 the system&apos;s reason</extracomment>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>host &apos;%1&apos; has no address</source>
        <translation>主机“%1”没有地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a host named &apos;%1&apos; already exists; remove it first with trainbench hosts rm %1</source>
        <translation>已存在名为“%1”的主机；请先用 trainbench hosts rm %1 删除它</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+7"/>
        <source>no host named &apos;%1&apos;; `trainbench hosts` lists them</source>
        <translation>没有名为“%1”的主机；`trainbench hosts` 可列出所有主机</translation>
    </message>
</context>
<context>
    <name>ScriptCommand</name>
    <message>
        <location filename="../core/runs/script_command.cpp" line="+96"/>
        <source>the command uses {%1} (at character %2) inside $(…) or `…`, where the shell would run its value as code; set a variable outside first (V={%1}; … &quot;$(cmd &quot;$V&quot;)&quot;) or write {{%1}} for the literal text</source>
        <extracomment>%1 is a config key, %2 a position in the command line</extracomment>
        <translation>命令在 $(…) 或 `…` 中使用了 {%1}（第 %2 个字符），shell 会把它的值当作代码执行；请先在外面设置变量（V={%1}; … &quot;$(cmd &quot;$V&quot;)&quot;），或写成 {{%1}} 表示字面文本</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the command uses {%1} (at character %2), which is no config value: %3; fix the placeholder or write {{%1}} for the literal text</source>
        <extracomment>%1 is a config key, %2 a position in the command line, %3 why the key is unknown (maybe naming the closest key)</extracomment>
        <translation>命令使用了 {%1}（第 %2 个字符），但它不是配置项：%3；请修正占位符，或写成 {{%1}} 表示字面文本</translation>
    </message>
</context>
<context>
    <name>ScriptLaunch</name>
    <message>
        <location filename="../core/runs/script_launch.cpp" line="+69"/>
        <source>the script run has no command</source>
        <translation>脚本运行没有命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resuming or forking a script run is not supported; launch the command again (your script can read its own checkpoints from its run directory)</source>
        <translation>不支持恢复或分叉脚本运行；请重新启动该命令（你的脚本可以从其运行目录读取自己的检查点）</translation>
    </message>
</context>
<context>
    <name>ShutdownCommands</name>
    <message>
        <location filename="../remote/runs/shutdown_commands.cpp" line="+90"/>
        <source>%1 is not a JSON object; arm the shutdown again</source>
        <translation>%1 不是 JSON 对象；请重新设置关机</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown state &apos;%1&apos; in %2; arm the shutdown again</source>
        <translation>%2 中的状态“%1”未知；请重新设置关机</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has a deadline that is not a time; arm the shutdown again</source>
        <translation>%1 中的截止时间不是有效时间；请重新设置关机</translation>
    </message>
    <message>
        <location line="+32"/>
        <source> (the watcher is not running on the box: arm again)</source>
        <extracomment>Put between the sentence and its &quot;; cancel with ...&quot; part, where the watcher is gone</extracomment>
        <translation>（主机上的监视程序未运行：请重新设置）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no shutdown armed for this run</source>
        <translation>此运行未设置关机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>`%1` %2 after the run ends%3; cancel with `trainbench shutdown-cancel` or `touch %4/shutdown.cancel` on the box</source>
        <extracomment>%1 is the shutdown command, %2 the delay (m:ss), %3 the note that the watcher is not running (or nothing), %4 the run&apos;s folder on the box</extracomment>
        <translation>运行结束 %2 后执行 `%1`%3；可用 `trainbench shutdown-cancel` 或在主机上执行 `touch %4/shutdown.cancel` 取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>`%1` in %2 (the run is %3)%4; cancel with `trainbench shutdown-cancel` or `touch %5/shutdown.cancel` on the box</source>
        <extracomment>%1 is the shutdown command, %2 the time left (m:ss), %3 the run&apos;s final state (finished, failed, ...), %4 the note that the watcher is not running (or nothing), %5 the run&apos;s folder on the box</extracomment>
        <translation>%2 后执行 `%1`（运行状态：%3）%4；可用 `trainbench shutdown-cancel` 或在主机上执行 `touch %5/shutdown.cancel` 取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>running `%1` now</source>
        <translation>正在执行 `%1`</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown cancelled</source>
        <translation>关机已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`%1` ran</source>
        <translation>`%1` 已执行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown failed: %1</source>
        <translation>关机失败：%1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the box answered the shutdown command with something unexpected: %1</source>
        <translation>主机对关机命令的回复出乎意料：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the box&apos;s clock answered &apos;%1&apos; to the shutdown command, which is not a time</source>
        <translation>主机时钟对关机命令回复了“%1”，这不是有效时间</translation>
    </message>
</context>
<context>
    <name>SlurmSettings</name>
    <message>
        <location filename="../remote/hosts/slurm_options.cpp" line="+30"/>
        <source>Slurm %1 is &apos;%2&apos;; use a whole number from %3 to %4</source>
        <extracomment>%1 is an option name (gpus, nodes, cpus), %2 its value, %3 and %4 the bounds</extracomment>
        <translation>Slurm %1 为“%2”；请使用 %3 到 %4 之间的整数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Slurm %1 &apos;%2&apos; is not a name Slurm takes: letters, digits, _ . + - only</source>
        <extracomment>%1 is partition or account, %2 its value</extracomment>
        <translation>Slurm %1“%2”不是 Slurm 接受的名称：只能包含字母、数字和 _ . + -</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slurm %1 &apos;%2&apos; is not a time limit; write minutes (90), HH:MM:SS (4:00:00) or D-HH:MM:SS (1-12:00:00)</source>
        <extracomment>%1 is the option name (time), %2 its value</extracomment>
        <translation>Slurm %1“%2”不是有效的时间限制；请写成分钟数（90）、HH:MM:SS（4:00:00）或 D-HH:MM:SS（1-12:00:00）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown Slurm option &apos;%1&apos;; use %2</source>
        <extracomment>%2 lists the option names</extracomment>
        <translation>未知的 Slurm 选项“%1”；可用选项：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Slurm option &apos;%1&apos; has no value; write key=value, e.g. partition=gpu,gpus=2</source>
        <translation>Slurm 选项“%1”没有值；请写成 key=value，例如 partition=gpu,gpus=2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>default partition</source>
        <translation>默认分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GPU(s) per node</source>
        <translation>每节点 %1 块 GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 CPU(s) per task</source>
        <translation>每任务 %1 个 CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 node(s)</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>time limit %1 min</source>
        <translation>时间限制 %1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time limit %1</source>
        <translation>时间限制 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account %1</source>
        <translation>账户 %1</translation>
    </message>
</context>
<context>
    <name>SlurmState</name>
    <message>
        <location filename="../remote/runs/slurm_state.cpp" line="+31"/>
        <source>the nodes it asks for are busy</source>
        <translation>所需节点正忙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jobs of higher priority go first</source>
        <translation>优先级更高的作业先运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the scheduler has not looked at it yet</source>
        <translation>调度器尚未处理它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slurm&apos;s reason: %1</source>
        <extracomment>%1 is Slurm&apos;s own word for why a job waits (QOSMaxJobsPerUserLimit, ...)</extracomment>
        <translation>Slurm 给出的原因：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Slurm job %1 could not be asked about (squeue failed)</source>
        <translation>无法查询 Slurm 作业 %1（squeue 失败）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting in the Slurm queue as job %1: %2</source>
        <extracomment>%1 is the job&apos;s number, %2 why it waits</extracomment>
        <translation>作为作业 %1 在 Slurm 队列中等待：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Slurm job %1 reached its time limit; resume it from its latest checkpoint (Resume, or `trainbench resume`), with a longer time limit if needed</source>
        <translation>Slurm 作业 %1 已达到时间限制；请从最新的检查点恢复（“恢复”或 `trainbench resume`），必要时设置更长的时间限制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slurm job %1 reached its deadline; resume it from its latest checkpoint (Resume, or `trainbench resume`), with a longer time limit if needed</source>
        <translation>Slurm 作业 %1 已到截止时间；请从最新的检查点恢复（“恢复”或 `trainbench resume`），必要时设置更长的时间限制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slurm job %1 was preempted by other jobs; resume it from its latest checkpoint (Resume, or `trainbench resume`), with a longer time limit if needed</source>
        <translation>Slurm 作业 %1 被其他作业抢占；请从最新的检查点恢复（“恢复”或 `trainbench resume`），必要时设置更长的时间限制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slurm job %1 is no longer known to Slurm and the run recorded no end; resume it from its latest checkpoint</source>
        <translation>Slurm 已查不到作业 %1，运行也没有记录结束；请从最新的检查点恢复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slurm job %1 was cancelled</source>
        <translation>Slurm 作业 %1 已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slurm job %1 ended %2</source>
        <extracomment>%2 is Slurm&apos;s name of the job&apos;s final state (FAILED, NODE_FAIL, OUT_OF_MEMORY, ...)</extracomment>
        <translation>Slurm 作业 %1 以 %2 结束</translation>
    </message>
</context>
<context>
    <name>SshCommandLine</name>
    <message>
        <location filename="../remote/ssh/ssh_command_line.cpp" line="+51"/>
        <source>no user name before &apos;@&apos; in &apos;%1&apos;</source>
        <translation>“%1”中“@”前没有用户名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not a port number in &apos;%1&apos;</source>
        <translation>“%1”中的端口号无效</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no host name in &apos;%1&apos;</source>
        <translation>“%1”中没有主机名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a host name: &apos;%1&apos;</source>
        <translation>不是有效的主机名：“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>-o needs Key=Value, got &apos;%1&apos;</source>
        <translation>-o 需要 Key=Value 形式，收到的是“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a port number in -o &apos;%1&apos;</source>
        <translation>-o “%1”中的端口号无效</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>option -o &apos;%1&apos; is not supported</source>
        <translation>不支持选项 -o “%1”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the line ends with a lone backslash</source>
        <translation>该行以单独的反斜杠结尾</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unterminated %1 quote</source>
        <extracomment>%1 is the quote character, &apos; or &quot;</extracomment>
        <translation>%1 引号未闭合</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>empty ssh command: expected e.g. ssh -p 2222 root@host</source>
        <translation>ssh 命令为空：应类似 ssh -p 2222 root@host</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unexpected &apos;%1&apos; after the host: a remote command is not supported here</source>
        <translation>主机之后出现了意外的“%1”：此处不支持远程命令</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>option &apos;%1&apos; needs a value</source>
        <translation>选项“%1”需要一个值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a port number after -p: &apos;%1&apos;</source>
        <translation>-p 后面不是有效的端口号：“%1”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>option &apos;%1&apos; is not understood (only -p, -i, -J, -l and -o are)</source>
        <translation>无法识别选项“%1”（只支持 -p、-i、-J、-l 和 -o）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no host in the ssh command: expected e.g. ssh -p 2222 root@host</source>
        <translation>ssh 命令中没有主机：应类似 ssh -p 2222 root@host</translation>
    </message>
</context>
<context>
    <name>SshConfigHosts</name>
    <message>
        <location filename="../remote/ssh/ssh_config_hosts.cpp" line="+192"/>
        <source>%1 has no `Host %2` block; `trainbench hosts add NAME --ssh-config ALIAS` takes one of: %3</source>
        <extracomment>%1 is the ssh config file, %2 the alias asked for, %3 lists the aliases there</extracomment>
        <translation>%1 中没有 `Host %2` 配置块；`trainbench hosts add NAME --ssh-config ALIAS` 可用的别名：%3</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 line %2: Port &apos;%3&apos; is not a port number (1-65535)</source>
        <extracomment>%1 is the ssh config file, %2 a line number, %3 the value written there</extracomment>
        <translation>%1 第 %2 行：Port“%3”不是有效的端口号（1-65535）</translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <location filename="../remote/ssh/ssh_session.cpp" line="+100"/>
        <source>the connection to %1 was closed</source>
        <translation>与 %1 的连接已关闭</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>libssh could not start</source>
        <translation>libssh 无法启动</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>cannot set up a connection to %1: %2</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>无法建立到 %1 的连接：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Jump host for %1: %2</source>
        <translation>%1 的跳板机：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot reach %1 through %2: %3</source>
        <translation>无法通过 %2 连接到 %1：%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 refused the connection: nothing listens on that port. Check the port (cloud consoles change it when an instance is re-created) and that the instance is running.</source>
        <translation>%1 拒绝了连接：该端口上没有服务在监听。请检查端口（实例重建后云控制台会更改端口），并确认实例正在运行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No answer from %1 within %2 s. The instance may be off, or a firewall drops the connection.</source>
        <translation>%1 在 %2 秒内没有回应。实例可能已关机，或防火墙丢弃了连接。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot reach %1 (%2). Check the host name and your network.</source>
        <translation>无法连接到 %1（%2）。请检查主机名和网络。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The host key of %1 has CHANGED (it is now %2). Either the instance was re-created (cloud providers reuse addresses and ports) or someone is intercepting the connection. Trainbench did not log in. If you know the instance was re-created, remove its line from known_hosts and connect again.</source>
        <extracomment>%1 is the host, %2 the new key&apos;s fingerprint</extracomment>
        <translation>%1 的主机密钥已更改（现在是 %2）。可能是实例已重建（云服务商会复用地址和端口），也可能有人在拦截连接。Trainbench 没有登录。如果确认实例已重建，请从 known_hosts 中删除它的那一行，然后重新连接。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The host key of %1 has CHANGED (it is now %2). Either the instance was re-created (cloud providers reuse addresses and ports) or someone is intercepting the connection. Trainbench did not log in. If you know the instance was re-created, run `trainbench hosts forget-key %3` and connect again.</source>
        <extracomment>%1 is the host, %2 the new key&apos;s fingerprint, %3 the host&apos;s name in Trainbench</extracomment>
        <translation>%1 的主机密钥已更改（现在是 %2）。可能是实例已重建（云服务商会复用地址和端口），也可能有人在拦截连接。Trainbench 没有登录。如果确认实例已重建，请运行 `trainbench hosts forget-key %3`，然后重新连接。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot record the host key of %1: %2</source>
        <translation>无法记录 %1 的主机密钥：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a known host; its key fingerprint is %2. Accept it only if it matches what the provider shows.</source>
        <extracomment>%1 is the host, %2 its key&apos;s fingerprint</extracomment>
        <translation>%1 不是已知主机；其密钥指纹为 %2。请仅在它与服务商显示的指纹一致时接受。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a known host; its key fingerprint is %2. Accept it only if it matches what the provider shows. (It differs from the fingerprint you accepted, %3.)</source>
        <extracomment>%1 is the host, %2 its key&apos;s fingerprint, %3 the fingerprint accepted before</extracomment>
        <translation>%1 不是已知主机；其密钥指纹为 %2。请仅在它与服务商显示的指纹一致时接受。（它与你之前接受的指纹 %3 不同。）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot check the host key of %1: %2</source>
        <translation>无法检查 %1 的主机密钥：%2</translation>
    </message>
    <message>
        <location filename="../remote/ssh/ssh_session_auth.cpp" line="+31"/>
        <location line="+117"/>
        <source>Login to %1 failed: %2</source>
        <translation>登录 %1 失败：%2</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>key %1</source>
        <extracomment>one of the login methods tried; %1 is a key file</extracomment>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>default keys</source>
        <extracomment>one of the login methods tried: the keys in ~/.ssh</extracomment>
        <translation>默认密钥</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+38"/>
        <source>password</source>
        <extracomment>a login method</extracomment>
        <translation>密码</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Wrong password for %1. Check it in the provider&apos;s console (AutoDL shows it next to the ssh command).</source>
        <translation>%1 的密码错误。请在服务商控制台中核对（AutoDL 在 ssh 登录指令旁显示密码）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key %1 for %2 is protected by a passphrase; enter it to log in.</source>
        <translation>%2 使用的密钥 %1 受口令保护；请输入口令以登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase for the key %1 is wrong, or the file is not a private key (logging in to %2).</source>
        <translation>密钥 %1 的口令错误，或该文件不是私钥（登录 %2 时）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>keys</source>
        <extracomment>a login method the server allows</extracomment>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nothing</source>
        <extracomment>no login method at all</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 did not accept any way to log in (tried: %2; the server allows: %3). Give a password or a key file the server knows.</source>
        <extracomment>%1 is the host, %2 the login methods tried, %3 those the server allows</extracomment>
        <translation>%1 不接受任何登录方式（已尝试：%2；服务器允许：%3）。请提供密码或服务器认可的密钥文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The key file %1 for %2 does not exist; check the path given with -i or --key.</source>
        <translation>%2 使用的密钥文件 %1 不存在；请检查 -i 或 --key 给出的路径。</translation>
    </message>
    <message>
        <location filename="../remote/ssh/ssh_session_keepalive.cpp" line="+25"/>
        <source>The connection to %1 was lost (%2).</source>
        <translation>与 %1 的连接已断开（%2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message>
        <location filename="../remote/ssh/ssh_exec.cpp" line="+41"/>
        <source>a command on %1 sent more than %2 MiB on %3, far more than any Trainbench command answers; it was stopped and its output dropped. Check what runs on that box.</source>
        <extracomment>%1 is the host, %2 a number of MiB, %3 the stream (stdout or stderr)</extracomment>
        <translation>%1 上的一条命令在 %3 上输出了超过 %2 MiB，远超任何 Trainbench 命令的应答量；该命令已被停止，输出已丢弃。请检查该主机上运行了什么。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../remote/ssh/ssh_session_stream.cpp" line="+38"/>
        <location filename="../remote/ssh/ssh_session_transfer.cpp" line="+21"/>
        <source>not connected to %1; connect first</source>
        <translation>未连接到 %1；请先连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../remote/ssh/ssh_session.cpp" line="-191"/>
        <location filename="../remote/ssh/ssh_session_auth.cpp" line="-91"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>reading command output on %1 failed: %2</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>读取 %1 上的命令输出失败：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>opening a channel on %1 failed: %2</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>在 %1 上打开通道失败：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>starting a command on %1 failed: %2</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>在 %1 上启动命令失败：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>reading errors on %1 failed: %2</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>读取 %1 上的错误输出失败：%2</translation>
    </message>
    <message>
        <location filename="../remote/ssh/ssh_session_stream.cpp" line="+11"/>
        <source>starting a stream on %1 failed: %2</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>在 %1 上启动数据流失败：%2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>the connection to %1 broke while following (%2)</source>
        <extracomment>%1 is the host, %2 libssh&apos;s message</extracomment>
        <translation>跟踪输出时与 %1 的连接中断（%2）</translation>
    </message>
</context>
<context>
    <name>SshTransfer</name>
    <message>
        <location filename="../remote/ssh/transfer_context.cpp" line="+27"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SweepSpec</name>
    <message>
        <location filename="../core/sweep/sweep_text.h" line="+13"/>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty mapping</source>
        <translation>空映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty list</source>
        <translation>空列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a metric name such as val/loss</source>
        <translation>指标名称，例如 val/loss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an integer from 1 to %1</source>
        <translation>1 到 %1 之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an integer of 0 or more</source>
        <translation>大于或等于 0 的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sweep file is empty; start with &apos;method: grid&apos;, a metric, a goal and the parameters to vary (see docs/SWEEPS.md)</source>
        <translation>超参数搜索文件为空；请先写出 &apos;method: grid&apos;、一个指标、一个目标以及要变化的参数（参见 docs/SWEEPS.md）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a sweep must be a mapping of keys such as &apos;method: grid&apos;, got %1</source>
        <translation>超参数搜索必须是由键组成的映射，例如 &apos;method: grid&apos;，实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is a parameter; put it under &apos;parameters:&apos; (or in a trial)</source>
        <translation>“%1”是一个参数；请把它放在 &apos;parameters:&apos; 下（或写在某个试验中）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown key &apos;%1&apos;; a sweep has %2</source>
        <translation>未知的键“%1”；超参数搜索的键有 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be %2, got %3</source>
        <translation>%1 必须为%2，实际为 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing &apos;method&apos;: write method: grid, random or list</source>
        <translation>缺少 &apos;method&apos;：请写 method: grid、random 或 list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown method &apos;%1&apos;; use grid (every combination), random (count draws) or list (the trials as written)</source>
        <translation>未知的方法“%1”；请使用 grid（每种组合各一次）、random（抽取 count 次）或 list（按所写的试验）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing &apos;metric&apos;: name the metric that ranks the trials, e.g. metric: val/loss</source>
        <translation>缺少 &apos;metric&apos;：请指定用来给试验排名的指标，例如 metric: val/loss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metric must be one metrics.jsonl key such as val/loss: no spaces, at most 200 characters</source>
        <translation>metric 必须是一个 metrics.jsonl 键，例如 val/loss：不能含空格，最多 200 个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is a record&apos;s position in metrics.jsonl, not a metric; name one such as val/loss</source>
        <translation>“%1”是记录在 metrics.jsonl 中的位置，而不是指标；请指定一个指标，例如 val/loss</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missing &apos;goal&apos;: write goal: min (lower is better, e.g. a loss) or goal: max (e.g. an accuracy)</source>
        <translation>缺少 &apos;goal&apos;：请写 goal: min（越低越好，例如损失）或 goal: max（例如准确率）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>goal must be min or max, got &apos;%1&apos;</source>
        <translation>goal 必须为 min 或 max，实际为“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is only for method random; a grid runs every combination once</source>
        <translation>%1 只用于 method random；网格会把每种组合各运行一次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is only for method random; method list runs the trials as listed</source>
        <translation>%1 只用于 method random；method list 按列出的试验运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing &apos;count&apos;: method random needs the number of trials to draw, e.g. count: 20</source>
        <translation>缺少 &apos;count&apos;：method random 需要指定要抽取的试验数，例如 count: 20</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>count must be an integer from 1 to %1, got &apos;%2&apos;</source>
        <translation>count 必须是 1 到 %1 之间的整数，实际为“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed must be an integer of 0 or more, got &apos;%1&apos;</source>
        <translation>seed 必须是大于或等于 0 的整数，实际为“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameters are for grid and random; with method list give each trial&apos;s values under trials:</source>
        <translation>parameters 用于 grid 和 random；使用 method list 时，请在 trials: 下给出每个试验的值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing &apos;trials&apos;: method list runs the trials listed, e.g. trials: [{optim.lr: 0.1}, {optim.lr: 0.01}]</source>
        <translation>缺少 &apos;trials&apos;：method list 运行列出的试验，例如 trials: [{optim.lr: 0.1}, {optim.lr: 0.01}]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trials are for method list; method %1 makes its trials from parameters</source>
        <translation>trials 用于 method list；method %1 由 parameters 生成试验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing &apos;parameters&apos;: name the keys to vary, e.g. parameters: {optim.lr: [0.1, 0.01]}</source>
        <translation>缺少 &apos;parameters&apos;：请指定要变化的键，例如 parameters: {optim.lr: [0.1, 0.01]}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the grid has %1 trials (%2), past the limit of %3; list fewer values or use method: random with a count</source>
        <translation>网格有 %1 个试验（%2），超出了 %3 个的上限；请列出更少的值，或使用 method: random 并指定 count</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the grid has over 2 billion trials (%1), past the limit of %2; list fewer values or use method: random with a count</source>
        <translation>网格有超过 20 亿个试验（%1），超出了 %2 个的上限；请列出更少的值，或使用 method: random 并指定 count</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the sweep file is %1 KiB, far past any sweep (at most %2 KiB are read); check that this is the sweep file</source>
        <translation>该超参数搜索文件有 %1 KiB，远超任何超参数搜索（最多读取 %2 KiB）；请确认这是超参数搜索文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read the sweep file; check that it exists and is readable</source>
        <translation>无法读取超参数搜索文件；请检查它是否存在且可读</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>and %1 more problems (not listed); fix the ones above first</source>
        <translation>另有 %1 个问题（未列出）；请先修正上面的问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not a placeholder; write a name in braces, quoted: &quot;{lr}&quot;</source>
        <translation>“%1”不是占位符；请把名称写在花括号中并加上引号：&quot;{lr}&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>placeholder &apos;%1&apos; must be letters, digits, &apos;_&apos; and &apos;.&apos;, starting with a letter or &apos;_&apos;, as in a command&apos;s {lr}</source>
        <translation>占位符“%1”只能由字母、数字、&apos;_&apos; 和 &apos;.&apos; 组成，并以字母或 &apos;_&apos; 开头，如命令中的 {lr}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is the config key %2; write it without braces (a script&apos;s %1 reads the config value)</source>
        <translation>“%1”是配置键 %2；请去掉花括号来写（脚本的 %1 读取的是配置值）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is a config section, not a key; vary one of its keys, such as %2</source>
        <translation>“%1”是配置分组，不是键；请变化其中的某个键，例如 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (a script&apos;s own placeholder is written in quoted braces: &quot;{name}&quot;)</source>
        <translation>%1（脚本自己的占位符要写在带引号的花括号中：&quot;{name}&quot;）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keys must be config keys or placeholders, got %1; a placeholder needs quotes: &quot;{lr}&quot;: [0.1, 0.01]</source>
        <translation>键必须是配置键或占位符，实际为 %1；占位符需要加引号：&quot;{lr}&quot;: [0.1, 0.01]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no value; give its text</source>
        <translation>%1 没有值；请给出它的文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes text values, got %2</source>
        <translation>%1 的值是文本，实际为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has a value of %2 characters; at most %3 are allowed</source>
        <translation>%1 的值有 %2 个字符；最多允许 %3 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 values must be one line of text</source>
        <translation>%1 的值必须是单行文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no values; list them, e.g. [%2]</source>
        <translation>%1 没有值；请列出它们，例如 [%2]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 takes one distribution: uniform, log_uniform, int or choice, e.g. {uniform: [0.8, 0.99]}</source>
        <translation>%1 只接受一种分布：uniform、log_uniform、int 或 choice，例如 {uniform: [0.8, 0.99]}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>choice takes a list of values</source>
        <translation>choice 需要一个值列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown distribution &apos;%1&apos;; use uniform, log_uniform, int or choice</source>
        <translation>未知的分布“%1”；请使用 uniform、log_uniform、int 或 choice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a random distribution; a grid lists its values, e.g. %2: [%3] (or use method: random)</source>
        <translation>%1 是随机分布；网格要列出它的值，例如 %2: [%3]（或使用 method: random）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has an empty list; give at least one value</source>
        <translation>%1 的列表为空；请至少给出一个值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lists %2 values; at most %3</source>
        <translation>%1 列出了 %2 个值；最多 %3 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 lists %2 twice</source>
        <translation>%1 两次列出了 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; each value of a list key is a list itself, e.g. %2: [%3]</source>
        <translation>%1；列表键的每个值本身就是一个列表，例如 %2: [%3]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int takes an integer key; %1 is not one; use uniform: [low, high]</source>
        <translation>int 需要整数键；%1 不是整数键；请使用 uniform: [low, high]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>int takes an integer key; %1 is not one; list its values instead</source>
        <translation>int 需要整数键；%1 不是整数键；请改为列出它的值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 takes a number key; %2 is not one; use int: [low, high]</source>
        <translation>%1 需要数值键；%2 不是数值键；请使用 int: [low, high]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes a number key; %2 is not one; list its values instead</source>
        <translation>%1 需要数值键；%2 不是数值键；请改为列出它的值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes two bounds, [low, high], e.g. %1: %2</source>
        <translation>%1 需要两个边界 [low, high]，例如 %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bounds must be integers, got &apos;%2&apos;</source>
        <translation>%1 的边界必须是整数，实际为“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bounds must be numbers, got &apos;%2&apos;</source>
        <translation>%1 的边界必须是数字，实际为“%2”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log_uniform bounds must be greater than 0, got %1; use uniform for a range from 0</source>
        <translation>log_uniform 的边界必须大于 0，实际为 %1；从 0 开始的范围请使用 uniform</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 range is reversed; write the lower bound first</source>
        <translation>%1 的范围反了；请先写下界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 range holds a single value; list it instead, e.g. %2: [value]</source>
        <translation>%1 的范围只包含一个值；请改为列出它，例如 %2: [value]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameters must map config keys to values, e.g. &apos;optim.lr: [0.1, 0.01]&apos;; got %1</source>
        <translation>parameters 必须把配置键映射到值，例如 &apos;optim.lr: [0.1, 0.01]&apos;；实际为 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>parameters has %1 keys; at most %2</source>
        <translation>parameters 有 %1 个键；最多 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate parameter &apos;%1&apos; (first given on line %2)</source>
        <translation>重复的参数“%1”（首次出现在第 %2 行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trials must be a list of trials, e.g. &apos;- {optim.lr: 0.1}&apos;; got %1</source>
        <translation>trials 必须是试验的列表，例如 &apos;- {optim.lr: 0.1}&apos;；实际为 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trials lists %1 trials; at most %2</source>
        <translation>trials 列出了 %1 个试验；最多 %2 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trial %1 must be a mapping of keys to values, e.g. {optim.lr: 0.1}, got nothing; write {} for the config as it is</source>
        <translation>试验 %1 必须是键到值的映射，例如 {optim.lr: 0.1}，实际为空值；若要按原样使用配置，请写 {}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trial %1 must be a mapping of keys to values, e.g. {optim.lr: 0.1}, got %2</source>
        <translation>试验 %1 必须是键到值的映射，例如 {optim.lr: 0.1}，实际为 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trial %1 sets %2 keys; at most %3</source>
        <translation>试验 %1 设置了 %2 个键；最多 %3 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trial %1 sets &apos;%2&apos; twice</source>
        <translation>试验 %1 两次设置了“%2”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trial %1 repeats trial %2; change a value (such as seed) to run it again</source>
        <translation>试验 %1 与试验 %2 重复；若要再次运行，请改变某个值（例如 seed）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>early_stop must be a mapping such as {rule: median, min_epochs: 2}, got %1</source>
        <translation>early_stop 必须是映射，例如 {rule: median, min_epochs: 2}，实际为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>early_stop rule must be median (stop a trial worse than the median of the others at the same epoch), got &apos;%1&apos;</source>
        <translation>early_stop 的 rule 必须为 median（在同一 epoch 时，停止比其他试验中位数更差的试验），实际为“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>early_stop min_epochs must be an integer from 1 to 100000, got &apos;%1&apos;</source>
        <translation>early_stop 的 min_epochs 必须是 1 到 100000 之间的整数，实际为“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown early_stop key &apos;%1&apos;; it takes rule and min_epochs</source>
        <translation>未知的 early_stop 键“%1”；它接受 rule 和 min_epochs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the built-in trainer writes no metric &apos;%1&apos;; it writes %2</source>
        <translation>内置训练器不会写出指标“%1”；它写出的是 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a script placeholder, but this sweep runs the built-in trainer; vary a config key such as optim.lr, or run a script whose command uses %1</source>
        <translation>%1 是脚本占位符，但这个超参数搜索运行的是内置训练器；请变化一个配置键（例如 optim.lr），或运行命令中使用 %1 的脚本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the command has no %1, so every trial would run the same command; use it in the command (e.g. --%2 %1) or remove it from the sweep</source>
        <translation>命令中没有 %1，因此每个试验都会运行相同的命令；请在命令中使用它（例如 --%2 %1），或把它从超参数搜索中移除</translation>
    </message>
</context>
<context>
    <name>Sweeps</name>
    <message>
        <location filename="../core/services/sweep_add.cpp" line="+50"/>
        <location filename="../core/services/sweep_launcher.cpp" line="+203"/>
        <source>trial %1: %2</source>
        <extracomment>%1 is a trial&apos;s number, %2 why it could not be queued</extracomment>
        <translation>试验 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../core/services/sweep_status.cpp" line="+117"/>
        <source>sweep.json of %1 is too large</source>
        <translation>%1 的 sweep.json 太大</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sweep %1 was cancelled; start a new one</source>
        <translation>超参数搜索 %1 已取消，请新建一个</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the sweep ranks by %2 (%3); added trials must use the same metric and goal</source>
        <extracomment>%1 is the sweep file, %2 a metric key, %3 the goal as the file spells it (min or max)</extracomment>
        <translation>%1：该超参数搜索按 %2（%3）排序；新增的试验必须使用相同的指标和目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a sweep holds at most %1 trials</source>
        <translation>一个超参数搜索最多包含 %1 个试验</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../core/services/sweep_status.cpp" line="+34"/>
        <source>&apos;%1&apos; is not a sweep id</source>
        <translation>“%1”不是超参数搜索 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../core/services/sweep_status.cpp" line="+4"/>
        <source>no sweep %1 in %2</source>
        <translation>%2 中没有超参数搜索 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../core/services/sweep_launcher.cpp" line="+9"/>
        <source>cannot write sweep.json: %1</source>
        <translation>无法写入 sweep.json：%1</translation>
    </message>
    <message>
        <location filename="../core/services/sweep_cancel.cpp" line="+24"/>
        <source>no sweep folder %1</source>
        <translation>没有超参数搜索文件夹 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trial %1 is not a trial number of a sweep</source>
        <translation>%1 不是超参数搜索的试验编号</translation>
    </message>
    <message>
        <location filename="../core/services/sweep_launcher.cpp" line="-167"/>
        <source>cannot create %1; check its permissions</source>
        <translation>无法创建 %1，请检查其权限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot create a sweep folder in %1; check its permissions</source>
        <translation>无法在 %1 中创建超参数搜索文件夹，请检查其权限</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the sweep has no trials</source>
        <translation>%1：该超参数搜索没有试验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a sweep needs at least one slot (--slots or --gpus)</source>
        <translation>超参数搜索至少需要一个槽位（--slots 或 --gpus）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1 is missing; build the project so that it sits next to the trainbench binary</source>
        <translation>缺少 %1，请构建项目，使其位于 trainbench 可执行文件旁边</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot write in %1</source>
        <translation>无法在 %1 中写入</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write the sweep folder: %1</source>
        <translation>无法写入超参数搜索文件夹：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the sweep&apos;s scheduler did not start: %1</source>
        <translation>超参数搜索的调度程序未能启动：%1</translation>
    </message>
    <message>
        <location filename="../core/services/sweep_status.cpp" line="-33"/>
        <source>sweep.json of %1: %2</source>
        <extracomment>%2 is the JSON parser&apos;s reason</extracomment>
        <translation>%1 的 sweep.json：%2</translation>
    </message>
</context>
<context>
    <name>SyncManifest</name>
    <message>
        <location filename="../remote/sync/sync_manifest.cpp" line="+80"/>
        <source>%1 is larger than %2 MB; remove it to send the whole folder again</source>
        <extracomment>%1 is the manifest file (and where it is), %2 its largest size in MB</extracomment>
        <translation>%1 大于 %2 MB；删除它即可重新上传整个文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 line %2: the last line is cut off; remove it to send the whole folder again</source>
        <extracomment>%1 is the manifest file (and where it is), %2 a line number</extracomment>
        <translation>%1 第 %2 行：最后一行不完整；删除它即可重新上传整个文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 line %2: too many files; remove it to send the whole folder again</source>
        <translation>%1 第 %2 行：文件过多；删除它即可重新上传整个文件夹</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+10"/>
        <source>%1 line %2: expected HASH SIZE MTIME MODE PATH; remove it to send the whole folder again</source>
        <translation>%1 第 %2 行：应为 HASH SIZE MTIME MODE PATH；删除它即可重新上传整个文件夹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 line %2: a path leaves the folder; remove it to send the whole folder again</source>
        <translation>%1 第 %2 行：有路径指向文件夹之外；删除它即可重新上传整个文件夹</translation>
    </message>
</context>
<context>
    <name>SyncWarnings</name>
    <message>
        <location filename="../remote/sync/sync_plan.cpp" line="+82"/>
        <source>%1 in %2 files would be sent (more than %3)</source>
        <extracomment>%1 is a size (1.2 GB), %2 a count of files, %3 the size above which a sync asks</extracomment>
        <translation>将上传 %2 个文件，共 %1（超过 %3）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1/ looks like data, weights or logs: 1 file, %2</source>
        <extracomment>%1 is a folder, %2 a size (1.2 GB)</extracomment>
        <translation>%1/ 看起来是数据、权重或日志：1 个文件，%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1/ looks like data, weights or logs: %2 files, %3</source>
        <translation>%1/ 看起来是数据、权重或日志：%2 个文件，%3</translation>
    </message>
</context>
<context>
    <name>TarArchive</name>
    <message>
        <location filename="../remote/transfer/tar_pack.cpp" line="+72"/>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot start the archive: %1</source>
        <extracomment>%1 is libarchive&apos;s error</extracomment>
        <translation>无法开始打包：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot pack %1: %2</source>
        <translation>无法打包 %1：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 changed while it was being sent (it is shorter than when the folder was scanned)</source>
        <translation>%1 在发送过程中发生了变化（比扫描文件夹时更短）</translation>
    </message>
    <message>
        <location filename="../remote/transfer/tar_unpack.cpp" line="+68"/>
        <source>its links form a loop or a chain too long</source>
        <translation>其链接形成了循环或链条过长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it leads to the absolute path %1</source>
        <translation>它指向绝对路径 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it leads outside the destination</source>
        <translation>它指向目标文件夹之外</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it climbs with &quot;..&quot; out of %1, which does not exist yet</source>
        <translation>它用 &quot;..&quot; 跳出了尚不存在的 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the link %1</source>
        <translation>无法读取链接 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it would replace the link %1 that an earlier entry made</source>
        <translation>它会替换之前条目创建的链接 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a link would replace %1</source>
        <translation>会有一个链接替换 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is a symbolic link to %1 and %2</source>
        <extracomment>%2 is why the link is refused (&quot;it leads outside the destination&quot;)</extracomment>
        <translation>它是指向 %1 的符号链接，且%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it is a hard link to %1, which is not a file extracted before it</source>
        <translation>它是指向 %1 的硬链接，而 %1 不是在它之前解压的文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>it has an absolute path</source>
        <translation>它使用了绝对路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its path climbs out with &quot;..&quot;</source>
        <translation>它的路径用 &quot;..&quot; 跳出了目标文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is a hard link to %1, outside the destination</source>
        <translation>它是指向目标文件夹之外 %1 的硬链接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it is a symbolic link to %1, outside the destination</source>
        <translation>它是指向目标文件夹之外 %1 的符号链接</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this machine&apos;s libarchive cannot read zstd and gzip by itself; install libarchive with zstd and zlib support</source>
        <translation>本机的 libarchive 无法自行读取 zstd 和 gzip；请安装带 zstd 和 zlib 支持的 libarchive</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot extract %1: %2</source>
        <extracomment>%1 is an archive entry&apos;s path or &quot;the archive&quot;, %2 libarchive&apos;s error</extracomment>
        <translation>无法解压 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the archive</source>
        <extracomment>as in &quot;cannot extract the archive: ...&quot;</extracomment>
        <translation>归档</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+13"/>
        <source>refused the archive entry &quot;%1&quot;: %2; nothing was put outside %3</source>
        <extracomment>%2 is why (&quot;it has an absolute path&quot;), %3 the destination folder</extracomment>
        <translation>已拒绝归档条目 &quot;%1&quot;：%2；没有任何内容写到 %3 之外</translation>
    </message>
</context>
<context>
    <name>TensorboardImporter</name>
    <message>
        <location filename="../core/runs/tensorboard_import.cpp" line="+107"/>
        <source>%1 is not a folder; name the folder TensorBoard was started with (its --logdir)</source>
        <translation>%1 不是文件夹，请指定启动 TensorBoard 时使用的文件夹（其 --logdir）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the runs folder %1</source>
        <translation>无法创建运行文件夹 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: no TensorBoard event files (events.out.tfevents.*) in it or its subfolders</source>
        <translation>%1：其中及其子文件夹中没有 TensorBoard 事件文件（events.out.tfevents.*）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: imported before; skipped</source>
        <translation>%1：之前已导入，已跳过</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: no scalars in its event files; skipped</source>
        <translation>%1：其事件文件中没有标量，已跳过</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1; the partly written run %2 can be deleted</source>
        <extracomment>%1 is why writing failed, %2 the run&apos;s folder</extracomment>
        <translation>%1；写入了一部分的运行 %2 可以删除</translation>
    </message>
</context>
<context>
    <name>ToolchainCheck</name>
    <message>
        <location filename="../remote/prepare/prepare_host_box.cpp" line="+141"/>
        <source>%1&apos;s torch %2 ships no CMake files (TorchConfig.cmake)</source>
        <extracomment>%1 is a python program, %2 its torch version</extracomment>
        <translation>%1 的 torch %2 不带 CMake 文件（TorchConfig.cmake）</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+146"/>
        <source>an unknown Linux</source>
        <extracomment>stands for the box&apos;s operating system when it did not say which</extracomment>
        <translation>未知的 Linux</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>%1 (%2) has no %3, needed to build the trainer there. No known package manager was found: install cmake, a C++ compiler (g++) and make by hand, then prepare again.</source>
        <extracomment>%1 is the host, %2 its operating system, %3 the missing tools (&quot;cmake, g++&quot;)</extracomment>
        <translation>%1（%2）上没有 %3，在那里构建训练程序需要它们。未找到已知的包管理器：请手动安装 cmake、C++ 编译器（g++）和 make，然后重新准备主机。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2) has no %3, needed to build the trainer there. You are not root and sudo is missing: ask the box&apos;s administrator to run: %4</source>
        <extracomment>%1 is the host, %2 its operating system, %3 the missing tools (&quot;cmake, g++&quot;), %4 the command that installs them</extracomment>
        <translation>%1（%2）上没有 %3，在那里构建训练程序需要它们。你不是 root 且没有 sudo：请让主机管理员运行：%4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2) has no %3, needed to build the trainer there. Install them with: %4 (you are root), or let Trainbench run it: trainbench prepare %5 --install-tools</source>
        <extracomment>%1 is the host, %2 its operating system, %3 the missing tools (&quot;cmake, g++&quot;), %4 the command that installs them, %5 the host&apos;s name in Trainbench</extracomment>
        <translation>%1（%2）上没有 %3，在那里构建训练程序需要它们。安装命令：%4（你是 root），或让 Trainbench 来运行：trainbench prepare %5 --install-tools</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2) has no %3, needed to build the trainer there. Install them with: %4 (through sudo), or let Trainbench run it: trainbench prepare %5 --install-tools</source>
        <extracomment>%1 is the host, %2 its operating system, %3 the missing tools (&quot;cmake, g++&quot;), %4 the command that installs them, %5 the host&apos;s name in Trainbench</extracomment>
        <translation>%1（%2）上没有 %3，在那里构建训练程序需要它们。安装命令：%4（通过 sudo），或让 Trainbench 来运行：trainbench prepare %5 --install-tools</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (apt&apos;s cmake is too old), then python3 -m pip install %2</source>
        <extracomment>%1 is a command that installs pip, %2 the CMake version wanted (&apos;cmake&gt;=3.16&apos;)</extracomment>
        <translation>%1（apt 的 cmake 版本太旧），然后 python3 -m pip install %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install CMake %1 or newer from https://cmake.org/download/</source>
        <translation>从 https://cmake.org/download/ 安装 CMake %1 或更新版本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (Ubuntu 18.04 needs ppa:ubuntu-toolchain-r/test first); Prepare host then uses g++-%2 by itself</source>
        <extracomment>%1 is the install command, %2 the GCC major version</extracomment>
        <translation>%1（Ubuntu 18.04 需要先添加 ppa:ubuntu-toolchain-r/test）；之后准备主机会自动使用 g++-%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, then point the host&apos;s C++ compiler at its g++</source>
        <extracomment>%1 is the install command</extracomment>
        <translation>%1，然后把主机的 C++ 编译器设为它的 g++</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>install GCC %1 or newer</source>
        <translation>安装 GCC %1 或更新版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>install torch %1 or newer</source>
        <translation>安装 torch %1 或更新版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 -m pip install %2 (or set the host&apos;s python to one that has it)</source>
        <extracomment>%1 is a python program, %2 the torch version wanted (&apos;torch&gt;=1.7&apos;)</extracomment>
        <translation>%1 -m pip install %2（或把主机的 python 设为已安装 torch 的 python）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>CMake %1 (%2) is older than %3; fix: %4</source>
        <extracomment>%1 is a version, %2 the program&apos;s path, %3 the oldest version that works, %4 a fix</extracomment>
        <translation>CMake %1（%2）低于 %3；修复：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 (%3) is older than %1 %4; fix: %5</source>
        <extracomment>%1 is GCC or Clang, %2 its version, %3 its path, %4 the oldest major version that works, %5 a fix</extracomment>
        <translation>%1 %2（%3）低于 %1 %4；修复：%5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>LibTorch %1 (%2) is older than %3; fix: %4</source>
        <extracomment>%1 is a version, %2 its folder, %3 the oldest version that works, %4 a fix</extracomment>
        <translation>LibTorch %1（%2）低于 %3；修复：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>. </source>
        <extracomment>between the problems listed as %3 of &quot;cannot build the trainer yet. %3. Nothing was ...&quot;</extracomment>
        <translation>。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) cannot build the trainer yet. %3. Nothing was uploaded; run the fix on the box, then prepare again: trainbench prepare %4</source>
        <extracomment>%1 is the host, %2 its operating system, %3 the problems, %4 the host&apos;s name in Trainbench</extracomment>
        <translation>%1（%2）暂时无法构建训练程序。%3。未上传任何内容；请在主机上运行修复命令，然后重新准备主机：trainbench prepare %4</translation>
    </message>
</context>
<context>
    <name>TorchrunCommand</name>
    <message>
        <location filename="../core/runs/torchrun_command.cpp" line="+29"/>
        <source>processes per node start the command with torchrun, which runs a python script: write the command as `python SCRIPT.py ARGS` or `python -m MODULE ARGS` (with no other python options), or start torchrun yourself in the command and leave processes per node at 1</source>
        <translation>设置每节点进程数时会用 torchrun 启动命令，而 torchrun 运行的是 python 脚本：请把命令写成 `python SCRIPT.py ARGS` 或 `python -m MODULE ARGS`（不带其他 python 选项），或者在命令中自己启动 torchrun，并把每节点进程数保持为 1</translation>
    </message>
</context>
<context>
    <name>TrainerSources</name>
    <message>
        <location filename="../remote/prepare/prepare_host_sources.cpp" line="+52"/>
        <source>no trainer sources under %1</source>
        <translation>%1 下没有训练程序源代码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../remote/transfer/sftp_download.cpp" line="+53"/>
        <location filename="../remote/transfer/transfer_channel.cpp" line="+27"/>
        <location filename="../remote/transfer/transfer_file_upload.cpp" line="+95"/>
        <source>%1 on %2 failed: %3</source>
        <extracomment>%1 is what was being done (&quot;sending data&quot;), %2 the host, %3 libssh&apos;s error</extracomment>
        <translation>在 %2 上%1失败：%3</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../remote/transfer/transfer_file_upload.cpp" line="+6"/>
        <source>starting SFTP</source>
        <translation>启动 SFTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../remote/transfer/transfer_file_upload.cpp" line="+4"/>
        <source>opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>seeking in %1</source>
        <translation>定位 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>requesting %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../remote/transfer/transfer_file_download.cpp" line="+65"/>
        <source>reading %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../remote/transfer/transfer_file_download.cpp" line="-2"/>
        <source>%1 on %2 became shorter while it was downloaded</source>
        <extracomment>%1 is a file on the host %2</extracomment>
        <translation>%2 上的 %1 在下载过程中变短了</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../remote/transfer/transfer_file_download.cpp" line="+37"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_channel.cpp" line="+7"/>
        <source>opening a channel</source>
        <translation>打开通道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>starting a command</source>
        <translation>启动命令</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sending data</source>
        <translation>发送数据</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>receiving data</source>
        <translation>接收数据</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../remote/transfer/transfer_remote.cpp" line="+64"/>
        <source>%1 on %2 failed (exit status %3): %4</source>
        <extracomment>%1 is what was being done (&quot;reading FILE&quot;), %2 the host, %4 the command&apos;s error output</extracomment>
        <translation>在 %2 上%1失败（退出码 %3）：%4</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_file_download.cpp" line="-27"/>
        <source>%1 arrived damaged: its sha256 is %2 here and %3 on %4. The partial copy was removed; transfer it again.</source>
        <extracomment>%2 and %3 are sha256 digests, %4 the host</extracomment>
        <translation>%1 传输后已损坏：本机的 sha256 为 %2，%4 上为 %3。不完整的副本已删除；请重新传输。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../remote/transfer/transfer_folder_download.cpp" line="+96"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../remote/transfer/transfer_folder_download.cpp" line="-48"/>
        <source>receiving</source>
        <extracomment>a transfer&apos;s phase, shown beside its progress</extracomment>
        <translation>接收中</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../remote/transfer/transfer_file_upload.cpp" line="+82"/>
        <source>verifying</source>
        <extracomment>a transfer&apos;s phase, shown beside its progress</extracomment>
        <translation>校验中</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../remote/transfer/transfer_remote.cpp" line="+148"/>
        <source>hashing %1</source>
        <translation>计算 %1 的哈希</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot rename %1 to %2</source>
        <translation>无法将 %1 重命名为 %2</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_file_upload.cpp" line="-130"/>
        <location line="+9"/>
        <location line="+83"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+28"/>
        <source>writing %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 on %2 has %3 bytes instead of %4; the partial copy was removed, upload it again</source>
        <extracomment>%1 is a file on the host %2</extracomment>
        <translation>%2 上的 %1 有 %3 字节，而不是 %4 字节；不完整的副本已删除，请重新上传</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot rename %1 to %2 on %3: %4</source>
        <translation>无法在 %3 上将 %1 重命名为 %2：%4</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 on %2 is not a file or folder name; choose another destination</source>
        <extracomment>%1 is a path on the host %2</extracomment>
        <translation>%2 上的 %1 不是文件名或文件夹名；请选择其他目标位置</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../remote/transfer/transfer_folder_upload.cpp" line="+47"/>
        <source>sending</source>
        <extracomment>a transfer&apos;s phase, shown beside its progress</extracomment>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_folder_download.cpp" line="+8"/>
        <source>packing %1</source>
        <translation>打包 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>packing %1 on %2 reported: %3</source>
        <extracomment>%1 is a folder on the host %2, %3 what tar printed</extracomment>
        <translation>在 %2 上打包 %1 时报告：%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the download of %1 from %2 did not arrive whole: %3 files, %4 bytes instead of %5 files, %6 bytes; nothing was kept, try again</source>
        <extracomment>%1 is a folder on the host %2</extracomment>
        <translation>从 %2 下载的 %1 不完整：收到 %3 个文件、%4 字节，应为 %5 个文件、%6 字节；未保留任何内容，请重试</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 exists and is not a folder; choose another destination for the folder %2</source>
        <extracomment>%1 is a local path, %2 a folder on the host</extracomment>
        <translation>%1 已存在且不是文件夹；请为文件夹 %2 选择其他目标位置</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot create %1; check that the folder is writable</source>
        <translation>无法创建 %1；请检查该文件夹是否可写</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_folder_upload.cpp" line="+9"/>
        <source>extracting into %1</source>
        <translation>解压到 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>name a folder to upload %1 into on %2, not %3</source>
        <extracomment>%1 is a local folder, %2 the host, %3 the destination typed</extracomment>
        <translation>请指定 %2 上用于上传 %1 的文件夹，而不是 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 on %2 exists and is not a folder; choose another destination for the folder %3</source>
        <extracomment>%1 is a path on the host %2, %3 a local folder</extracomment>
        <translation>%2 上的 %1 已存在且不是文件夹；请为文件夹 %3 选择其他目标位置</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_local.cpp" line="+25"/>
        <source>cannot move %1 to %2: %3</source>
        <translation>无法将 %1 移动到 %2：%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot replace the folder %1 with a file</source>
        <translation>无法用文件替换文件夹 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 exists and is not a folder; choose another destination</source>
        <translation>%1 已存在且不是文件夹；请选择其他目标位置</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_preflight.cpp" line="+65"/>
        <source>looking at %1 on %2 failed (exit status %3): %4</source>
        <extracomment>%1 is a path on the host %2, %4 the error output of the check</extracomment>
        <translation>检查 %2 上的 %1 失败（退出码 %3）：%4</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_remote.cpp" line="-90"/>
        <source>looking at %1</source>
        <translation>检查 %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>counting the files in %1</source>
        <translation>统计 %1 中的文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read the file count of %1 on %2: %3</source>
        <extracomment>%1 is a folder on the host %2, %3 what the host answered</extracomment>
        <translation>无法读取 %2 上 %1 的文件数：%3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the upload to %1 did not arrive whole: %2 files, %3 bytes arrived in %4 instead of %5 files, %6 bytes; nothing was kept, try again</source>
        <extracomment>%1 is the host, %4 the folder the upload was staged in</extracomment>
        <translation>上传到 %1 的内容不完整：%4 中收到 %2 个文件、%3 字节，应为 %5 个文件、%6 字节；未保留任何内容，请重试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>moving %1 into %2</source>
        <translation>将 %1 移动到 %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>hashing %1 on %2 gave no sha256 digest</source>
        <extracomment>%1 is a file on the host %2</extracomment>
        <translation>在 %2 上计算 %1 的哈希未得到 sha256 摘要</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_runner.cpp" line="+29"/>
        <source>%1 does not exist here; nothing was sent to %2</source>
        <extracomment>%1 is a local path, %2 the host</extracomment>
        <translation>本机上不存在 %1；未向 %2 发送任何内容</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is not a file or folder on %2; check the path</source>
        <extracomment>%1 is a path on the host %2</extracomment>
        <translation>%1 不是 %2 上的文件或文件夹；请检查路径</translation>
    </message>
    <message>
        <location filename="../remote/transfer/transfer_space.cpp" line="+60"/>
        <source>Not enough space on %1 for %2: the filesystem %3 (mounted on %4) has %5 free, the transfer needs %6. Free some space or choose another destination (a data disk).</source>
        <extracomment>%1 is the host (or &quot;this machine&quot;), %2 the destination path, %5 and %6 sizes (&quot;3.2 GiB&quot;)</extracomment>
        <translation>%1 上的空间不足以存放 %2：文件系统 %3（挂载于 %4）剩余 %5，传输需要 %6。请清理空间或选择其他目标位置（数据盘）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not enough inodes on %1 for %2: the filesystem %3 (mounted on %4) can hold %5 more files, the transfer has %6. Delete files there, pack the dataset into fewer files, or choose another destination.</source>
        <extracomment>%1 is the host (or &quot;this machine&quot;), %2 the destination path</extracomment>
        <translation>%1 上的 inode 不足以存放 %2：文件系统 %3（挂载于 %4）还能容纳 %5 个文件，传输包含 %6 个。请删除那里的文件、把数据集打包成更少的文件，或选择其他目标位置。</translation>
    </message>
</context>
<context>
    <name>tb::AddHostDialog</name>
    <message>
        <location filename="../ui/hosts/add_host_dialog.cpp" line="+45"/>
        <source>Add host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paste the ssh command your provider shows (-p, -i, -J, -l and -o are understood)</source>
        <translation>粘贴云服务商提供的 ssh 命令（支持 -p、-i、-J、-l 和 -o）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Paste an ssh command:</source>
        <translation>粘贴 ssh 命令(&amp;P)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>or a &amp;Host from ~/.ssh/config:</source>
        <translation>或选择 ~/.ssh/config 中的主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HostName, Port, User, IdentityFile and ProxyJump are taken from the file</source>
        <translation>从该文件读取 HostName、Port、User、IdentityFile 和 ProxyJump</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A remembered password is stored in the system keychain.</source>
        <translation>记住的密码保存在系统密钥环中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keychain service runs here: a remembered password is kept in memory for this session only.</source>
        <translation>此处没有运行密钥环服务：记住的密码仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>decided by the probe</source>
        <translation>由探测决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. westd-52979</source>
        <translation>例如 westd-52979</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you call this host; also what `trainbench probe NAME` takes</source>
        <translation>你给这台主机起的名字；`trainbench probe NAME` 也使用这个名字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect.westd.seetacloud.com</source>
        <translation>connect.westd.seetacloud.com</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host name or IP address</source>
        <translation>主机名或 IP 地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>your local user name</source>
        <translation>你的本地用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User to log in as, e.g. root</source>
        <translation>登录用户，例如 root</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agent and default keys</source>
        <translation>ssh-agent 与默认密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key file (-i); its passphrase is asked when needed</source>
        <translation>私钥文件（-i）；需要时会询问其密码短语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a private key file</source>
        <translation>选择私钥文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump host (-J / ProxyJump), e.g. user@bastion:2222</source>
        <translation>跳板机（-J / ProxyJump），例如 user@bastion:2222</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (data disk when there is one)</source>
        <translation>（有数据盘时使用数据盘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on the host that holds this host&apos;s run directories</source>
        <translation>主机上存放该主机各运行目录的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python interpreter on the host, e.g. /root/miniconda3/bin/python</source>
        <translation>主机上的 Python 解释器，例如 /root/miniconda3/bin/python</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per hour</source>
        <translation> /小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the instance costs per hour, for the cost meter</source>
        <translation>实例每小时的费用，用于费用统计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What &quot;shut the instance down when this run ends&quot; runs on the host (one shell line; empty: %1)</source>
        <translation>“运行结束时关闭实例”在主机上执行的命令（一行 shell；留空则为 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slurm &amp;login node: submit runs with sbatch</source>
        <translation>Slurm 登录节点(&amp;L)：用 sbatch 提交运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host is a cluster&apos;s login node: each run becomes a Slurm job, waits in the queue and runs on a compute node</source>
        <translation>该主机是集群的登录节点：每次运行都成为一个 Slurm 作业，在队列中排队后在计算节点上运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partition=gpu,gpus=2,time=4:00:00</source>
        <translation>partition=gpu,gpus=2,time=4:00:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sbatch defaults for this cluster: partition, gpus (per node), nodes, cpus, time, account; empty: the cluster&apos;s own</source>
        <translation>该集群的 sbatch 默认选项：partition（分区）、gpus（每节点 GPU 数）、nodes、cpus、time（时限）、account（账户）；留空则使用集群自身的默认值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (keys only)</source>
        <translation>无（仅用密钥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login password; never written to any file or log</source>
        <translation>登录密码；绝不会写入任何文件或日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remember password</source>
        <translation>记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the password for the next connection</source>
        <translation>下次连接时继续使用此密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H&amp;ost:</source>
        <translation>主机(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Po&amp;rt:</source>
        <translation>端口(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Jump host:</source>
        <translation>跳板机(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs roo&amp;t:</source>
        <translation>运行根目录(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ython:</source>
        <translation>Python(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pr&amp;ice:</source>
        <translation>价格(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Shutdown command:</source>
        <translation>关机命令(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slurm opt&amp;ions:</source>
        <translation>Slurm 选项(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(choose a Host)</source>
        <translation>（选择一个主机）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Edit host %1</source>
        <translation>编辑主机 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A host keeps its name; remove it and add it again to rename it</source>
        <translation>主机名称不可更改；如需重命名，请删除后重新添加</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Understood: %1</source>
        <translation>已识别：%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Paste an ssh command or type the host&apos;s address.</source>
        <translation>请粘贴 ssh 命令或输入主机地址。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The shutdown command is one shell line; join the lines with &apos;;&apos; or &apos;&amp;&amp;&apos;.</source>
        <translation>关机命令只能是一行 shell；请用 &apos;;&apos; 或 &apos;&amp;&amp;&apos; 连接多行。</translation>
    </message>
</context>
<context>
    <name>tb::AlertBanner</name>
    <message>
        <location filename="../ui/monitor/run_alerts.cpp" line="+68"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <extracomment>an alert in the window: %1 its title (&quot;Run failed&quot;), %2 what happened</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Earlier:
%1</source>
        <translation>更早的提醒：
%1</translation>
    </message>
</context>
<context>
    <name>tb::ChangedHostKeyDialog</name>
    <message>
        <location filename="../ui/hosts/host_key_dialogs.cpp" line="+56"/>
        <source>Host key changed — %1</source>
        <translation>主机密钥已变更 — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The host key of %1 has CHANGED, so Trainbench refused to log in. Either the instance was re-created (cloud providers reuse addresses and ports for new instances), or someone is intercepting the connection. The host now shows:</source>
        <translation>%1 的主机密钥已经【变更】，因此 Trainbench 拒绝登录。可能是实例被重新创建（云服务商会把地址和端口复用给新实例），也可能有人正在拦截连接。该主机现在出示的是：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only if you know the instance was re-created: forget the old key, then connect again and compare the new fingerprint with your provider&apos;s console. To confirm, type the host&apos;s name, %1:</source>
        <translation>仅当你确知实例已被重新创建时：忘记旧密钥，然后重新连接，并将新指纹与云服务商控制台中的进行比对。如确认，请输入主机名 %1：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type %1 to enable &quot;Forget the old key&quot;</source>
        <translation>输入 %1 以启用“忘记旧密钥”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forget the old key</source>
        <translation>忘记旧密钥(&amp;F)</translation>
    </message>
</context>
<context>
    <name>tb::ChartPanel</name>
    <message>
        <location filename="../ui/plot/chart_panel.cpp" line="+33"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wall time</source>
        <translation>时钟时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time since start</source>
        <translation>自开始以来的时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log x</source>
        <translation>对数 X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log y</source>
        <translation>对数 Y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset views</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit every chart to its data (0 or Home on a chart)</source>
        <translation>让每个图表适应其数据（在图表上按 0 或 Home）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+127"/>
        <source>Select runs to see their curves.</source>
        <translation>选择运行以查看其曲线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No metrics recorded yet for the selected runs.</source>
        <translation>所选运行尚未记录任何指标。</translation>
    </message>
</context>
<context>
    <name>tb::CheckpointCatalog</name>
    <message>
        <location filename="../core/checkpoints/checkpoint_catalog.cpp" line="+98"/>
        <source>cannot run %1</source>
        <translation>无法运行 %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>checkpoints on %1 are deleted on the host itself</source>
        <translation>%1 上的检查点需要在该主机上删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such checkpoint</source>
        <translation>没有这个检查点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot delete %1</source>
        <translation>无法删除 %1</translation>
    </message>
</context>
<context>
    <name>tb::CheckpointMove</name>
    <message>
        <location filename="../remote/runs/checkpoint_move.cpp" line="+21"/>
        <source>host %1</source>
        <extracomment>%1 is a host&apos;s name; the steps and errors of a checkpoint&apos;s move name a host this way</extracomment>
        <translation>主机 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the source host is gone</source>
        <translation>源主机已不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listing the checkpoints of %1 on %2</source>
        <translation>正在列出 %2 上 %1 的检查点</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot create %1; check its permissions</source>
        <translation>无法创建 %1；请检查其权限</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>downloading %1 from %2</source>
        <translation>正在从 %2 下载 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 on %2 does not match its sidecar (%3 bytes, sha256 %4; the copy has %5 bytes, sha256 %6): the checkpoint on the box is damaged. The copy was removed; pick another checkpoint.</source>
        <extracomment>%1 is the checkpoint&apos;s path on the box, %2 its host; %3 and %4 the size and sha256 its sidecar records, %5 and %6 those of the downloaded copy (&quot;-&quot;: none)</extracomment>
        <translation>%2 上的 %1 与其附属文件不符（%3 字节，sha256 %4；副本为 %5 字节，sha256 %6）：主机上的检查点已损坏。副本已删除；请选择其他检查点。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>starting the resumed run on this machine</source>
        <translation>正在本机上启动恢复的运行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the host is gone</source>
        <translation>主机已不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+45"/>
        <source>starting the resumed run on %1</source>
        <translation>正在 %1 上启动恢复的运行</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>the target host is gone</source>
        <translation>目标主机已不存在</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>uploading %1 to %2</source>
        <translation>正在把 %1 上传到 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot stage the checkpoint in %1 on %2: %3; check the host&apos;s runs root and its free space</source>
        <translation>无法在 %2 的 %1 中暂存检查点：%3；请检查该主机的运行根目录及其剩余空间</translation>
    </message>
</context>
<context>
    <name>tb::CheckpointTableModel</name>
    <message>
        <location filename="../ui/main/checkpoint_table_model.cpp" line="+67"/>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking…</source>
        <translation>校验中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>corrupt</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>校验</translation>
    </message>
</context>
<context>
    <name>tb::CheckpointsPanel</name>
    <message>
        <location filename="../ui/main/checkpoints_panel.cpp" line="+28"/>
        <location line="+47"/>
        <source>Select a run to see its checkpoints.</source>
        <translation>选择一个运行以查看其检查点。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checkpoints of %1</source>
        <translation>%1 的检查点</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Listing the checkpoints of %1 on %2…</source>
        <translation>正在列出 %2 上 %1 的检查点…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host %1 is not in the hosts list.</source>
        <translation>主机 %1 不在主机列表中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checkpoints of %1 on %2</source>
        <translation>%2 上 %1 的检查点</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Resume from here</source>
        <translation>从此处恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fork with edited config…</source>
        <translation>用修改后的配置派生…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reveal in file manager</source>
        <translation>在文件管理器中显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete checkpoint</source>
        <translation>删除检查点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1? This cannot be undone.</source>
        <translation>删除 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
</context>
<context>
    <name>tb::CodeSyncStep</name>
    <message>
        <location filename="../ui/main/code_sync_step.cpp" line="+28"/>
        <source>Host %1 is not in the hosts list</source>
        <translation>主机 %1 不在主机列表中</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+15"/>
        <source>Sync to %1</source>
        <translation>同步到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sync would send a lot:

%1

Send anyway? Leave such folders out with a .gitignore or .trainbenchignore to keep them here.</source>
        <translation>这次同步要上传的内容较多：

%1

仍然上传吗？可以在 .gitignore 或 .trainbenchignore 中排除这些文件夹，让它们留在本机。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was synced to %1 and the run was not started</source>
        <translation>没有向 %1 同步任何内容，训练也未启动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync to %1 failed: %2</source>
        <translation>同步到 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>tb::ConfigDocument</name>
    <message>
        <location filename="../ui/config/config_document.cpp" line="+123"/>
        <source>Edit text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source> (and %n more problem(s))</source>
        <translation>
            <numerusform>（另有 %n 个问题）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ConfigEditor</name>
    <message>
        <location filename="../ui/config/config_editor.cpp" line="+48"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Cannot read the template %1: %2</source>
        <translation>无法读取模板 %1：%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the new config</source>
        <translation>新配置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the changes to %1 first?</source>
        <translation>是否先保存对 %1 的更改？</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Config editor</source>
        <translation>配置编辑器</translation>
    </message>
    <message>
        <location filename="../ui/config/config_editor_actions.cpp" line="+13"/>
        <source>&amp;New Config</source>
        <translation>新建配置(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Config…</source>
        <translation>打开配置(&amp;O)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Config</source>
        <translation>保存配置(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save Config &amp;As…</source>
        <translation>配置另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No templates in %1</source>
        <translation>%1 中没有模板</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No recent configs</source>
        <translation>没有最近打开的配置</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open Config</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>YAML configs (*.yaml *.yml)</source>
        <translation>YAML 配置 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save Config As</source>
        <translation>配置另存为</translation>
    </message>
</context>
<context>
    <name>tb::ConfigField</name>
    <message>
        <location filename="../ui/config/config_field.cpp" line="+51"/>
        <source> (above %1 to %2)</source>
        <extracomment>The range of a config value in its tooltip, e.g. &quot; (above 0 to 10)&quot;</extracomment>
        <translation>（大于 %1，至多 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1 to %2)</source>
        <translation>（%1 到 %2）</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>tb::ConfigForm</name>
    <message>
        <location filename="../ui/config/config_form.cpp" line="+82"/>
        <source>The YAML text has a syntax error (see the problems list); fix it there to edit with the form again.</source>
        <translation>YAML 文本有语法错误（见问题列表）；在文本中修正后即可重新用表单编辑。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not set %1: %2</source>
        <translation>无法设置 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
</context>
<context>
    <name>tb::DiagnosticsList</name>
    <message>
        <location filename="../ui/config/diagnostics_list.cpp" line="+32"/>
        <source>(file)</source>
        <translation>（文件）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No problems: the config is ready to run.</source>
        <translation>没有问题：该配置可以运行。</translation>
    </message>
</context>
<context>
    <name>tb::GpuMonitor</name>
    <message>
        <location filename="../core/gpu/gpu_monitor.h" line="+29"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>tb::GpuPanel</name>
    <message>
        <location filename="../ui/monitor/gpu_panel.cpp" line="+55"/>
        <location line="+18"/>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>GPUs of</source>
        <translation>GPU 所在</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+138"/>
        <source>Looking for GPUs…</source>
        <translation>正在查找 GPU…</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+151"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>GPU monitor stopped</source>
        <translation>GPU 监控已停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Looking for GPUs on %1…</source>
        <translation>正在 %1 上查找 GPU…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n 块 GPU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n GPU(s) on %1</source>
        <translation>
            <numerusform>%1 上有 %n 块 GPU</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no NVIDIA GPU</source>
        <translation>没有 NVIDIA GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>. Showing CPU and memory instead.</source>
        <translation>。改为显示 CPU 和内存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>GPU %1 · %2</source>
        <translation>GPU %1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+26"/>
        <source>%1 / %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
</context>
<context>
    <name>tb::GpuSource</name>
    <message>
        <location filename="../core/gpu/gpu_source.cpp" line="+23"/>
        <source>no NVIDIA GPU on %1</source>
        <translation>%1上没有 NVIDIA GPU</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 (nvidia-smi: %2)</source>
        <extracomment>%1 is &quot;no NVIDIA GPU on ...&quot;, %2 the first line nvidia-smi printed</extracomment>
        <translation>%1（nvidia-smi：%2）</translation>
    </message>
</context>
<context>
    <name>tb::HostConnection</name>
    <message>
        <location filename="../remote/ssh/host_connection.cpp" line="+31"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting</source>
        <translation>重新连接中</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+7"/>
        <source>connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; reconnect attempt %2 in %3 s</source>
        <extracomment>%1 is why the connection failed, %2 the attempt&apos;s number, %3 seconds</extracomment>
        <translation>%1；%3 秒后进行第 %2 次重新连接</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 Gave up after %2 reconnect attempts; connect again when the host is back.</source>
        <extracomment>%1 is why the connection was lost (a sentence), %2 a number of attempts</extracomment>
        <translation>%1 重新连接 %2 次后已放弃；主机恢复后请重新连接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 Reconnecting (attempt %2).</source>
        <extracomment>%1 is why the connection was lost (a sentence), %2 the attempt&apos;s number</extracomment>
        <translation>%1 重新连接中（第 %2 次）。</translation>
    </message>
</context>
<context>
    <name>tb::HostPreparer</name>
    <message>
        <location filename="../remote/prepare/prepare_host.cpp" line="+84"/>
        <source>preparing %1 was cancelled</source>
        <translation>准备主机 %1 已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>looking for cmake, g++ and LibTorch on %1</source>
        <translation>正在 %1 上查找 cmake、g++ 和 LibTorch</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>preparing %1: %2</source>
        <extracomment>%1 is the host, %2 why the connection failed</extracomment>
        <translation>准备主机 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 did not answer the toolchain check: %2</source>
        <extracomment>%1 is the host, %2 the check&apos;s error output</extracomment>
        <translation>%1 没有响应工具链检查：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>installing %1 on %2: %3</source>
        <extracomment>%1 lists the tools (&quot;cmake, g++&quot;), %2 is the host, %3 the install command</extracomment>
        <translation>正在 %2 上安装 %1：%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cmake, g++ and make are already on %1</source>
        <translation>%1 上已有 cmake、g++ 和 make</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no python there imports torch</source>
        <translation>那里没有能导入 torch 的 python</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no LibTorch to build the trainer against: %2, and no system LibTorch (TorchConfig.cmake) was found. Install torch into the host&apos;s python (pip install torch) or set the host&apos;s python to one that has it.</source>
        <extracomment>%1 is the host, %2 why its python&apos;s torch cannot be used</extracomment>
        <translation>%1 上没有可用于构建训练程序的 LibTorch：%2，也未找到系统 LibTorch（TorchConfig.cmake）。请在主机的 python 中安装 torch（pip install torch），或把主机的 python 设为已安装 torch 的 python。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>LibTorch %1 (%2, _GLIBCXX_USE_CXX11_ABI=%3) in %4</source>
        <extracomment>%1 is a version, %2 &quot;python&quot; or &quot;system&quot; (where it was found), %4 a folder</extracomment>
        <translation>LibTorch %1（%2，_GLIBCXX_USE_CXX11_ABI=%3），位于 %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>looking for a build in %1</source>
        <translation>正在 %1 中查找已有构建</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot use the cache folder %1 on %2: %3</source>
        <extracomment>%1 is a folder on the host %2, %3 the error output</extracomment>
        <translation>无法使用 %2 上的缓存文件夹 %1：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cached: %1/bin/trainbench-train was built before for these sources and this LibTorch</source>
        <translation>已缓存：%1/bin/trainbench-train 之前已针对这些源代码和此 LibTorch 构建过</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a build is already running in %1; following it</source>
        <translation>%1 中已有构建正在运行；正在跟踪它</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot create a temporary folder</source>
        <translation>无法创建临时文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>uploading the trainer&apos;s sources to %1/src</source>
        <translation>正在上传训练程序源代码到 %1/src</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>uploading the trainer&apos;s sources to %1: %2</source>
        <extracomment>%1 is the host, %2 why the upload failed</extracomment>
        <translation>上传训练程序源代码到 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>uploaded %1 files (%2 bytes, %3)</source>
        <extracomment>%3 is the transfer method (&quot;tar+zstd&quot;)</extracomment>
        <translation>已上传 %1 个文件（%2 字节，%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>building trainbench-train on %1 with %2 jobs</source>
        <extracomment>%1 is the host, %2 the number of parallel compile jobs</extracomment>
        <translation>正在 %1 上以 %2 个并行任务构建 trainbench-train</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>installing the build tools</source>
        <extracomment>as in &quot;installing the build tools on HOST failed&quot;</extracomment>
        <translation>安装构建工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>building the trainer</source>
        <extracomment>as in &quot;building the trainer on HOST failed&quot;</extracomment>
        <translation>构建训练程序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2 was cancelled</source>
        <extracomment>%1 is &quot;installing the build tools&quot; or &quot;building the trainer&quot;, %2 the host</extracomment>
        <translation>在 %2 上%1已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2: %3</source>
        <extracomment>%1 is &quot;installing the build tools&quot; or &quot;building the trainer&quot;, %2 the host, %3 why it could not go on</extracomment>
        <translation>在 %2 上%1：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 on %2 failed (exit %3); the log ends:
%4</source>
        <extracomment>%1 is &quot;installing the build tools&quot; or &quot;building the trainer&quot;, %2 the host, %3 the exit code, %4 the last lines of the log</extracomment>
        <translation>在 %2 上%1失败（退出码 %3）；日志末尾：
%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>checking the new trainer</source>
        <translation>正在检查新的训练程序</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the trainer built on %1 does not run: %2</source>
        <extracomment>%1 is the host, %2 the trainer&apos;s error output</extracomment>
        <translation>在 %1 上构建的训练程序无法运行：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>trainbench-train on %1: %2</source>
        <extracomment>%1 is the host, %2 the trainer&apos;s path there</extracomment>
        <translation>%1 上的 trainbench-train：%2</translation>
    </message>
</context>
<context>
    <name>tb::HostReportPanel</name>
    <message>
        <location filename="../ui/hosts/host_report_panel.cpp" line="+15"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop probing (Esc)</source>
        <translation>停止探测（Esc）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Select a host to see what it offers.</source>
        <translation>选择一个主机以查看其配置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has not been probed yet: press Probe (F5).</source>
        <translation>%1 尚未探测：请按“探测”（F5）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Probing %1: OS, disks, GPUs, Python and torch…</source>
        <translation>正在探测 %1：操作系统、磁盘、GPU、Python 和 torch…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, probed at %2</source>
        <translation>%1，探测于 %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RAM</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 available)</source>
        <translation>%1（%2 可用）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %L2 MiB</source>
        <translation>%1，%L2 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA (driver)</source>
        <translation>CUDA（驱动）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disks</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 free of %2%3</source>
        <translation>%2 中 %1 可用%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>tb::HostSweeps</name>
    <message>
        <location filename="../remote/runs/host_sweeps.cpp" line="+164"/>
        <source>no run %1 on a host</source>
        <translation>主机上没有运行 %1</translation>
    </message>
</context>
<context>
    <name>tb::HostsController</name>
    <message>
        <location filename="../remote/hosts/hosts_controller_requests.cpp" line="+71"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>connect to %1 first (Ctrl+Return)</source>
        <translation>请先连接 %1（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../remote/hosts/hosts_controller.cpp" line="+60"/>
        <location line="+157"/>
        <source>no host named &apos;%1&apos;</source>
        <translation>没有名为“%1”的主机</translation>
    </message>
</context>
<context>
    <name>tb::HostsPanel</name>
    <message>
        <location filename="../ui/hosts/hosts_panel.cpp" line="+42"/>
        <source>Double-click a host to edit it</source>
        <translation>双击主机进行编辑</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a host from an ssh command, ~/.ssh/config or by hand</source>
        <translation>通过 ssh 命令、~/.ssh/config 或手动添加主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected host</source>
        <translation>编辑所选主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/hosts/hosts_panel_dialogs.cpp" line="+67"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected host (asks first)</source>
        <translation>删除所选主机（会先确认）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to the selected host</source>
        <translation>连接到所选主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect from the selected host</source>
        <translation>断开与所选主机的连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Probe</source>
        <translation>探测(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the host what it offers: GPUs, disks, Python and torch</source>
        <translation>查询主机的配置：GPU、磁盘、Python 和 torch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;repare host…</source>
        <translation>准备主机(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build trainbench-train on the host (once; later runs use the cache)</source>
        <translation>在主机上编译 trainbench-train（只需一次；之后的运行使用缓存）</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Probe of %1 cancelled.</source>
        <translation>已取消对 %1 的探测。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probing %1 failed: %2</source>
        <translation>探测 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Probed %1</source>
        <translation>已探测 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe of %1: %2</source>
        <translation>%1 的探测：%2</translation>
    </message>
    <message>
        <location filename="../ui/hosts/hosts_panel_dialogs.cpp" line="-15"/>
        <source>Saved host %1 in %2</source>
        <translation>已将主机 %1 保存到 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove host</source>
        <translation>删除主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 (%2) from Trainbench?</source>
        <translation>从 Trainbench 中删除 %1（%2）？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs on the host stay where they are; its remembered password is forgotten.</source>
        <translation>主机上的运行保持原样；记住的密码将被清除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removed host %1</source>
        <translation>已删除主机 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not connected to %1 (%2): its host key was not accepted.</source>
        <translation>未连接到 %1（%2）：其主机密钥未被接受。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Forgot the old key of %1. Connect again and compare the new fingerprint with your provider&apos;s console.</source>
        <translation>已忘记 %1 的旧密钥。请重新连接，并将新指纹与云服务商控制台中的进行比对。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Key passphrase — %1</source>
        <translation>密钥密码短语 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password — %1</source>
        <translation>密码 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase of the key file:</source>
        <translation>密钥文件的密码短语：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for %1 (kept for this session only):</source>
        <translation>%1 的密码（仅在本次会话中保留）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not connected to %1 (%2).</source>
        <translation>未连接到 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../ui/hosts/hosts_panel_transfers.cpp" line="+28"/>
        <source>&amp;Upload…</source>
        <translation>上传(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload a folder (packed and streamed) to the host (Ctrl+U)</source>
        <translation>将文件夹上传到主机（打包后流式传输）（Ctrl+U）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wnload…</source>
        <translation>下载(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download a file or folder from the host (Ctrl+Shift+U)</source>
        <translation>从主机下载文件或文件夹（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Transfer with %1 done</source>
        <translation>与 %1 的传输已完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder to upload to %1</source>
        <translation>要上传到 %1 的文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upload to %1</source>
        <translation>上传到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on %1 that will hold the files:</source>
        <translation>%1 上用于存放这些文件的文件夹：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Download from %1</source>
        <translation>从 %1 下载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File or folder on %1:</source>
        <translation>%1 上的文件或文件夹：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local folder to download into</source>
        <translation>下载到的本地文件夹</translation>
    </message>
</context>
<context>
    <name>tb::HostsTableModel</name>
    <message>
        <location filename="../ui/hosts/hosts_table_model.cpp" line="+18"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1, probing</source>
        <translation>%1，探测中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 /h</source>
        <translation>%1 /小时</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Probe the host (Ctrl+P) to see its GPUs</source>
        <translation>探测主机（Ctrl+P）以查看其 GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time since the host booted (its /proc/uptime), read when it connects</source>
        <translation>主机自开机以来的时间（其 /proc/uptime），在连接时读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set a price per hour (Edit…) to see the cost</source>
        <translation>设置每小时价格（编辑…）以查看费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 since boot</source>
        <translation>已开机 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to read how long the host has been up</source>
        <translation>连接后可读取主机已开机的时长</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 via %2</source>
        <translation>%1（经由 %2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up</source>
        <translation>已开机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shutdown</source>
        <translation>关机</translation>
    </message>
</context>
<context>
    <name>tb::LanguageMenu</name>
    <message>
        <location filename="../ui/style/language_menu.cpp" line="+28"/>
        <source>The language changes after a restart of Trainbench</source>
        <translation>重新启动 Trainbench 后语言才会更改</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
</context>
<context>
    <name>tb::LogSearchBar</name>
    <message>
        <location filename="../ui/monitor/log_search_bar.cpp" line="+15"/>
        <source>Find in log</source>
        <translation>在日志中查找</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>tb::LogView</name>
    <message>
        <location filename="../ui/monitor/log_view.cpp" line="+42"/>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep showing the newest output</source>
        <translation>始终显示最新输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load earlier lines</source>
        <translation>加载更早的行</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Following %1</source>
        <translation>正在跟随 %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 KiB of newer output; turn on Follow</source>
        <translation>有 %1 KiB 新输出；请打开“跟随”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for %1</source>
        <translation>正在等待 %1</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::MainWindow</name>
    <message>
        <location filename="../ui/main/main_window.cpp" line="+50"/>
        <source>Trainbench</source>
        <translation>Trainbench</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Runs: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sweep</source>
        <translation>超参数搜索</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh runs</source>
        <translation>刷新运行列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default layout returns at the next start</source>
        <translation>下次启动时将恢复默认布局</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>About Trainbench</source>
        <translation>关于 Trainbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Trainbench&lt;/b&gt; 0.1&lt;br&gt;Train neural networks here or on a rented GPU box; runs keep going when the app closes.&lt;br&gt;Runs root: %1</source>
        <translation>&lt;b&gt;Trainbench&lt;/b&gt; 0.1&lt;br&gt;在本机或租用的 GPU 服务器上训练神经网络；关闭应用后运行仍会继续。&lt;br&gt;运行根目录：%1</translation>
    </message>
</context>
<context>
    <name>tb::MetricChart</name>
    <message>
        <location filename="../ui/plot/metric_chart_interaction.cpp" line="+46"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wall time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>time since start</source>
        <translation>自开始以来的时间</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Reset view (0)</source>
        <translation>重置视图（0）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1. Check that the folder exists and is writable.</source>
        <translation>无法写入 %1。请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export data as CSV…</source>
        <translation>将数据导出为 CSV…</translation>
    </message>
</context>
<context>
    <name>tb::MetricFamily</name>
    <message>
        <location filename="../ui/plot/metric_family.cpp" line="+67"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>throughput (samples/s)</source>
        <translation>吞吐量（样本/秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>tb::ParallelChart</name>
    <message>
        <location filename="../ui/plot/parallel_chart.cpp" line="+112"/>
        <source>%1 (log)</source>
        <translation>%1（对数）</translation>
    </message>
</context>
<context>
    <name>tb::PrepareHostDialog</name>
    <message>
        <location filename="../ui/hosts/prepare_host_dialog.cpp" line="+39"/>
        <source>Prepare host %1</source>
        <translation>准备主机 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Builds trainbench-train on %1 against the box&apos;s own LibTorch, once per source set and torch version; later launches use the cached build.</source>
        <translation>在 %1 上基于该主机自带的 LibTorch 编译 trainbench-train，每套源码和 torch 版本只编译一次；之后的启动使用缓存的编译结果。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+126"/>
        <location line="+47"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs this command on the host, shows its log, then prepares again</source>
        <translation>在主机上运行此命令并显示其日志，然后重新准备</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <location line="+44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>preparing %1 was cancelled</source>
        <translation>已取消准备 %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>no host named %1 in the hosts list</source>
        <translation>主机列表中没有名为 %1 的主机</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <location line="+46"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+57"/>
        <location line="+4"/>
        <location line="+40"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>== connect: %1</source>
        <translation>== 连接：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is offline</source>
        <translation>%1 已离线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the connection to %1 is gone</source>
        <translation>与 %1 的连接已断开</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 was removed or its address changed while it was being prepared; prepare it again</source>
        <translation>%1 在准备过程中被删除或地址已更改；请重新准备</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+64"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+31"/>
        <location line="+33"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was removed from the hosts list</source>
        <translation>%1 已从主机列表中删除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>built %1, but cannot keep its path in %2: %3</source>
        <translation>已编译 %1，但无法将其路径保存到 %2：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is ready: %2</source>
        <translation>%1 已就绪：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>tb::RemoteBackend</name>
    <message>
        <location filename="../remote/runs/remote_backend.cpp" line="+60"/>
        <source>host %1</source>
        <extracomment>%1 is a host&apos;s name; the messages about its runs name the host this way</extracomment>
        <translation>主机 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>only runs of the built-in trainer resume from a checkpoint; launch the script as a new run</source>
        <translation>只有内置训练程序的运行才能从检查点恢复；请将脚本作为新运行启动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no trainer path; prepare the host first</source>
        <translation>%1 没有训练程序路径；请先准备主机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the run wrapper %1; build the project so that tb-wrap.sh sits next to the binaries</source>
        <translation>无法读取运行包装脚本 %1；请先构建项目，让 tb-wrap.sh 位于程序文件旁边</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a sweep&apos;s trials run on a Slurm cluster as jobs of their own; the sweep queue of %1 is not for Slurm hosts</source>
        <translation>在 Slurm 集群上，超参数搜索的每个试验都作为独立作业运行；%1 的超参数搜索队列不适用于 Slurm 主机</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot submit to %1: %2</source>
        <translation>无法提交到 %1：%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>no parent run %1 on %2</source>
        <translation>%2 上没有父运行 %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>cannot launch on %1: %2</source>
        <translation>无法在 %1 上启动：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the runs folder %1 on %2: %3; check the host&apos;s runs root and its free space</source>
        <extracomment>%1 is the runs root, %2 the host, %3 what the box said</extracomment>
        <translation>无法在 %2 上创建运行文件夹 %1：%3；请检查该主机的运行根目录及其剩余空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create a run folder in %1 on %2: %3; check the host&apos;s runs root and its free space</source>
        <translation>无法在 %2 的 %1 中创建运行文件夹：%3；请检查该主机的运行根目录及其剩余空间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected answer from %1 when creating the run folder</source>
        <translation>创建运行文件夹时，%1 的回复出乎意料</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the config of run %1 is too large to send to %2 in one command; shorten it</source>
        <translation>运行 %1 的配置太大，无法用一条命令发送到 %2；请精简它</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run %1 on %2 may not have started: %3</source>
        <translation>%2 上的运行 %1 可能没有启动：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slurm on %1 refused run %2: %3; check the partition, account, GPUs and time limit</source>
        <translation>%1 上的 Slurm 拒绝了运行 %2：%3；请检查分区、账户、GPU 和时间限制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run %1 did not start on %2: %3</source>
        <translation>运行 %1 没有在 %2 上启动：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot list runs on %1: %2</source>
        <translation>无法列出 %1 上的运行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot list runs in %1 on %2: %3</source>
        <translation>无法列出 %2 上 %1 中的运行：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>launching on %1</source>
        <extracomment>what got no answer, as in &quot;launching on host gpu-box got no answer in 120 s&quot;</extracomment>
        <translation>在 %1 上启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stopping run %1 on %2</source>
        <extracomment>what got no answer, as in &quot;stopping run R on host gpu-box got no answer in 120 s&quot;</extracomment>
        <translation>停止 %2 上的运行 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>killing run %1 on %2</source>
        <extracomment>what got no answer, as in &quot;killing run R on host gpu-box got no answer in 120 s&quot;</extracomment>
        <translation>强制终止 %2 上的运行 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../remote/runs/remote_backend_signal.cpp" line="+41"/>
        <source>no run %1 on %2</source>
        <translation>%2 上没有运行 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>cannot list the checkpoints of run %1 on %2: %3</source>
        <translation>无法列出 %2 上运行 %1 的检查点：%3</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../remote/runs/remote_backend_signal.cpp" line="+28"/>
        <source>no run %1 in %2 on %3</source>
        <translation>%3 的 %2 中没有运行 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 on %2 has no config.yaml to edit; resume it instead</source>
        <translation>%2 上的 %1 没有可编辑的 config.yaml；请改为恢复它</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>listing the checkpoints of run %1 on %2</source>
        <extracomment>what got no answer, as in &quot;... on host gpu-box got no answer in 120 s&quot;</extracomment>
        <translation>列出 %2 上运行 %1 的检查点</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>listing runs on %1</source>
        <extracomment>what got no answer, as in &quot;listing runs on host gpu-box got no answer in 120 s&quot;</extracomment>
        <translation>列出 %1 上的运行</translation>
    </message>
    <message>
        <location filename="../remote/runs/remote_backend_signal.cpp" line="-5"/>
        <location line="+22"/>
        <source>could not signal run %1 on %2: %3</source>
        <translation>无法向 %2 上的运行 %1 发送信号：%3</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>run %1 on %2 has already ended (%3)</source>
        <translation>%2 上的运行 %1 已经结束（%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1 on %2 has not started a process yet; try again in a moment</source>
        <translation>%2 上的运行 %1 尚未启动进程；请稍后再试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slurm did not answer about run %1 on %2 (squeue failed); check the cluster and try again</source>
        <translation>Slurm 没有返回 %2 上运行 %1 的信息（squeue 失败）；请检查集群后重试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the process of run %1 on %2 is gone; it ended or was lost</source>
        <translation>%2 上运行 %1 的进程已不存在；它已结束或丢失</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>could not signal run %1 on %2: %3 The connection did not come back; press Stop again once the host is connected.</source>
        <translation>无法向 %2 上的运行 %1 发送信号：%3 连接没有恢复；请在主机连接后再次点击“停止”。</translation>
    </message>
</context>
<context>
    <name>tb::RemoteCheckpointsBar</name>
    <message>
        <location filename="../ui/main/remote_checkpoints_bar.cpp" line="+22"/>
        <source>Resume on…</source>
        <translation>恢复到…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fork…</source>
        <translation>派生…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume on another host (the checkpoint is uploaded there first) or on this machine (downloaded first)</source>
        <translation>在另一台主机上恢复（先将检查点上传到该主机）或在本机恢复（先下载）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download the checkpoint with its sidecar and the run&apos;s config; an interrupted download resumes, and the copy is checked by sha256</source>
        <translation>下载检查点及其附属文件和该运行的配置；中断的下载可续传，副本会用 sha256 校验</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume on %1</source>
        <translation>在 %1 上恢复</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Resume on</source>
        <translation>恢复到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume %1 on:</source>
        <translation>将 %1 恢复到：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Host %1 is not in the hosts list</source>
        <translation>主机 %1 不在主机列表中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Download the checkpoint into</source>
        <translation>将检查点下载到</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Downloaded to %1</source>
        <translation>已下载到 %1</translation>
    </message>
</context>
<context>
    <name>tb::RemoteFollower</name>
    <message>
        <location filename="../remote/runs/remote_follow.cpp" line="+109"/>
        <source>following status.json of run %1 on %2 stopped (exit %3): %4</source>
        <extracomment>%1 is a run id, %2 its host, %3 the follow command&apos;s exit status, %4 what it printed</extracomment>
        <translation>跟踪 %2 上运行 %1 的 status.json 已中断（退出码 %3）：%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>following metrics.jsonl and output.log of run %1 on %2 stopped (exit %3): %4</source>
        <translation>跟踪 %2 上运行 %1 的 metrics.jsonl 和 output.log 已中断（退出码 %3）：%4</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>run %1 on %2: a metrics.jsonl line longer than %3 MiB was skipped (%4 so far); a metrics record should be one short JSON line</source>
        <extracomment>%3 is the longest line in MiB, %4 how many lines were skipped so far</extracomment>
        <translation>%2 上的运行 %1：跳过了一行超过 %3 MiB 的 metrics.jsonl（目前共 %4 行）；每条指标记录应为一行简短的 JSON</translation>
    </message>
</context>
<context>
    <name>tb::RemoteGpuMonitor</name>
    <message>
        <location filename="../remote/hosts/remote_gpu_monitor.cpp" line="+105"/>
        <source>%1: “%2” not found there (is the NVIDIA driver installed?)</source>
        <translation>%1：那里找不到“%2”（是否安装了 NVIDIA 驱动？）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>waiting for the connection to %1; GPU readings resume when it is back</source>
        <translation>正在等待与 %1 的连接；连接恢复后继续读取 GPU 数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting for the connection to %1 (%2); GPU readings resume when it is back</source>
        <extracomment>%1 is the host, %2 why the connection is down</extracomment>
        <translation>正在等待与 %1 的连接（%2）；连接恢复后继续读取 GPU 数据</translation>
    </message>
</context>
<context>
    <name>tb::RemoteJob</name>
    <message>
        <location filename="../remote/prepare/prepare_host_job.cpp" line="+74"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>could not start the job in %1: %2</source>
        <translation>无法在 %1 中启动任务：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>lost track of the job in %1 (%2); it may still run there: prepare again to follow it</source>
        <extracomment>%1 is a folder on the host, %2 why (&quot;no answer&quot; or a connection error)</extracomment>
        <translation>已失去对 %1 中任务的跟踪（%2）；它可能仍在运行：请重新准备主机以继续跟踪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
</context>
<context>
    <name>tb::RemoteRuns</name>
    <message>
        <location filename="../remote/runs/remote_runs.cpp" line="+154"/>
        <source>no host named %1 in the hosts list</source>
        <translation>主机列表中没有名为 %1 的主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1 is %2; connect it in the Hosts dock, then try again</source>
        <translation>主机 %1 当前%2；请在“主机”面板中连接它，然后重试</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+50"/>
        <source>host %1 was removed</source>
        <translation>主机 %1 已被移除</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>host %1 has no trainer yet; prepare it (Hosts dock, Prepare host…)</source>
        <translation>主机 %1 还没有训练程序；请先准备它（“主机”面板 → 准备主机…）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the trainer %1 is gone from host %2; prepare it again</source>
        <translation>主机 %2 上的训练程序 %1 已不存在；请重新准备该主机</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>run %1 is not a remote run</source>
        <translation>运行 %1 不是远程运行</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not following %1: at most %2 runs per host stream at once (each takes two of the %3 channels sshd allows a connection). Deselect one to follow another.</source>
        <translation>未跟踪 %1：每台主机最多同时传输 %2 个运行（每个运行占用 sshd 允许每个连接使用的 %3 个通道中的两个）。取消选择一个运行后再跟踪其他运行。</translation>
    </message>
</context>
<context>
    <name>tb::RunActions</name>
    <message>
        <location filename="../ui/main/run_actions.cpp" line="+33"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &amp;Script…</source>
        <translation>运行脚本(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run your own command (python train.py …) on the chosen target</source>
        <translation>在所选目标上运行你自己的命令（python train.py …）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &amp;Notebook…</source>
        <translation>运行 Notebook(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a Jupyter notebook&apos;s cells in order on the chosen target, headless; an executed copy with every output is kept in the run folder</source>
        <translation>在所选目标上以无界面方式按顺序运行 Jupyter Notebook 的各个单元格；带有全部输出的已执行副本保存在运行文件夹中</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Train this config on the chosen target (Ctrl+R)</source>
        <translation>在所选目标上训练此配置（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+11"/>
        <source>Run Notebook</source>
        <translation>运行 Notebook</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Jupyter notebooks (*.ipynb)</source>
        <translation>Jupyter Notebook (*.ipynb)</translation>
    </message>
</context>
<context>
    <name>tb::RunAlerts</name>
    <message>
        <location filename="../ui/monitor/run_alerts.cpp" line="-51"/>
        <source>Stalled &amp;after</source>
        <translation>判定卡住的时间(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automatic: three usual gaps, at least 5 min</source>
        <translation>自动：通常记录间隔的三倍，至少 5 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min without metrics</source>
        <translation>%1 分钟没有新指标</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Trainbench</source>
        <translation>Trainbench</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Alerts</source>
        <translation>提醒(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &amp;finished</source>
        <translation>运行已完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run failed or &amp;lost</source>
        <translation>运行失败或丢失(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;NaN or Inf in a metric</source>
        <translation>指标出现 NaN 或 Inf(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run &amp;stalled</source>
        <translation>运行卡住(&amp;S)</translation>
    </message>
</context>
<context>
    <name>tb::RunCatalog</name>
    <message>
        <location filename="../core/runs/run_catalog.cpp" line="+160"/>
        <source>no run &apos;%1&apos; in %2; refresh the list and try again</source>
        <translation>%2 中没有运行“%1”，请刷新列表后重试</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>run %1 lives on host %2; names, tags and notes are kept for local runs only so far</source>
        <translation>运行 %1 位于主机 %2 上；目前只有本机运行才能保存名称、标签和备注</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>could not save the notes of run %1: %2</source>
        <translation>无法保存运行 %1 的备注：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>run %1 lives on host %2; delete it there (its folder under the host&apos;s runs root)</source>
        <translation>运行 %1 位于主机 %2 上，请在该主机上删除它（主机运行根目录下的对应文件夹）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>run %1 is still %2; stop it first, then delete it once it has ended</source>
        <extracomment>%2 is the run&apos;s state as the run folder spells it (queued, starting, running)</extracomment>
        <translation>运行 %1 仍处于 %2 状态，请先停止它，待其结束后再删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>could not delete all of %1; check its permissions and delete the rest by hand</source>
        <translation>无法完全删除 %1，请检查其权限并手动删除剩余部分</translation>
    </message>
</context>
<context>
    <name>tb::RunController</name>
    <message>
        <location filename="../ui/main/run_controller.cpp" line="+50"/>
        <location line="+50"/>
        <location line="+102"/>
        <source>Host %1 is not in the hosts list</source>
        <translation>主机 %1 不在主机列表中</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Starting a run on %1…</source>
        <translation>正在 %1 上启动运行…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Started %1</source>
        <translation>已启动 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+155"/>
        <source>Started %1 on %2</source>
        <translation>已在 %2 上启动 %1</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>%1 needs preparing first (Hosts dock, Prepare host…)</source>
        <translation>%1 需要先准备（主机面板，“准备主机…”）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is being prepared; press Run again when it is ready</source>
        <translation>%1 正在准备中；就绪后请再次点击“运行”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>preparing it was cancelled</source>
        <translation>准备已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing launched on %1: %2</source>
        <translation>未在 %1 上启动任何运行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing %1 before its first run…</source>
        <translation>首次运行前正在准备 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No run %1; refresh the list and try again</source>
        <translation>没有运行 %1；请刷新列表后重试</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stopping %1: the trainer finishes its step and writes a checkpoint</source>
        <translation>正在停止 %1：训练程序会完成当前步并写入检查点</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run still running</source>
        <translation>运行仍在进行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has not stopped %2 s after the stop request. Kill it now? The last checkpoint is kept; work since then is lost.</source>
        <translation>发出停止请求 %2 秒后 %1 仍未停止。现在强制结束吗？最后一个检查点会保留；此后的训练进度将丢失。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1: %2 %</source>
        <translation>%1：%2 %</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fork with an edited config</source>
        <translation>用修改后的配置派生</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fork</source>
        <translation>派生</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit the config (e.g. a lower optim.lr); the model must stay the same.</source>
        <translation>编辑配置（例如调低 optim.lr）；模型必须保持不变。</translation>
    </message>
</context>
<context>
    <name>tb::RunTargetBox</name>
    <message>
        <location filename="../ui/main/run_target_box.cpp" line="+21"/>
        <source>Where Run trains: this machine or a host from the Hosts dock</source>
        <translation>“运行”在哪里训练：本机或主机面板中的某台主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shut down the host when the run ends</source>
        <translation>运行结束时关闭主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the cluster&apos;s defaults</source>
        <translation>集群默认值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This run&apos;s sbatch options on the Slurm cluster: partition, gpus (per node), nodes, cpus, time, account — e.g. partition=gpu,gpus=2,time=4:00:00. Starts as the host&apos;s (Edit… in the Hosts dock)</source>
        <translation>本次运行在 Slurm 集群上的 sbatch 选项：partition、gpus（每节点）、nodes、cpus、time、account —— 例如 partition=gpu,gpus=2,time=4:00:00。初始值取自主机设置（主机面板中的“编辑…”）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;lurm:</source>
        <translation>S&amp;lurm：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Host %1</source>
        <translation>主机 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host %1 (Slurm)</source>
        <translation>主机 %1（Slurm）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>After the run ends (any final state) %1 counts 5 minutes down, which you can cancel, then runs its shutdown command (Edit… in the Hosts dock)</source>
        <translation>运行结束后（无论以何种状态结束），%1 会倒计时 5 分钟（可以取消），然后执行其关机命令（在主机面板中“编辑…”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a host in Run on: this machine is never shut down</source>
        <translation>请在工具栏的运行目标中选择一台主机：本机永远不会被关机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a cluster&apos;s login node, shared with others: it is never shut down</source>
        <translation>%1 是与他人共用的集群登录节点：不会被关机</translation>
    </message>
</context>
<context>
    <name>tb::RunsPanel</name>
    <message>
        <location filename="../ui/main/runs_panel.cpp" line="+30"/>
        <source>Filter runs (name, state, tag…)</source>
        <translation>筛选运行（名称、状态、标签…）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Delete run…</source>
        <translation>删除运行…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+138"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags, separated by commas:</source>
        <translation>标签，用逗号分隔：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n run(s) with their checkpoints and logs? This cannot be undone.</source>
        <translation>
            <numerusform>删除 %n 个运行及其检查点和日志？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Some runs were kept</source>
        <translation>部分运行未被删除</translation>
    </message>
</context>
<context>
    <name>tb::RunsTableModel</name>
    <message>
        <location filename="../ui/main/runs_table_display.cpp" line="+84"/>
        <source>local</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../ui/main/runs_table_model.cpp" line="+200"/>
        <source>code: %1</source>
        <translation>代码：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On host %1, in %2</source>
        <translation>在主机 %1 上，位于 %2</translation>
    </message>
    <message>
        <location filename="../ui/main/runs_panel.cpp" line="-226"/>
        <location filename="../ui/main/runs_table_display.cpp" line="+83"/>
        <source>%1/%2 done</source>
        <translation>%1/%2 已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/main/runs_table_display.cpp" line="+1"/>
        <source>, %1 running</source>
        <translation>，%1 运行中</translation>
    </message>
    <message>
        <location filename="../ui/main/runs_table_display.cpp" line="-88"/>
        <source>queued · %1</source>
        <translation>排队中 · %1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>, %1 cancelled</source>
        <translation>，%1 已取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>best %1 %2</source>
        <translation>最佳 %1 %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Sweep %1: select it to compare its trials and overlay their curves</source>
        <translation>超参数搜索 %1：选中它可对比各试验并叠加它们的曲线</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>nodes busy</source>
        <translation>节点繁忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>behind other jobs</source>
        <translation>排在其他作业之后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lost</source>
        <translation>已失联</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch / step</source>
        <translation>轮次 / 步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best val acc</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parent</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shutdown</source>
        <translation>关机</translation>
    </message>
</context>
<context>
    <name>tb::ScriptRunDialog</name>
    <message>
        <location filename="../ui/main/script_run_dialog.cpp" line="+14"/>
        <source>Run Script</source>
        <translation>运行脚本</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+230"/>
        <source>empty: the run&apos;s own directory</source>
        <translation>留空：使用该运行自己的目录</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>Where the script&apos;s SummaryWriter writes, relative to the working dir (empty: runs, its default). Scalars of event files written there or in the run&apos;s folder become curves.</source>
        <translation>脚本的 SummaryWriter 写入的目录，相对于工作目录（留空：runs，即其默认值）。写在该目录或本次运行文件夹中的事件文件，其标量会成为曲线。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paste a line of the script&apos;s output</source>
        <translation>粘贴脚本输出中的一行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Runs under the same wrapper as the built-in trainer (status, log, stop). {key.path} placeholders, e.g. {optim.lr} or {train.epochs}, are filled from the config.</source>
        <translation>与内置训练程序使用同一个包装器运行（状态、日志、停止）。{key.path} 占位符（例如 {optim.lr} 或 {train.epochs}）会用配置中的值填充。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+83"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Choose a folder on this machine</source>
        <translation>选择本机上的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder on %1: type its path</source>
        <translation>%1 上的文件夹：请输入其路径</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use the editor&apos;s config</source>
        <translation>使用编辑器中的配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the editor&apos;s config (%1)</source>
        <translation>使用编辑器中的配置（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unchecked: placeholders take the schema&apos;s defaults</source>
        <translation>不勾选时：占位符取 schema 中的默认值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More than 1: the python script starts this many times, one per GPU, through the machine&apos;s torchrun (data-parallel); trainbench_log.py records rank 0 only</source>
        <translation>大于 1 时：通过该机器的 torchrun 将 Python 脚本启动相应次数，每块 GPU 一个进程（数据并行）；trainbench_log.py 只记录 rank 0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working dir:</source>
        <translation>工作目录：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment line:</source>
        <translation>环境变量行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics regex:</source>
        <translation>指标正则：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test a line:</source>
        <translation>测试一行：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TensorBoard dir:</source>
        <translation>TensorBoard 目录：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processes per node:</source>
        <translation>每节点进程数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Sync this folder first:</source>
        <translation>先同步此文件夹：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mirror a folder of this machine into the working dir on %1 before the run: only changed files travel; in a git work tree the files git keeps, else all but what .trainbenchignore leaves out. run.json records the commit and the files.</source>
        <translation>运行前把本机的一个文件夹同步到 %1 上的工作目录：只传输有改动的文件；在 git 仓库中同步 git 保留的文件，否则同步 .trainbenchignore 未排除的全部文件。run.json 会记录提交和文件清单。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a folder on this machine</source>
        <translation>本机上的文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder to sync</source>
        <translation>要同步的文件夹</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a folder of this machine to sync</source>
        <translation>请选择本机上要同步的文件夹</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No regex: metrics come from trainbench_log.py (metrics.jsonl).</source>
        <translation>未设置正则：指标来自 trainbench_log.py（metrics.jsonl）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every output line it matches becomes a point: %1</source>
        <translation>每个匹配的输出行都会成为一个数据点：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Started %1 times through torchrun --standalone --nproc_per_node=%1.</source>
        <translation>通过 torchrun --standalone --nproc_per_node=%1 启动 %1 个进程。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>empty: ~/code/%1</source>
        <translation>留空：~/code/%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mirrored into %1 on %2 before the run starts.</source>
        <translation>运行开始前同步到 %2 上的 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write the command as python SCRIPT.py, or use 1 process</source>
        <translation>请把命令写成 python SCRIPT.py，或改用 1 个进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the command to run</source>
        <translation>请输入要运行的命令</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Fix the metrics regex first</source>
        <translation>请先修正指标正则</translation>
    </message>
</context>
<context>
    <name>tb::ShutdownBanner</name>
    <message>
        <location filename="../ui/main/shutdown_banner.cpp" line="+19"/>
        <source>Cancel shutdown</source>
        <translation>取消关机</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 %2 (sweep %3)</source>
        <translation>%1 %2（超参数搜索 %3）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1 %2 (run %3)</source>
        <translation>%1 %2（运行 %3）</translation>
    </message>
</context>
<context>
    <name>tb::ShutdownControl</name>
    <message>
        <location filename="../remote/runs/shutdown_control.cpp" line="+19"/>
        <source>the shutdown watcher is missing from this build</source>
        <translation>此构建中缺少关机监视程序</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: no run directory %2 (or it cannot be written); check the run&apos;s path on the box</source>
        <translation>%1：没有运行目录 %2（或无法写入）；请检查该运行在主机上的路径</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: shutdown command for %2 failed (exit %3): %4</source>
        <extracomment>%1 is the host, %2 the run&apos;s folder, %3 the exit status, %4 the reason</extracomment>
        <translation>%1：%2 的关机命令失败（退出码 %3）：%4</translation>
    </message>
</context>
<context>
    <name>tb::ShutdownWatch</name>
    <message>
        <location filename="../remote/runs/shutdown_watch.cpp" line="+64"/>
        <source>%1 is not a run on a host: only a rented host can be shut down when its run ends</source>
        <translation>%1 不是主机上的运行：只有租用的主机才能在运行结束后关机</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No stored host named %1 (run %2)</source>
        <translation>没有名为 %1 的已保存主机（运行 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2: connect it in the Hosts dock, then arm the shutdown of %3 again</source>
        <translation>%1 当前%2：请在“主机”面板中连接它，然后重新为 %3 设置关机</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 runs `%2` %3 after %4 ends, unless cancelled</source>
        <translation>%4 结束 %3 后，%1 将执行 `%2`，除非取消</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Run %1 never appeared in its host&apos;s list: its shutdown was not armed (arm it from the run&apos;s menu)</source>
        <translation>运行 %1 从未出现在其主机的列表中：未设置关机（请在该运行的菜单中设置）</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>arming shutdown…</source>
        <translation>正在设置关机…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelling shutdown…</source>
        <translation>正在取消关机…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shutdown not armed</source>
        <translation>未设置关机</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+52"/>
        <source>shutdown armed</source>
        <translation>已设置关机</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>host shuts down in %1</source>
        <translation>主机将在 %1 后关机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host shutting down</source>
        <translation>主机正在关机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown cancelled</source>
        <translation>关机已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host shut down</source>
        <translation>主机已关机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown failed</source>
        <translation>关机失败</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>shuts down in %1</source>
        <translation>%1 后关机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
</context>
<context>
    <name>tb::SweepAddDialog</name>
    <message>
        <location filename="../ui/sweep/sweep_add_dialog.cpp" line="+67"/>
        <source>Add Trials to %1</source>
        <translation>向 %1 添加试验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More trials for %1: each starts from the sweep&apos;s own config or command and runs on its slots, numbered after its last trial. The metric and goal stay %2 (%3).</source>
        <translation>为 %1 添加更多试验：每个试验都从该超参数搜索自己的配置或命令开始，在它的槽位上运行，编号接在最后一个试验之后。指标和目标保持为 %2（%3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No problems: the trials are ready to be queued.</source>
        <translation>没有问题：这些试验可以加入队列。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add Trials</source>
        <translation>添加试验(&amp;A)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fix the problems listed under the text first</source>
        <translation>请先修正文本下方列出的问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The metric and goal must stay %1 (%2): the trials are ranked together</source>
        <translation>指标和目标必须保持为 %1（%2）：所有试验一起排名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These lines make no trial</source>
        <translation>这些内容没有生成任何试验</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More trials to queue: %1</source>
        <translation>将加入队列的试验：%1 个</translation>
    </message>
</context>
<context>
    <name>tb::SweepCompareModel</name>
    <message>
        <location filename="../ui/sweep/sweep_compare_model.cpp" line="+77"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Best trial by %1 (%2)</source>
        <translation>按 %1 的最佳试验（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Best %1</source>
        <translation>最佳 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final %1</source>
        <translation>最终 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>tb::SweepComparePanel</name>
    <message>
        <location filename="../ui/sweep/sweep_compare_panel.cpp" line="+47"/>
        <source>Export Sweep as CSV…</source>
        <translation>将超参数搜索导出为 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Trials…</source>
        <translation>添加试验…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Queue more trials in this sweep, numbered after its last</source>
        <translation>向这个超参数搜索的队列添加更多试验，编号接在最后一个之后</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Select a sweep in the runs table to compare its trials.</source>
        <translation>在运行列表中选择一个超参数搜索，即可对比其试验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2/%3 done</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2/%3 已完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, %1 running</source>
        <translation>，%1 运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 queued</source>
        <translation>，%1 排队中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · best %1 %2 (trial %3: %4)</source>
        <translation> · 最佳 %1 %2（试验 %3：%4）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Colour by %1: green best, red worst, grey none yet. Click a line to select its trial.</source>
        <translation>颜色表示 %1：绿色最好，红色最差，灰色尚无数值。点击一条线即选中其试验。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Fork from best checkpoint…</source>
        <translation>从最佳检查点派生…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel trial</source>
        <translation>取消试验</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel sweep</source>
        <translation>取消超参数搜索</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best trial</source>
        <translation>最佳试验</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export sweep</source>
        <translation>导出超参数搜索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>tb::SweepDialog</name>
    <message>
        <location filename="../ui/sweep/sweep_dialog.cpp" line="+55"/>
        <source>Run Sweep</source>
        <translation>运行超参数搜索</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Run Sweep</source>
        <translation>运行超参数搜索(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Runs on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut the host down when the sweep ends</source>
        <translation>超参数搜索结束后关闭主机</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Each trial starts from</source>
        <translation>每个试验的起点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the config in the editor</source>
        <translation>编辑器中的配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the config in the editor (%1)</source>
        <translation>编辑器中的配置（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a config file:</source>
        <translation>配置文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a script command:</source>
        <translation>脚本命令：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>path to a .yaml config</source>
        <translation>.yaml 配置文件的路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Config for the sweep</source>
        <translation>超参数搜索的配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>working dir (empty: the run&apos;s own)</source>
        <translation>工作目录（留空：运行自己的目录）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metrics regex (optional)</source>
        <translation>指标正则表达式（可选）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sweep</source>
        <translation>超参数搜索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No problems: the sweep is ready to run.</source>
        <translation>没有问题：超参数搜索可以运行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Slots (trials at a time)</source>
        <translation>槽位（同时运行的试验数）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU slots:</source>
        <translation>CPU 槽位：</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>GPUs: none found on this machine</source>
        <translation>GPU：本机未找到 GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs: none found on %1</source>
        <translation>GPU：%1 上没有找到 GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs: %1 not probed yet</source>
        <translation>GPU：%1 尚未检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe %1 in the Hosts dock to list its GPUs</source>
        <translation>在“主机”面板中检测 %1，即可列出它的 GPU</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>GPUs:</source>
        <translation>GPU：</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Once the queue drains (or the sweep is cancelled) the host counts down and powers off, so it stops billing; Cancel shutdown in the status bar stops the countdown</source>
        <translation>队列跑完（或超参数搜索被取消）后，主机倒计时并关机，不再计费；状态栏里的“取消关机”可停止倒计时</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Small models: several trials share one GPU</source>
        <translation>小模型：多个试验共用一块 GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trials per GPU:</source>
        <translation>每块 GPU 的试验数：</translation>
    </message>
    <message>
        <location filename="../ui/sweep/sweep_dialog_check.cpp" line="+93"/>
        <source>Trials: %1</source>
        <translation>试验数：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trials: none until the problems are fixed</source>
        <translation>试验数：修正问题之前为零</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix the sweep&apos;s problems first: they are listed under its text</source>
        <translation>请先修正超参数搜索的问题：它们列在文本下方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sweep has no trials</source>
        <translation>该超参数搜索没有试验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the config file every trial starts from</source>
        <translation>请选择每个试验所基于的配置文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the command every trial runs</source>
        <translation>请输入每个试验要运行的命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick at least one GPU, or use CPU slots</source>
        <translation>请至少勾选一块 GPU，或使用 CPU 槽位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trials: %1, run %2 at a time</source>
        <translation>试验数：%1，同时运行 %2 个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open sweep</source>
        <translation>打开超参数搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Sweep files (*.yaml *.yml)</source>
        <translation>超参数搜索文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save sweep</source>
        <translation>保存超参数搜索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>tb::SweepUi</name>
    <message>
        <location filename="../ui/main/sweep_ui.cpp" line="+63"/>
        <source>Run S&amp;weep…</source>
        <translation>运行超参数搜索(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run the config or a script many times with other values and compare the trials</source>
        <translation>用不同的取值多次运行配置或脚本，并对比各试验</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Cannot write the sweep to %1</source>
        <translation>无法把超参数搜索写入 %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sweep not started</source>
        <translation>超参数搜索未启动</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Sweep %1 started, trials: %2</source>
        <translation>超参数搜索 %1 已启动，试验数：%2</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+93"/>
        <source>Host %1 is not in the hosts list</source>
        <translation>主机 %1 不在主机列表中</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Starting a sweep on %1…</source>
        <translation>正在 %1 上启动超参数搜索…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sweep %1 started on %2, trials: %3</source>
        <translation>超参数搜索 %1 已在 %2 上启动，试验数：%3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 has no checkpoint yet to fork from</source>
        <translation>%1 还没有可派生的检查点</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Listing the checkpoints of %1 on %2…</source>
        <translation>正在列出 %2 上 %1 的检查点…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write the trials to %1</source>
        <translation>无法把试验写入 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trials not added</source>
        <translation>试验未添加</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 more trials queued in sweep %2</source>
        <translation>已向超参数搜索 %2 的队列添加 %1 个试验</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adding trials to %1 on %2…</source>
        <translation>正在向 %2 上的 %1 添加试验…</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>Trial %1 will not run</source>
        <translation>试验 %1 将不会运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trial %1 is being stopped</source>
        <translation>正在停止试验 %1</translation>
    </message>
    <message>
        <location line="+284"/>
        <source>Sweep %1 on %2: every trial is being cancelled</source>
        <translation>%2 上的超参数搜索 %1：正在取消所有试验</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel sweep</source>
        <translation>取消超参数搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel every queued and running trial of %1? Finished trials and their checkpoints are kept.</source>
        <translation>取消 %1 中所有排队和运行中的试验？已完成的试验及其检查点会保留。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sweep %1: every trial is being cancelled</source>
        <translation>超参数搜索 %1：正在取消所有试验</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compare trials</source>
        <translation>对比试验</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add trials…</source>
        <translation>添加试验…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel sweep…</source>
        <translation>取消超参数搜索…</translation>
    </message>
</context>
<context>
    <name>tb::ThemeMenu</name>
    <message>
        <location filename="../ui/style/theme_menu.cpp" line="+62"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
</context>
<context>
    <name>tb::TransferDialog</name>
    <message>
        <location filename="../ui/hosts/transfer_dialog.cpp" line="+23"/>
        <source>Upload to %1</source>
        <translation>上传到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download from %1</source>
        <translation>从 %1 下载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
→ %2:%3</source>
        <translation>%1
→ %2:%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1:%2
→ %3</source>
        <translation>%1:%2
→ %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop the transfer; what was sent is cleaned up (Esc)</source>
        <translation>停止传输；已发送的内容会被清理（Esc）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2%3 · %4/s · %5 left</source>
        <translation>%1：%2%3 · %4/s · 剩余 %5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in %L1 files</source>
        <translation>，共 %L1 个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, resumed after %1</source>
        <translation>，从 %1 处续传</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled. %1</source>
        <translation>已取消。%1</translation>
    </message>
</context>
<context>
    <name>tb::UnknownHostKeyDialog</name>
    <message>
        <location filename="../ui/hosts/host_key_dialogs.cpp" line="-54"/>
        <source>Unknown host key — %1</source>
        <translation>未知的主机密钥 — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trainbench has not connected to %1 before. The host identifies itself with this key fingerprint:</source>
        <translation>Trainbench 之前从未连接过 %1。该主机出示的密钥指纹为：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept it only if it matches what your provider&apos;s console shows. Once accepted it is recorded in known_hosts, and any later change is refused.</source>
        <translation>仅当它与云服务商控制台显示的一致时才接受。接受后会记录到 known_hosts，此后任何变更都将被拒绝。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Accept and connect</source>
        <translation>接受并连接(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust %1 for %2</source>
        <translation>信任 %2 的指纹 %1</translation>
    </message>
</context>
</TS>
