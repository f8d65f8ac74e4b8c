# What the program prints for the person running it (terminal, journald, docker logs).


## Backups, restores, upgrades, the control socket (npx nianbao backup / restore; start-up)
backup-usage = Usage: npx nianbao backup <file.tar.gz>   (safe while the bot runs)
backup-written = Backup written: { $file } ({ $files } files, SHA-256 of each in manifest.json).
restore-usage = Usage: npx nianbao restore <file.tar.gz>   (stop the bot first)
restore-damaged = The backup { $file } cannot be restored: { $part }: { $reason }. Nothing was changed.
restore-damaged-archive = The backup { $file } cannot be restored: the archive is damaged ({ $reason }). Nothing was changed.
restore-done = Restored { $dir } from { $file } ({ $files } files, backup taken { $created }).
restore-kept = The data folder as it was before is kept in { $dir } (delete it once you have checked the restore).
store-format-newer = This data was written by nianbao { $release } (data format { $format }); this release reads up to format { $current }: install nianbao { $release } or newer.
store-upgraded = The data folder was upgraded from data format { $from }; a backup of it as it was is in { $backup }.
control-failed = The running bot could not do this: { $reason }
