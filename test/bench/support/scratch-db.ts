import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase, wrapPglite, type Database } from '../../../db/client.js';
import { migratePgliteClient, migratePostgres } from '../../../db/migrate.js';

export interface BenchDatabase { readonly database: Database; readonly env: Record<string, string>; drop(): Promise<void> }

/** A migrated in-memory PGlite. */
export async function scratchPglite(): Promise<BenchDatabase> {
  const client = new PGlite();
  await migratePgliteClient(client);
  return { database: wrapPglite(client), env: {}, drop: async () => {} };
}

/** A fresh, migrated database on the server at `serverUrl`, dropped by `drop()`. */
export async function scratchPostgres(serverUrl: string, poolSize = 10): Promise<BenchDatabase> {
  const name = `blend_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize });
  return {
    database,
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
