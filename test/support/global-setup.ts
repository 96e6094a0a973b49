import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePgliteClient, migratePostgres } from '../../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set when TEST_DATABASE_URL is: a fresh, migrated database made for this run. */
    testDatabaseUrl: string;
    /** Otherwise: a migrated PGlite data dir dump each test file loads (no per-test migrations). */
    pgliteSnapshot: string;
  }
}

/**
 * Once per run: migrate one database. On PostgreSQL (TEST_DATABASE_URL) a fresh database is
 * created for the run and dropped afterwards; on PGlite a migrated snapshot is dumped to a file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `blend_test_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migratePostgres(url.toString());
    project.provide('testDatabaseUrl', url.toString());
    project.provide('pgliteSnapshot', '');
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'blend-pglite-'));
  const client = new PGlite();
  await migratePgliteClient(client);
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabaseUrl', '');
  project.provide('pgliteSnapshot', file);
  return async () => { await rm(dir, { recursive: true, force: true }); };
}
