import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends, blendTracks } from '../../db/schema/index.js';
import { generateShareCode } from '../../src/crypto/share-code.js';
import { asUser, asWorker, withActor } from '../../src/data/actor.js';
import { cancelBlend, findBlendByShareCode, markProcessing } from '../../src/data/blends.js';
import { createBlend } from '../../src/data/create-blend.js';
import { joinParticipant, leaveParticipant } from '../../src/data/participants.js';
import { databaseKind, testDatabase } from '../support/db.js';
import { expectRefused, seedBlend, seedUser, type BlendStatus, type SeededBlend, type SeededUser } from './fixtures.js';

let db: Db;
let creator: SeededUser;
let member: SeededUser;
let outsider: SeededUser;
let completed: SeededBlend;

beforeAll(async () => {
  db = (await testDatabase()).db;
  creator = await seedUser(db, 'Creator');
  member = await seedUser(db, 'Member');
  outsider = await seedUser(db, 'Outsider');
  completed = await seedBlend(db, { creator, status: 'completed', members: [{ user: member, status: 'accepted' }], tracks: ['One', 'Two', 'Three'] });
});

const as = <T>(user: SeededUser, work: (tx: Db) => Promise<T>) => withActor(db, asUser(user.discordId), work);
const readAsWorker = <T>(work: (tx: Db) => Promise<T>) => withActor(db, asWorker, work);

const blendRow = async (id: string) => {
  const [row] = await readAsWorker((tx) => tx.select({ name: blends.name, status: blends.status, summary: blends.summary, url: blends.playlistSpotifyUrl })
    .from(blends).where(eq(blends.id, id)));
  return row;
};

describe(`blends as a user on ${databaseKind()}`, () => {
  describe('reading', () => {
    it('a participant reads their blend, its participants and its tracks', async () => {
      const [blend, participants, tracks] = await as(member, (tx) => Promise.all([
        tx.select({ id: blends.id }).from(blends).where(eq(blends.id, completed.id)),
        tx.select({ userId: blendParticipants.userId }).from(blendParticipants).where(eq(blendParticipants.blendId, completed.id)),
        tx.select({ title: blendTracks.trackName }).from(blendTracks).where(eq(blendTracks.blendId, completed.id)).orderBy(blendTracks.position),
      ]));
      expect(blend).toEqual([{ id: completed.id }]);
      expect(participants.map((p) => p.userId).sort()).toEqual([creator.id, member.id].sort());
      expect(tracks.map((t) => t.title)).toEqual(['One', 'Two', 'Three']);
    });

    it('a non-participant reads none of them, even by id or share code', async () => {
      const [blend, byCode, participants, tracks] = await as(outsider, (tx) => Promise.all([
        tx.select({ id: blends.id }).from(blends).where(eq(blends.id, completed.id)),
        findBlendByShareCode(tx, completed.shareCode),
        tx.select({ userId: blendParticipants.userId }).from(blendParticipants).where(eq(blendParticipants.blendId, completed.id)),
        tx.select({ title: blendTracks.trackName }).from(blendTracks).where(eq(blendTracks.blendId, completed.id)),
      ]));
      expect({ blend, byCode, participants, tracks }).toEqual({ blend: [], byCode: undefined, participants: [], tracks: [] });
    });

    it.each<BlendStatus>(['processing', 'cancelled'])('a non-participant does not see a %s blend; its members do', async (status) => {
      const blend = await seedBlend(db, { creator, status, members: [{ user: member, status: 'accepted' }] });
      await expect(as(outsider, (tx) => findBlendByShareCode(tx, blend.shareCode))).resolves.toBeUndefined();
      await expect(as(member, (tx) => findBlendByShareCode(tx, blend.shareCode))).resolves.toMatchObject({ id: blend.id, status });
    });

    it('anyone finds a pending blend to join it, but not its member list until they are in it', async () => {
      const open = await seedBlend(db, { creator, status: 'pending', members: [{ user: member, status: 'pending' }] });
      const found = await as(outsider, (tx) => findBlendByShareCode(tx, open.shareCode));
      expect(found).toMatchObject({ id: open.id, status: 'pending' });
      const members = await as(outsider, (tx) => tx.select({ userId: blendParticipants.userId }).from(blendParticipants).where(eq(blendParticipants.blendId, open.id)));
      expect(members).toEqual([]);
    });
  });

  describe('joining and leaving', () => {
    it('a user joins a pending blend themselves', async () => {
      const open = await seedBlend(db, { creator, status: 'pending' });
      const joiner = await seedUser(db, 'Joiner');
      await expect(as(joiner, (tx) => joinParticipant(tx, open.id, joiner.id, 'pending'))).resolves.toEqual({ status: 'pending', changed: true });
    });

    it('a user cannot add someone else to a blend', async () => {
      const open = await seedBlend(db, { creator, status: 'pending' });
      await expectRefused(as(member, (tx) => tx.insert(blendParticipants).values({ blendId: open.id, userId: outsider.id })));
    });

    it.each<BlendStatus>(['processing', 'completed', 'cancelled'])('a user cannot join a %s blend', async (status) => {
      const closed = await seedBlend(db, { creator, status });
      await expectRefused(as(outsider, (tx) => tx.insert(blendParticipants).values({ blendId: closed.id, userId: outsider.id })));
    });

    it('a member who left cannot rejoin once the blend is no longer pending', async () => {
      const blend = await seedBlend(db, { creator, status: 'processing', members: [{ user: outsider, status: 'declined' }] });
      const rejoined = await as(outsider, (tx) => tx.update(blendParticipants).set({ status: 'accepted' })
        .where(and(eq(blendParticipants.blendId, blend.id), eq(blendParticipants.userId, outsider.id))).returning({ status: blendParticipants.status }));
      expect(rejoined).toEqual([]);
    });

    it('a user cannot move their participation into another blend', async () => {
      const open = await seedBlend(db, { creator, status: 'pending', members: [{ user: outsider, status: 'pending' }] });
      await expectRefused(as(outsider, (tx) => tx.update(blendParticipants).set({ blendId: completed.id })
        .where(and(eq(blendParticipants.blendId, open.id), eq(blendParticipants.userId, outsider.id)))));
    });

    it('a member leaves a pending blend, but cannot change another member\'s participation', async () => {
      const open = await seedBlend(db, { creator, status: 'pending', members: [{ user: member, status: 'accepted' }, { user: outsider, status: 'pending' }] });
      await expect(as(outsider, (tx) => leaveParticipant(tx, open.id, outsider.id))).resolves.toBe(true);
      await expect(as(outsider, (tx) => leaveParticipant(tx, open.id, member.id))).resolves.toBe(false);
      const [kept] = await readAsWorker((tx) => tx.select({ status: blendParticipants.status }).from(blendParticipants)
        .where(and(eq(blendParticipants.blendId, open.id), eq(blendParticipants.userId, member.id))));
      expect(kept).toEqual({ status: 'accepted' });
    });

    it('a user cannot delete participations', async () => {
      await expectRefused(as(member, (tx) => tx.delete(blendParticipants).where(eq(blendParticipants.userId, member.id))));
    });
  });

  describe('creating and changing blends', () => {
    it('a user starts a blend as its creator, never in someone else\'s name', async () => {
      await expect(as(outsider, (tx) => createBlend(tx, { createdBy: outsider.id, name: 'Mine', size: 20 }))).resolves.toMatchObject({ status: 'pending' });
      await expectRefused(as(outsider, (tx) => createBlend(tx, { createdBy: creator.id, name: 'Forged', size: 20 })));
    });

    it('a user cannot start a blend that is already completed, or comes with its own playlist links or summary', async () => {
      const base = { createdBy: outsider.id, name: 'Shortcut', shareCode: generateShareCode() };
      await expectRefused(as(outsider, (tx) => tx.insert(blends).values({ ...base, status: 'completed' })));
      await expectRefused(as(outsider, (tx) => tx.insert(blends).values({ ...base, playlistSpotifyUrl: 'https://evil.example/phish' })));
      await expectRefused(as(outsider, (tx) => tx.insert(blends).values({ ...base, summary: { version: 1 } })));
    });

    it('the creator finishes or cancels their pending blend', async () => {
      const toFinish = await seedBlend(db, { creator, status: 'pending' });
      const toCancel = await seedBlend(db, { creator, status: 'pending' });
      await expect(as(creator, (tx) => markProcessing(tx, toFinish.id))).resolves.toBe(true);
      await as(creator, (tx) => cancelBlend(tx, toCancel.id));
      expect([(await blendRow(toFinish.id))?.status, (await blendRow(toCancel.id))?.status]).toEqual(['processing', 'cancelled']);
    });

    it('a user cannot update someone else\'s blend, even one they are a member of', async () => {
      const open = await seedBlend(db, { creator, status: 'pending', members: [{ user: member, status: 'accepted' }] });
      await expect(as(member, (tx) => markProcessing(tx, open.id))).resolves.toBe(false);
      const renamed = await as(outsider, (tx) => tx.update(blends).set({ name: 'Taken over' }).where(eq(blends.id, open.id)).returning({ id: blends.id }));
      expect(renamed).toEqual([]);
      expect(await blendRow(open.id)).toMatchObject({ name: open.name, status: 'pending' });
    });

    it('the creator cannot complete their blend or set its summary and playlist links: that is the worker\'s job', async () => {
      const open = await seedBlend(db, { creator, status: 'pending' });
      await expectRefused(as(creator, (tx) => tx.update(blends).set({ status: 'completed' }).where(eq(blends.id, open.id))));
      await expectRefused(as(creator, (tx) => tx.update(blends).set({ playlistSpotifyUrl: 'https://evil.example/phish' }).where(eq(blends.id, open.id))));
      await expectRefused(as(creator, (tx) => tx.update(blends).set({ summary: { version: 1, forged: true } }).where(eq(blends.id, open.id))));
      expect(await blendRow(open.id)).toMatchObject({ status: 'pending' });
    });

    it('the creator cannot change a blend once it is completed', async () => {
      const renamed = await as(creator, (tx) => tx.update(blends).set({ name: 'Rewritten' }).where(eq(blends.id, completed.id)).returning({ id: blends.id }));
      expect(renamed).toEqual([]);
      expect(await blendRow(completed.id)).toMatchObject({ name: completed.name, status: 'completed' });
    });

    it('a user cannot write blend tracks or delete blends', async () => {
      await expectRefused(as(creator, (tx) => tx.insert(blendTracks).values({
        blendId: completed.id, contributedBy: creator.id, trackId: 'x', trackName: 'Injected', artistName: 'A', position: 99, sourceProvider: 'spotify',
      })));
      await expectRefused(as(creator, (tx) => tx.delete(blends).where(eq(blends.id, completed.id))));
    });
  });
});
