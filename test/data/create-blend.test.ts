import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { blendParticipants } from '../../db/schema/index.js';
import { generateShareCode } from '../../src/crypto/share-code.js';
import { createBlend } from '../../src/data/create-blend.js';
import { ensureUser } from '../../src/data/users.js';
import { testDatabase, uniqueDiscordId } from '../support/db.js';

let db: Db;
beforeAll(async () => { db = (await testDatabase()).db; });

describe('createBlend', () => {
  it('gives the blend a share code and joins its creator', async () => {
    const user = await ensureUser(db, { discordId: uniqueDiscordId(), displayName: 'Ada' });
    const blend = await createBlend(db, { createdBy: user.id, name: 'Friday', size: 50, channelId: 'c1' });
    expect(blend.shareCode).toMatch(/^[2-9A-Z]{10}$/);
    expect(blend.blendSettings).toEqual({ size: 50 });
    const members = await db.select().from(blendParticipants).where(eq(blendParticipants.blendId, blend.id));
    expect(members).toEqual([expect.objectContaining({ userId: user.id, status: 'pending' })]);
  });

  it('draws a new share code when the first one is taken', async () => {
    const user = await ensureUser(db, { discordId: uniqueDiscordId() });
    const first = await createBlend(db, { createdBy: user.id, name: 'One', size: 20 });
    const fresh = generateShareCode();
    const codes = [first.shareCode, first.shareCode, fresh];
    const second = await createBlend(db, { createdBy: user.id, name: 'Two', size: 20 }, () => codes.shift() ?? generateShareCode());
    expect(second.shareCode).toBe(fresh);
    expect(codes).toEqual([]);
  });

  it('gives up after a bounded number of collisions instead of looping forever', async () => {
    const user = await ensureUser(db, { discordId: uniqueDiscordId() });
    const taken = await createBlend(db, { createdBy: user.id, name: 'One', size: 20 });
    await expect(createBlend(db, { createdBy: user.id, name: 'Two', size: 20 }, () => taken.shareCode)).rejects.toThrow();
  });
});

describe('ensureUser', () => {
  it('creates once and keeps the latest display name', async () => {
    const discordId = uniqueDiscordId();
    const a = await ensureUser(db, { discordId, displayName: 'old' });
    const b = await ensureUser(db, { discordId, displayName: 'new' });
    const c = await ensureUser(db, { discordId });
    expect(b.id).toBe(a.id);
    expect(c).toEqual({ id: a.id, displayName: 'new' });
  });
});
