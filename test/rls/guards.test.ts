import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { asPublic, asUser, asWorker, withActor, type Actor } from '../../src/data/actor.js';
import { databaseKind, testDatabase, uniqueDiscordId } from '../support/db.js';
import { expectRefused } from './fixtures.js';

let db: Db;
beforeAll(async () => { db = (await testDatabase()).db; });

const ROLES = ['blend_user', 'blend_worker', 'blend_public'];

describe(`row level security guards on ${databaseKind()}`, () => {
  it('forces row level security on every table in the schema, including ones added later', async () => {
    const tables = await queryRows<{ name: string; enabled: boolean; forced: boolean }>(db, sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname not like '__drizzle%'
      order by c.relname`);
    expect(tables.length).toBeGreaterThanOrEqual(8);
    expect(tables.filter((t) => !t.enabled || !t.forced)).toEqual([]);
  });

  it('runs every actor as its own role, none of which is a superuser, bypasses RLS or owns a table', async () => {
    const actors: [Actor, string][] = [[asUser(uniqueDiscordId()), 'blend_user'], [asWorker, 'blend_worker'], [asPublic('ABCDEFGHJK'), 'blend_public']];
    for (const [actor, role] of actors) {
      const [row] = await withActor(db, actor, (tx) => queryRows<{ role: string }>(tx, sql`select current_user as role`));
      expect(row).toEqual({ role });
    }
    const roles = await queryRows<{ name: string; super: boolean; bypass: boolean; login: boolean; owns: number }>(db, sql`
      select r.rolname as name, r.rolsuper as super, r.rolbypassrls as bypass, r.rolcanlogin as login,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
      from pg_roles r where r.rolname in (${sql.join(ROLES.map((r) => sql`${r}`), sql`, `)}) order by r.rolname`);
    expect(roles).toEqual(ROLES.sort().map((name) => ({ name, super: false, bypass: false, login: false, owns: 0 })));
  });

  it('keeps the acting identity inside its transaction: the next one on the connection does not inherit it', async () => {
    for (let i = 0; i < 6; i += 1) {
      await withActor(db, asUser('123456789012345678'), (tx) => tx.execute(sql`select 1`));
      const [after] = await queryRows<{ discordId: string | null; role: string }>(db,
        sql`select coalesce(current_setting('app.discord_id', true), '') as "discordId", current_user as role`);
      expect(after?.discordId).toBe('');
      expect(ROLES).not.toContain(after?.role);
    }
  });

  it('lets no role create objects in the schema (the default since PostgreSQL 15, which CI and PGlite run)', async () => {
    await expectRefused(withActor(db, asUser(uniqueDiscordId()), (tx) => tx.execute(sql`create table sneaky (id int)`)));
    await expectRefused(withActor(db, asPublic('ABCDEFGHJK'), (tx) => tx.execute(sql`create function sneaky() returns int language sql as 'select 1'`)));
  });
});

describe('every data access goes through withActor', () => {
  /** A query on the context's database handle bypasses the roles: it runs as the connecting (owner) user. */
  const DIRECT_ACCESS = /\bctx\.db\s*\.\s*(select|selectDistinct|insert|update|delete|execute|transaction|query|with|\$count)\b/;

  it('finds no query run on ctx.db directly in src/ or commands/', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const files = (await Promise.all(['src', 'commands'].map((dir) => listTs(path.join(root, dir))))).flat();
    const offenders: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => { if (DIRECT_ACCESS.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}`); });
    }
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

async function listTs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}
