import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { blendParticipants, blends, blendTracks, users } from '../../db/schema/index.js';
import { asPublic, withActor } from '../../src/data/actor.js';
import { databaseKind, testDatabase } from '../support/db.js';
import { expectRefused, seedBlend, seedPrivateData, seedUser, type BlendStatus, type SeededBlend, type SeededUser } from './fixtures.js';

let db: Db;
let creator: SeededUser;
let member: SeededUser;
let quitter: SeededUser;
let completed: SeededBlend;
let otherCompleted: SeededBlend;

beforeAll(async () => {
  db = (await testDatabase()).db;
  creator = await seedUser(db, 'Creator');
  member = await seedUser(db, 'Member');
  quitter = await seedUser(db, 'Quitter');
  await seedPrivateData(db, creator);
  completed = await seedBlend(db, {
    creator, status: 'completed', tracks: ['One', 'Two'],
    members: [{ user: member, status: 'accepted' }, { user: quitter, status: 'declined' }],
  });
  otherCompleted = await seedBlend(db, { creator: member, status: 'completed', tracks: ['Elsewhere'] });
});

const asVisitor = <T>(code: string, work: (tx: Db) => Promise<T>) => withActor(db, asPublic(code), work);
const summaryOf = (tx: Db) => tx.select({ name: blends.name, shareCode: blends.shareCode, summary: blends.summary }).from(blends);

describe(`the public role on ${databaseKind()}`, () => {
  it('reads a completed blend by its share code: summary, accepted members\' display names, tracks', async () => {
    const [blend, members, tracks] = await asVisitor(completed.shareCode, (tx) => Promise.all([
      summaryOf(tx),
      tx.select({ name: users.displayName }).from(blendParticipants).innerJoin(users, eq(users.id, blendParticipants.userId)),
      tx.select({ title: blendTracks.trackName }).from(blendTracks).orderBy(blendTracks.position),
    ]));
    expect(blend).toEqual([{ name: completed.name, shareCode: completed.shareCode, summary: { version: 1 } }]);
    expect(members.map((m) => m.name).sort()).toEqual(['Creator', 'Member']);
    expect(tracks.map((t) => t.title)).toEqual(['One', 'Two']);
  });

  it('does not list a member who left the blend', async () => {
    const quitters = await asVisitor(completed.shareCode, (tx) => Promise.all([
      tx.select({ id: users.id }).from(users).where(eq(users.id, quitter.id)),
      tx.select({ id: blendParticipants.userId }).from(blendParticipants).where(eq(blendParticipants.userId, quitter.id)),
    ]));
    expect(quitters).toEqual([[], []]);
  });

  it.each<BlendStatus>(['pending', 'processing', 'cancelled'])('reads nothing of a %s blend, even with its share code', async (status) => {
    const blend = await seedBlend(db, { creator, status, tracks: ['Secret'] });
    const seen = await asVisitor(blend.shareCode, (tx) => Promise.all([
      summaryOf(tx),
      tx.select({ id: blendParticipants.userId }).from(blendParticipants),
      tx.select({ title: blendTracks.trackName }).from(blendTracks),
      tx.select({ name: users.displayName }).from(users),
    ]));
    expect(seen).toEqual([[], [], [], []]);
  });

  it('cannot enumerate completed blends: without the code, or with another blend\'s code, it sees only that one', async () => {
    await expect(asVisitor('', summaryOf)).resolves.toEqual([]);
    await expect(asVisitor('NOSUCHCODE', summaryOf)).resolves.toEqual([]);
    const seen = await asVisitor(otherCompleted.shareCode, (tx) => Promise.all([
      summaryOf(tx),
      tx.select({ title: blendTracks.trackName }).from(blendTracks),
      tx.select({ name: blends.name }).from(blends).where(eq(blends.id, completed.id)),
    ]));
    expect(seen).toEqual([[{ name: otherCompleted.name, shareCode: otherCompleted.shareCode, summary: { version: 1 } }], [{ title: 'Elsewhere' }], []]);
  });

  it.each(['created_by', 'guild_id', 'channel_id', 'message_id', 'result_message_id', 'last_error', 'locked_until', 'playlist_spotify_id', 'blend_settings'])(
    'cannot read blends.%s of the blend it may see',
    async (column) => {
      await expectRefused(asVisitor(completed.shareCode, (tx) => queryRows(tx, sql`select ${sql.identifier(column)} from blends`)));
    },
  );

  it.each(['discord_id', 'email', 'avatar_url', 'created_at'])('cannot read users.%s, even of the blend\'s members', async (column) => {
    await expectRefused(asVisitor(completed.shareCode, (tx) => queryRows(tx, sql`select ${sql.identifier(column)} from users`)));
  });

  it.each(['track_id', 'isrc', 'id'])('cannot read blend_tracks.%s', async (column) => {
    await expectRefused(asVisitor(completed.shareCode, (tx) => queryRows(tx, sql`select ${sql.identifier(column)} from blend_tracks`)));
  });

  it.each(['provider_connections', 'user_top_tracks', 'oauth_states', 'track_matches'])('cannot read %s at all', async (table) => {
    await expectRefused(asVisitor(completed.shareCode, (tx) => queryRows(tx, sql`select 1 from ${sql.identifier(table)}`)));
  });

  it('writes nothing, not even to the blend it may see', async () => {
    await expectRefused(asVisitor(completed.shareCode, (tx) => tx.update(blends).set({ name: 'Defaced' }).where(eq(blends.id, completed.id))));
    await expectRefused(asVisitor(completed.shareCode, (tx) => tx.insert(blendParticipants).values({ blendId: completed.id, userId: quitter.id })));
    await expectRefused(asVisitor(completed.shareCode, (tx) => tx.delete(blendTracks).where(eq(blendTracks.blendId, completed.id))));
  });
});
