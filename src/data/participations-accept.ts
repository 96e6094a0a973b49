import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends } from '../../db/schema/index.js';

export interface AcceptedParticipation {
  readonly blendId: string;
  readonly blendName: string;
}

/**
 * Linking a provider accepts the user's pending participations in blends that are still open
 * (design.md "Participants"); participations in closed blends stay as they are.
 */
export async function acceptPendingParticipations(db: Db, userId: string): Promise<AcceptedParticipation[]> {
  const openBlends = db.select({ id: blends.id }).from(blends).where(eq(blends.status, 'pending'));
  const accepted = await db.update(blendParticipants).set({ status: 'accepted' })
    .where(and(
      eq(blendParticipants.userId, userId),
      eq(blendParticipants.status, 'pending'),
      inArray(blendParticipants.blendId, openBlends),
    ))
    .returning({ blendId: blendParticipants.blendId });
  if (accepted.length === 0) return [];
  return db.select({ blendId: blends.id, blendName: blends.name }).from(blends)
    .where(inArray(blends.id, accepted.map((a) => a.blendId)))
    .orderBy(blends.createdAt, blends.id);
}
