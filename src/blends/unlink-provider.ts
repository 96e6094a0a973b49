import type { AppContext } from '../context.js';
import { asUser, withActor } from '../data/actor.js';
import { deleteConnection, hasConnection, hasUsableConnection } from '../data/connections-lookup.js';
import { unacceptOpenParticipations } from '../data/participants.js';
import { findUserByDiscordId } from '../data/users.js';
import type { ProviderId } from '../providers/types.js';

export async function isLinked(ctx: AppContext, discordId: string, provider: ProviderId): Promise<boolean> {
  return withActor(ctx.db, asUser(discordId), async (tx) => {
    const user = await findUserByDiscordId(tx, discordId);
    return user ? hasConnection(tx, user.id, provider) : false;
  });
}

export type UnlinkOutcome =
  | { readonly kind: 'unlinked'; readonly affectedBlendIds: readonly string[] }
  | { readonly kind: 'not-linked' };

/**
 * Deletes the user's connection to a provider and, by cascade, its cached top tracks. A member
 * left with no usable service is pending again in the blends still open, so a blend is never
 * finished on the strength of a member who can no longer be read; the affected blends' ids are
 * returned so their join messages can be refreshed.
 */
export async function unlinkProvider(ctx: AppContext, discordId: string, provider: ProviderId): Promise<UnlinkOutcome> {
  return withActor(ctx.db, asUser(discordId), async (tx) => {
    const user = await findUserByDiscordId(tx, discordId);
    if (!user || !(await deleteConnection(tx, user.id, provider))) return { kind: 'not-linked' };
    const affectedBlendIds = (await hasUsableConnection(tx, user.id)) ? [] : await unacceptOpenParticipations(tx, user.id);
    return { kind: 'unlinked', affectedBlendIds };
  });
}
