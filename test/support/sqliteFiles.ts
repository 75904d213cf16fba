import * as assert from 'assert';
import * as path from 'path';
import { openSqlite } from '../../storage/openSqlite';
import { tempDir } from './tempDir';

/**
 * A store's file path in a fresh temp folder, one level down (`data/<name>`) so that the store
 * itself has to create its folder, as it does in a real DATA_DIR.
 */
export function tempSqliteFile(prefix: string, name: string): { file: string; cleanup: () => void } {
    const { dir, cleanup } = tempDir(prefix);
    return { file: path.join(dir, 'data', name), cleanup };
}

/** The file is in WAL mode, which is what lets a store survive kill -9 (storage/openSqlite.ts). */
export function assertWalJournal(file: string): void {
    const raw = openSqlite(file, { readonly: true });
    assert.strictEqual(raw.prepare('PRAGMA journal_mode').pluck().get(), 'wal');
    raw.close();
}

/** For assert.rejects: the store's failure reached the caller as a StoreUnavailableError, not a raw SQLite error. */
export const isStoreUnavailable = (error: Error & { code?: string }): boolean => error.code === 'STORE_UNAVAILABLE';
