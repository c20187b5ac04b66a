/**
 * Opens the SQLite file with the settings every connection needs, and tells damage (a file that
 * is not a database, or a corrupt one) from other failures. better-sqlite3 stays inside
 * electron/db.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The file is damaged: not a database, or failing SQLite's integrity check. */
export class DamagedDatabaseError extends Error {}

/** SQLite result codes that mean the file itself is unusable (moving it aside helps). */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|CANTOPEN|IOERR)/;
/** Another process holds the file: it is not damaged, so it must not be moved. */
const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)/;

function sqliteCode(error: unknown): string {
  if (error instanceof Database.SqliteError) return error.code;
  return '';
}

export function isDamage(error: unknown): boolean {
  return error instanceof DamagedDatabaseError || DAMAGE_CODES.test(sqliteCode(error));
}

export function isBusy(error: unknown): boolean {
  return BUSY_CODES.test(sqliteCode(error));
}

/** Opens `file` (or `:memory:`); nothing is read from it yet. */
export function openConnection(file: string, nativeBinding?: string): Db {
  return new Database(file, nativeBinding === undefined ? {} : { nativeBinding });
}

/**
 * Sets WAL mode and foreign keys, and runs SQLite's quick check so a truncated or garbled file is
 * found now, not halfway through the user's first edit. Throws on a damaged file.
 */
export function configureConnection(db: Db): void {
  db.pragma('busy_timeout = 3000');
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the
  // last transactions, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const check: unknown = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new DamagedDatabaseError(`integrity check failed: ${String(check)}`);
}

/** One line describing why a file could not be opened. */
export function describeOpenError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = sqliteCode(error);
  const line = message.split('\n')[0] ?? message;
  return code === '' ? line : `${line} [${code}]`;
}
