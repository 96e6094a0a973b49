import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteDb } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgresDb } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Any fixed number: every replica that starts at once waits on the same lock. */
const MIGRATION_LOCK = 7_413_290_551;

/**
 * PostgreSQL: a dedicated single-connection client (as drizzle's postgres-js migrator requires)
 * holding an advisory lock, so replicas that start together migrate one at a time.
 */
export async function migratePostgres(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgresDb(drizzlePostgres(sql), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** PGlite has one connection: migrate through the client the app then uses. */
export async function migratePgliteClient(client: PGlite): Promise<void> {
  await migratePgliteDb(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
}
