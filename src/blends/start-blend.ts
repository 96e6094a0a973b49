import type { AppContext } from '../context.js';
import { asUser, asWorker, withActor } from '../data/actor.js';
import { cancelBlend, loadBlendView, setJoinMessage, type BlendView } from '../data/blends.js';
import { hasUsableConnection } from '../data/connections-lookup.js';
import { createBlend } from '../data/create-blend.js';
import { setParticipantStatus } from '../data/participants.js';
import { ensureUser } from '../data/users.js';
import type { Member } from './join-blend.js';
import { renderJoinMessage } from './join-message.js';
import { BLEND_SIZE } from './limits.js';

export interface StartRequest {
  readonly creator: Member;
  readonly name: string;
  readonly size: number;
  readonly closesAt: Date | null;
  readonly guildId: string;
  readonly channelId: string;
}

/** Creates the blend as its creator and joins them: `accepted` if they already linked a service. */
export async function createBlendFor(ctx: AppContext, req: StartRequest): Promise<{ blendId: string; creatorStatus: 'pending' | 'accepted' }> {
  return withActor(ctx.db, asUser(req.creator.discordId), async (tx) => {
    const user = await ensureUser(tx, { discordId: req.creator.discordId, displayName: req.creator.displayName });
    const blend = await createBlend(tx, {
      createdBy: user.id, name: req.name, size: req.size, guildId: req.guildId, channelId: req.channelId, closesAt: req.closesAt ?? undefined,
    });
    const linked = await hasUsableConnection(tx, user.id);
    if (linked) await setParticipantStatus(tx, blend.id, user.id, 'accepted');
    return { blendId: blend.id, creatorStatus: linked ? 'accepted' : 'pending' };
  });
}

/**
 * Posts the blend's join message in its channel and records where it is. When the post fails
 * (no permission to post there, say) the blend is cancelled, so no blend is left without a
 * way to join it, and the error goes on to the caller.
 */
export async function postJoinMessage(ctx: AppContext, blendId: string, creatorDiscordId: string): Promise<BlendView & { messageId: string; channelId: string }> {
  const view = await withActor(ctx.db, asWorker, (tx) => loadBlendView(tx, blendId, BLEND_SIZE.default));
  if (!view?.channelId) throw new Error(`blend ${blendId} has no channel to post in`);
  const channelId = view.channelId;
  let messageId: string;
  try {
    ({ id: messageId } = await ctx.discord.post(channelId, renderJoinMessage(view)));
  } catch (error) {
    await withActor(ctx.db, asUser(creatorDiscordId), (tx) => cancelBlend(tx, blendId));
    throw error;
  }
  await withActor(ctx.db, asWorker, (tx) => setJoinMessage(tx, blendId, { channelId, messageId, guildId: view.guildId }));
  return { ...view, channelId, messageId };
}
