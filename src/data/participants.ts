import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends } from '../../db/schema/index.js';

export type ParticipantStatus = 'pending' | 'accepted' | 'declined';

export async function findParticipation(db: Db, blendId: string, userId: string): Promise<ParticipantStatus | undefined> {
  const [row] = await db.select({ status: blendParticipants.status }).from(blendParticipants)
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.userId, userId))).limit(1);
  return row?.status;
}

/**
 * Adds the user to the blend with `status`, or brings back a member who had left. A member who is
 * already in (pending or accepted) is left as they are: joining twice is harmless.
 * Returns the participation's status afterwards and whether this call changed it.
 *
 * No RETURNING and no ON CONFLICT DO UPDATE here: under row level security both need the new row
 * to pass the SELECT policy, which sees the user's blends as of the statement's start, so it
 * cannot see a participation the statement itself creates.
 */
export async function joinParticipant(db: Db, blendId: string, userId: string, status: 'pending' | 'accepted'): Promise<{ status: ParticipantStatus; changed: boolean }> {
  const current = await findParticipation(db, blendId, userId);
  if (current === 'pending' || current === 'accepted') return { status: current, changed: false };
  if (current === 'declined') {
    await db.update(blendParticipants).set({ status, joinedAt: sql`now()` })
      .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.userId, userId)));
    return { status, changed: true };
  }
  const inserted = await db.insert(blendParticipants).values({ blendId, userId, status, joinedAt: sql`now()` }).onConflictDoNothing();
  if (affectedRows(inserted) === 1) return { status, changed: true };
  return { status: (await findParticipation(db, blendId, userId)) ?? status, changed: false };
}

/** Rows a statement without RETURNING touched: PGlite says `affectedRows`, postgres-js `count`. */
function affectedRows(result: unknown): number {
  const r = result as { affectedRows?: number; count?: number };
  return r.affectedRows ?? r.count ?? 0;
}

/** The member leaves (declined). False when they were not in it. */
export async function leaveParticipant(db: Db, blendId: string, userId: string): Promise<boolean> {
  const rows = await db.update(blendParticipants).set({ status: 'declined' })
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.userId, userId), inArray(blendParticipants.status, ['pending', 'accepted'])))
    .returning({ id: blendParticipants.id });
  return rows.length === 1;
}

export async function setParticipantStatus(db: Db, blendId: string, userId: string, status: 'pending' | 'accepted'): Promise<void> {
  await db.update(blendParticipants).set({ status })
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.userId, userId)));
}

export async function countAccepted(db: Db, blendId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(blendParticipants)
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.status, 'accepted')));
  return Number(row?.n ?? 0);
}

/**
 * A member who no longer has a usable music service is pending again in the blends that are
 * still open (the ones being built keep them). Returns those blends' ids.
 */
export async function unacceptOpenParticipations(db: Db, userId: string): Promise<string[]> {
  const rows = await db.update(blendParticipants).set({ status: 'pending' })
    .where(and(
      eq(blendParticipants.userId, userId), eq(blendParticipants.status, 'accepted'),
      inArray(blendParticipants.blendId, db.select({ id: blends.id }).from(blends).where(eq(blends.status, 'pending'))),
    ))
    .returning({ blendId: blendParticipants.blendId });
  return rows.map((r) => r.blendId);
}
