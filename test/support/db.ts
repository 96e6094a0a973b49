import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, inject } from 'vitest';
import { openDatabase, wrapPglite, type Database } from '../../db/client.js';

let shared: Promise<Database> | undefined;

/**
 * The test database for this test file: the run's PostgreSQL database when TEST_DATABASE_URL is
 * set, else a PGlite loaded from the run's migrated snapshot. One per file, closed after it.
 * Tests share it, so each test makes its own rows (unique ids) instead of truncating tables.
 */
export function testDatabase(): Promise<Database> {
  if (!shared) {
    shared = open();
    afterAll(async () => { await (await shared)?.close(); shared = undefined; });
  }
  return shared;
}

/** Which database the suite is running on, for test names. */
export const databaseKind = (): 'postgres' | 'pglite' => (inject('testDatabaseUrl') ? 'postgres' : 'pglite');

async function open(): Promise<Database> {
  const url = inject('testDatabaseUrl');
  if (url) return openDatabase({ kind: 'postgres', url, poolSize: 5 });
  const snapshot = await readFile(inject('pgliteSnapshot'));
  const client = new PGlite({ loadDataDir: new Blob([snapshot]) });
  await client.waitReady;
  return wrapPglite(client);
}

export { uniqueDiscordId } from './ids.js';
