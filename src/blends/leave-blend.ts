import type { AppContext } from '../context.js';
import { asUser, withActor } from '../data/actor.js';
import type { BlendRef } from '../data/blends.js';
import { leaveParticipant } from '../data/participants.js';
import { findUserByDiscordId } from '../data/users.js';
import { UserFacingError } from '../errors.js';
import { bold, findTarget, missingBlendError, type BlendTarget } from './find-blend.js';

export type LeaveOutcome =
  | { readonly kind: 'left'; readonly blend: BlendRef }
  | { readonly kind: 'not-a-member'; readonly blend: BlendRef }
  | { readonly kind: 'not-a-blend' };

/**
 * The member leaves the blend (declined), acting as them. Only an open blend can be left: once
 * it is being built, the member's tracks are already in use. `channel` targets are resolved
 * for the member (the newest open blend there that they are in).
 */
export async function leaveBlend(ctx: AppContext, discordId: string, target: BlendTarget): Promise<LeaveOutcome> {
  const outcome = await withActor(ctx.db, asUser(discordId), async (tx): Promise<LeaveOutcome | undefined> => {
    const user = await findUserByDiscordId(tx, discordId);
    const resolved = target.kind === 'channel' && user
      ? { ...target, filter: { kind: 'open-member', userId: user.id } as const }
      : target;
    const blend = await findTarget(tx, resolved);
    if (!blend) return undefined;
    if (blend.status !== 'pending') throw new UserFacingError(`${bold(blend.name)} is no longer open, so there is nothing to leave.`);
    const left = user ? await leaveParticipant(tx, blend.id, user.id) : false;
    return left ? { kind: 'left', blend } : { kind: 'not-a-member', blend };
  });
  if (outcome) return outcome;
  if (target.kind === 'message') return { kind: 'not-a-blend' };
  throw await missingBlendError(ctx, target);
}
