import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { asUser, withActor } from '../data/actor.js';
import { markProcessing, type BlendRef } from '../data/blends.js';
import { countAccepted } from '../data/participants.js';
import { findUserByDiscordId } from '../data/users.js';
import { ForbiddenError, UserFacingError } from '../errors.js';
import { bold, findTarget, missingBlendError, type BlendTarget } from './find-blend.js';
import { MIN_ACCEPTED_MEMBERS } from './limits.js';

/**
 * The creator closes joining and queues the build: pending → processing, which the worker picks
 * up. Acts as the creator; anyone else, a blend that is not open, or fewer than two members with
 * a linked music service gets a clear UserFacingError.
 */
export async function finishBlend(ctx: AppContext, discordId: string, target: BlendTarget): Promise<BlendRef> {
  const blend = await withActor(ctx.db, asUser(discordId), async (tx) => {
    const user = await findUserByDiscordId(tx, discordId);
    const found = await findOwnTarget(tx, target, user?.id);
    if (!found) return undefined;
    if (found.createdBy !== user?.id) throw new ForbiddenError(`Only the person who started ${bold(found.name)} can finish it.`);
    assertFinishable(found, await countAccepted(tx, found.id));
    if (!(await markProcessing(tx, found.id))) throw new UserFacingError(`${bold(found.name)} is already being built.`);
    return found;
  });
  if (!blend) throw await missingBlendError(ctx, target);
  return blend;
}

/** Without a code: the newest open blend here that they started, else the newest open one (to say whose it is). */
async function findOwnTarget(tx: Db, target: BlendTarget, userId: string | undefined): Promise<BlendRef | undefined> {
  if (target.kind !== 'channel' || !userId) return findTarget(tx, target);
  return (await findTarget(tx, { ...target, filter: { kind: 'open-created-by', userId } })) ?? findTarget(tx, target);
}

function assertFinishable(blend: BlendRef, accepted: number): void {
  if (blend.status === 'processing') throw new UserFacingError(`${bold(blend.name)} is already being built.`);
  if (blend.status === 'completed') throw new UserFacingError(`${bold(blend.name)} is already finished.`);
  if (blend.status === 'cancelled') throw new UserFacingError(`${bold(blend.name)} was cancelled.`);
  if (accepted < MIN_ACCEPTED_MEMBERS) {
    throw new UserFacingError(`${bold(blend.name)} needs at least ${MIN_ACCEPTED_MEMBERS} members who linked a music service before it can be built; `
      + `it has ${accepted}. \`/blend status\` shows who still has to link.`);
  }
}
