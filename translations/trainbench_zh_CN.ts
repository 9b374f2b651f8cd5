<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <location filename="../ui/config/config_form.cpp" line="+26"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
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
    <message>
        <location filename="../core/services/run_notify_policy.cpp" line="+52"/>
        <source>Run finished</source>
        <translation>运行已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 finished.</source>
        <translation>%1 已完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed. Its output.log says why.</source>
        <translation>%1 失败了。原因见其 output.log。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run lost</source>
        <translation>运行丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 stopped reporting and its process is gone.</source>
        <translation>%1 不再汇报，其进程已不存在。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sweep finished</source>
        <translation>超参数搜索已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep %1: %2 of %3 trials finished.</source>
        <translation>超参数搜索 %1：%3 个试验中已完成 %2 个。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a number</source>
        <translation>%1 不是数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 became %3.</source>
        <translation>%1：%2 变成了 %3。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>its process still reports (heartbeat %1 s ago): it may hang in data loading, a deadlock or a slow evaluation.</source>
        <translation>其进程仍在汇报（心跳在 %1 秒前）：可能卡在数据加载、死锁或缓慢的评估中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>and no heartbeat either: the process may hang or be paused.</source>
        <translation>而且也没有心跳：进程可能卡住或被暂停了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run stalled</source>
        <translation>运行停滞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 wrote no metrics for %2 min; %3</source>
        <translation>%1 已有 %2 分钟没有写入指标；%3</translation>
    </message>
</context>
<context>
    <name>RemoteSweep</name>
    <message>
        <location filename="../remote/runs/remote_sweep.cpp" line="+41"/>
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
        <translation>试验 %1：%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the sweep&apos;s scheduler did not start on %1: %2</source>
        <translation>超参数搜索的调度器没有在 %1 上启动：%2</translation>
    </message>
    <message>
        <location line="+45"/>
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
    <name>SshSession</name>
    <message>
        <location filename="../remote/ssh/ssh_session.cpp" line="+188"/>
        <source>Jump host for %1: %2</source>
        <translation>%1 的跳板机：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot reach %1 through %2: %3</source>
        <translation>无法通过 %2 连接到 %1：%3</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+30"/>
        <source>Cannot record the host key of %1: %2</source>
        <translation>无法记录 %1 的主机密钥：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot check the host key of %1: %2</source>
        <translation>无法检查 %1 的主机密钥：%2</translation>
    </message>
    <message>
        <location filename="../remote/ssh/ssh_session_auth.cpp" line="+31"/>
        <location line="+107"/>
        <source>Login to %1 failed: %2</source>
        <translation>登录 %1 失败：%2</translation>
    </message>
    <message>
        <location line="-55"/>
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
        <location line="+23"/>
        <source>The key file %1 for %2 does not exist; check the path given with -i or --key.</source>
        <translation>%2 使用的密钥文件 %1 不存在；请检查 -i 或 --key 给出的路径。</translation>
    </message>
    <message>
        <location filename="../remote/ssh/ssh_session_keepalive.cpp" line="+25"/>
        <source>The connection to %1 was lost (%2).</source>
        <translation>与 %1 的连接已断开（%2）。</translation>
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
    <name>tb::ChangedHostKeyDialog</name>
    <message>
        <location filename="../ui/hosts/host_key_dialogs.cpp" line="+51"/>
        <source>Host key changed — %1</source>
        <translation>主机密钥已变更 — %1</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+6"/>
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
    <name>tb::CheckpointMove</name>
    <message>
        <location filename="../remote/runs/checkpoint_move.cpp" line="+46"/>
        <source>listing the checkpoints of %1 on %2</source>
        <translation>正在列出 %2 上 %1 的检查点</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>downloading %1 from %2</source>
        <translation>正在从 %2 下载 %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>starting the resumed run on this machine</source>
        <translation>正在本机上启动恢复的运行</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+46"/>
        <source>starting the resumed run on %1</source>
        <translation>正在 %1 上启动恢复的运行</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>uploading %1 to %2</source>
        <translation>正在把 %1 上传到 %2</translation>
    </message>
</context>
<context>
    <name>tb::CheckpointTableModel</name>
    <message>
        <location filename="../ui/main/checkpoint_table_model.cpp" line="+66"/>
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
        <location line="+10"/>
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
        <location filename="../ui/config/config_document.cpp" line="+122"/>
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
        <location filename="../ui/config/config_editor.cpp" line="+47"/>
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
        <location filename="../ui/config/config_field.cpp" line="+118"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>tb::ConfigForm</name>
    <message>
        <location filename="../ui/config/config_form.cpp" line="+79"/>
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
        <location filename="../ui/config/diagnostics_list.cpp" line="+31"/>
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
        <location filename="../remote/runs/host_sweeps.cpp" line="+163"/>
        <source>no run %1 on a host</source>
        <translation>主机上没有运行 %1</translation>
    </message>
</context>
<context>
    <name>tb::HostsController</name>
    <message>
        <location filename="../remote/hosts/hosts_controller_requests.cpp" line="+81"/>
        <source>cancelled</source>
        <translation>已取消</translation>
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
        <location filename="../ui/hosts/hosts_panel_transfers.cpp" line="+18"/>
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
        <location line="+5"/>
        <source>Upload to %1</source>
        <translation>上传到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on %1 that will hold the files:</source>
        <translation>%1 上用于存放这些文件的文件夹：</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../ui/hosts/hosts_table_model.cpp" line="+17"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+132"/>
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
        <location line="+9"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>已开机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shutdown</source>
        <translation>关机</translation>
    </message>
</context>
<context>
    <name>tb::LanguageMenu</name>
    <message>
        <location filename="../ui/style/language_menu.cpp" line="+41"/>
        <source>The language changes after a restart of Trainbench</source>
        <translation>重新启动 Trainbench 后语言才会更改</translation>
    </message>
    <message>
        <location line="+46"/>
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
        <location line="+73"/>
        <source>Trainbench</source>
        <translation>Trainbench</translation>
    </message>
    <message>
        <location line="-34"/>
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
        <location line="+52"/>
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
        <location line="+5"/>
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
    <name>tb::RemoteGpuMonitor</name>
    <message>
        <location filename="../remote/hosts/remote_gpu_monitor.cpp" line="+105"/>
        <source>%1: “%2” not found there (is the NVIDIA driver installed?)</source>
        <translation>%1：那里找不到“%2”（是否安装了 NVIDIA 驱动？）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>waiting for the connection to %1</source>
        <translation>正在等待与 %1 的连接</translation>
    </message>
</context>
<context>
    <name>tb::RemoteRuns</name>
    <message>
        <location filename="../remote/runs/remote_runs.cpp" line="+158"/>
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
        <location line="+8"/>
        <source>the trainer %1 is gone from host %2; prepare it again</source>
        <translation>主机 %2 上的训练程序 %1 已不存在；请重新准备该主机</translation>
    </message>
    <message>
        <location line="+57"/>
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
        <location filename="../ui/main/runs_table_display.cpp" line="+88"/>
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
        <location line="+8"/>
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
        <location filename="../ui/sweep/sweep_add_dialog.cpp" line="+69"/>
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
        <location line="+8"/>
        <source>&amp;Add Trials</source>
        <translation>添加试验(&amp;A)</translation>
    </message>
    <message>
        <location line="+36"/>
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
        <location line="+6"/>
        <source>More trials to queue: %1</source>
        <translation>将加入队列的试验：%1 个</translation>
    </message>
</context>
<context>
    <name>tb::SweepCompareModel</name>
    <message>
        <location filename="../ui/sweep/sweep_compare_model.cpp" line="+82"/>
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
        <location line="+9"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Run Sweep</source>
        <translation>运行超参数搜索(&amp;R)</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location filename="../ui/sweep/sweep_dialog_check.cpp" line="+97"/>
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
        <location line="+6"/>
        <source>Trials: %1, run %2 at a time</source>
        <translation>试验数：%1，同时运行 %2 个</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location filename="../ui/style/theme_menu.cpp" line="+67"/>
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
        <location filename="../ui/hosts/host_key_dialogs.cpp" line="-60"/>
        <source>Unknown host key — %1</source>
        <translation>未知的主机密钥 — %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trainbench has not connected to %1 before. The host identifies itself with this key fingerprint:</source>
        <translation>Trainbench 之前从未连接过 %1。该主机出示的密钥指纹为：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept it only if it matches what your provider&apos;s console shows. Once accepted it is recorded in known_hosts, and any later change is refused.</source>
        <translation>仅当它与云服务商控制台显示的一致时才接受。接受后会记录到 known_hosts，此后任何变更都将被拒绝。</translation>
    </message>
    <message>
        <location line="+7"/>
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
