// The data folder as the shells may open it: the composition roots (main.ts, the CLI's admin
// command) reach the store through here, so no shell imports src/store/ directly.
export { LOCK_FILE, StoreLockedError } from "../store/store-lock.ts";
export { openStore } from "../store/store.ts";
export type { Store } from "./store-port.ts";
export { isValidYear, type ReportKey } from "./report-record.ts";
export { diagnose } from "../store/doctor.ts";
export { lockStore } from "../store/store-lock.ts";
export { BackupDamagedError, packBackup, unpackBackup } from "../store/backup-archive.ts";
export { CURRENT_FORMAT, LegacyJournalError, migrate, NewerFormatError, readFormat, writeFormat } from "../store/format.ts";
