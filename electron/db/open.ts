/**
 * Opens the catalog database, recovering from one that cannot be used: a damaged file is kept
 * aside (with its -wal/-shm, never deleted) and a fresh catalog is made; when even that fails, a
 * temporary in-memory catalog keeps the app usable. Either way the caller gets a notice to show.
 * An edited migration or a database from a newer app is not damage: it is refused.
 */
import { constants, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  configureConnection,
  describeOpenError,
  isBusy,
  isDamage,
  openConnection,
  type Db,
} from './connection.ts';

export interface Opened {
  db: Db;
  /** The file in use (`:memory:` for the temporary fallback). */
  path: string;
  recoveryNotice: string | null;
}

/** Opening failed; `db` is the connection still open (if one was made), for keepAside. */
class OpenFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly db: Db | undefined,
  ) {
    super(describeOpenError(reason));
  }
}

/** Opens `file`, configures it and runs `prepare` (migrations, seed); all must succeed. */
function openPrepared(
  file: string,
  nativeBinding: string | undefined,
  prepare: (db: Db) => void,
): Db {
  let db: Db | undefined;
  try {
    db = openConnection(file, nativeBinding);
    configureConnection(db);
    prepare(db);
    return db;
  } catch (error) {
    throw new OpenFailure(error, db);
  }
}

/** `modelwise.db` → `modelwise-damaged-2026-11-27T10-00-00Z.db` (a free name). */
function asideName(file: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const base = basename(file).replace(/\.db$/, '');
  for (let n = 0; ; n++) {
    const name = join(dirname(file), `${base}-damaged-${stamp}${n === 0 ? '' : `-${n}`}.db`);
    if (!existsSync(name) && !existsSync(`${name}-wal`)) return name;
  }
}

const SUFFIXES = ['', '-wal', '-shm'];

/**
 * Keeps the damaged database and its -wal/-shm under a new name, then clears the old name for a
 * fresh file. The files are copied while the failed connection is still open and only then is it
 * closed: closing would checkpoint the WAL into the damaged file and delete the WAL, changing
 * what is kept. A rename of an open file would fail on Windows.
 */
function keepAside(file: string, now: Date, db: Db | undefined): string {
  const aside = asideName(file, now);
  try {
    for (const suffix of SUFFIXES) {
      if (existsSync(file + suffix)) {
        copyFileSync(file + suffix, aside + suffix, constants.COPYFILE_EXCL);
      }
    }
  } finally {
    if (db?.open === true) db.close();
  }
  for (const suffix of SUFFIXES) rmSync(file + suffix, { force: true });
  return aside;
}

function closeFailed(failure: OpenFailure): void {
  if (failure.db?.open === true) failure.db.close();
}

export function openWithRecovery(
  dataDir: string,
  fileName: string,
  nativeBinding: string | undefined,
  prepare: (db: Db) => void,
  now: () => Date,
): Opened {
  const file = join(dataDir, fileName);
  const temporary = (why: string): Opened => {
    try {
      return {
        db: openPrepared(':memory:', nativeBinding, prepare),
        path: ':memory:',
        recoveryNotice: `${why} Modelwise is using a temporary catalog from the shipped seed for this session: changes will not be saved.`,
      };
    } catch (error) {
      throw error instanceof OpenFailure ? error.reason : error;
    }
  };
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    return temporary(`The data folder ${dataDir} cannot be created (${describeOpenError(error)}).`);
  }
  try {
    return { db: openPrepared(file, nativeBinding, prepare), path: file, recoveryNotice: null };
  } catch (error) {
    if (!(error instanceof OpenFailure)) throw error;
    if (isBusy(error.reason)) {
      closeFailed(error);
      return temporary(`The catalog ${file} is in use by another program (${error.message}).`);
    }
    if (!isDamage(error.reason)) {
      closeFailed(error);
      throw error.reason;
    }
    const reason = error.message;
    let aside: string;
    try {
      aside = keepAside(file, now(), error.db);
    } catch (moveError) {
      return temporary(
        `The catalog ${file} could not be opened (${reason}) and could not be kept aside (${describeOpenError(moveError)}).`,
      );
    }
    const notice = `The catalog database could not be opened (${reason}). It was kept as ${aside} (with its -wal/-shm files, if any) and a fresh catalog was created from the shipped seed; edits, discounts and scenarios saved in the old file are not in the new one.`;
    try {
      return { db: openPrepared(file, nativeBinding, prepare), path: file, recoveryNotice: notice };
    } catch (freshError) {
      if (!(freshError instanceof OpenFailure)) throw freshError;
      closeFailed(freshError);
      if (!isDamage(freshError.reason) && !isBusy(freshError.reason)) throw freshError.reason;
      return temporary(
        `${notice} The fresh catalog could not be created either (${freshError.message}).`,
      );
    }
  }
}
