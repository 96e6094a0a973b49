import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { asUser, withActor } from '../data/actor.js';
import type { BlendRef } from '../data/blends.js';
import { hasUsableConnection } from '../data/connections-lookup.js';
import { joinParticipant, setParticipantStatus } from '../data/participants.js';
import { ensureUser } from '../data/users.js';
import { UserFacingError } from '../errors.js';
import { bold, findTarget, missingBlendError, type BlendTarget } from './find-blend.js';

export interface Member {
  readonly discordId: string;
  /** Null when Discord did not say (the stored name is kept). */
  readonly displayName: string | null;
}

export type JoinOutcome =
  /** `changed`: false when they were already in (joining twice is harmless). */
  | { readonly kind: 'joined'; readonly blend: BlendRef; readonly status: 'pending' | 'accepted'; readonly changed: boolean }
  /** A reaction on a message that is not an open blend's join message. */
  | { readonly kind: 'not-a-blend' };

/**
 * Joins a member to a blend, acting as them: `accepted` when they already have a usable linked
 * music service, else `pending` (the caller tells them how to link). Throws UserFacingError when
 * the blend cannot be joined.
 */
export async function joinBlend(ctx: AppContext, member: Member, target: BlendTarget): Promise<JoinOutcome> {
  const outcome = await withActor(ctx.db, asUser(member.discordId), async (tx) => {
    const blend = await findTarget(tx, target);
    if (!blend) return undefined;
    assertJoinable(blend, ctx.now());
    const user = await ensureUser(tx, { discordId: member.discordId, displayName: member.displayName });
    return join(tx, blend, user.id);
  });
  if (outcome) return outcome;
  if (target.kind === 'message') return { kind: 'not-a-blend' };
  throw await missingBlendError(ctx, target);
}

async function join(tx: Db, blend: BlendRef, userId: string): Promise<JoinOutcome> {
  const linked = await hasUsableConnection(tx, userId);
  const result = await joinParticipant(tx, blend.id, userId, linked ? 'accepted' : 'pending');
  if (!result.changed && result.status === 'pending' && linked) {
    await setParticipantStatus(tx, blend.id, userId, 'accepted');
    return { kind: 'joined', blend, status: 'accepted', changed: true };
  }
  return { kind: 'joined', blend, status: result.status === 'accepted' ? 'accepted' : 'pending', changed: result.changed };
}

export function assertJoinable(blend: BlendRef, now: Date): void {
  if (blend.status === 'completed') throw new UserFacingError(`${bold(blend.name)} is already finished, so it can't be joined.`);
  if (blend.status === 'cancelled') throw new UserFacingError(`${bold(blend.name)} was cancelled.`);
  if (blend.status === 'processing' || (blend.closesAt && blend.closesAt <= now)) {
    throw new UserFacingError(`Joining ${bold(blend.name)} has closed.`);
  }
}
