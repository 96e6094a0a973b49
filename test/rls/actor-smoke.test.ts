import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.js';
import { blends, providerConnections, users } from '../../db/schema/index.js';
import { asPublic, asUser, asWorker, withActor } from '../../src/data/actor.js';
import { createBlend } from '../../src/data/create-blend.js';
import { ensureUser } from '../../src/data/users.js';
import { databaseKind, testDatabase, uniqueDiscordId } from '../support/db.js';

let db: Db;
beforeAll(async () => { db = (await testDatabase()).db; });

describe(`withActor on ${databaseKind()}`, () => {
  it('runs as a non-superuser role, so row level security applies', async () => {
    const rows = await withActor(db, asWorker, (tx) =>
      queryRows<{ role: string; su: boolean }>(tx, sql`select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as su`));
    expect(rows[0]).toEqual({ role: 'blend_worker', su: false });
  });

  it('lets a user create themselves and a blend, and see only their own connections', async () => {
    const me = uniqueDiscordId();
    const other = uniqueDiscordId();
    const otherUser = await withActor(db, asUser(other), (tx) => ensureUser(tx, { discordId: other }));
    await withActor(db, asUser(other), (tx) => tx.insert(providerConnections).values({ userId: otherUser.id, provider: 'spotify', providerUserId: 'x', accessTokenEncrypted: 'v1' }));
    const mine = await withActor(db, asUser(me), async (tx) => {
      const user = await ensureUser(tx, { discordId: me, displayName: 'Me' });
      await createBlend(tx, { createdBy: user.id, name: 'Mine', size: 20 });
      return tx.select().from(providerConnections);
    });
    expect(mine).toEqual([]);
    await expect(withActor(db, asUser(me), (tx) => tx.insert(users).values({ discordId: uniqueDiscordId() }))).rejects.toThrow();
  });

  it('shows the public role nothing until the blend is completed, and then only by its code', async () => {
    const me = uniqueDiscordId();
    const blend = await withActor(db, asUser(me), async (tx) => createBlend(tx, { createdBy: (await ensureUser(tx, { discordId: me })).id, name: 'Pub', size: 20 }));
    const read = () => withActor(db, asPublic(blend.shareCode), (tx) => tx.select({ name: blends.name }).from(blends));
    expect(await read()).toEqual([]);
    await withActor(db, asWorker, (tx) => tx.update(blends).set({ status: 'completed' }).where(eq(blends.id, blend.id)));
    expect(await read()).toEqual([{ name: 'Pub' }]);
  });
});
