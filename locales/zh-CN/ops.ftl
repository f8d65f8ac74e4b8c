# 程序给运维人员看的提示（终端、journald、docker logs）。


## 备份、恢复、升级、控制套接字（npx nianbao backup / restore；启动）
backup-usage = 用法：npx nianbao backup <文件.tar.gz>（机器人运行时也可执行）
backup-written = 备份已写入：{ $file }（{ $files } 个文件，每个文件的 SHA-256 记在 manifest.json 中）。
restore-usage = 用法：npx nianbao restore <文件.tar.gz>（请先停止机器人）
restore-damaged = 备份 { $file } 无法恢复：{ $part }：{ $reason }。数据未作任何改动。
restore-damaged-archive = 备份 { $file } 无法恢复：压缩包已损坏（{ $reason }）。数据未作任何改动。
restore-done = 已从 { $file } 恢复 { $dir }（{ $files } 个文件，备份时间 { $created }）。
restore-kept = 恢复前的数据目录保留在 { $dir }（确认恢复无误后可删除）。
store-format-newer = 这些数据由 nianbao { $release } 写入（数据格式 { $format }），本版本最多读取格式 { $current }：请安装 nianbao { $release } 或更新版本。
store-upgraded = 数据目录已从数据格式 { $from } 升级；升级前的备份在 { $backup }。
control-failed = 运行中的机器人无法完成此操作：{ $reason }
