import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { migratePgliteClient, migratePostgres } from './migrate.js';
import * as schema from './schema/index.js';

/** One type for both drivers and for their transactions. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }
  | { readonly kind: 'pglite'; readonly dataDir: string };

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseConfig['kind'];
  /** Applies the pending migrations (PostgreSQL: on its own connection, under an advisory lock). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Opens PostgreSQL through postgres-js when a URL is configured, else embedded PGlite on disk. */
export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  if (cfg.kind === 'postgres') {
    const sql = postgres(cfg.url, { max: cfg.poolSize, onnotice: () => {} });
    return {
      db: drizzlePostgres(sql, { schema }) as unknown as Db,
      kind: 'postgres',
      migrate: () => migratePostgres(cfg.url),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  await mkdir(cfg.dataDir, { recursive: true });
  return wrapPglite(new PGlite(cfg.dataDir));
}

/** Wraps an already open PGlite (tests load one from a migrated snapshot). */
export function wrapPglite(client: PGlite): Database {
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePgliteClient(client),
    close: async () => { if (!client.closed) await client.close(); },
  };
}

/** Raw SQL rows on either driver (PGlite answers `{ rows }`, postgres-js an array). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
