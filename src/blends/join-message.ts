import type { RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { AppContext } from '../context.js';
import { asWorker, withActor } from '../data/actor.js';
import { loadBlendView, type BlendView } from '../data/blends.js';
import { NO_PINGS } from '../discord/outbox.js';
import { JOIN_EMOJI } from '../bot/ids.js';
import { blendEmbed } from './blend-embed.js';
import { BLEND_SIZE } from './limits.js';

const HEADLINE = {
  pending: `A new Blend is open: react with ${JOIN_EMOJI} to join!`,
  processing: 'Joining has closed: the playlist is being built.',
  completed: 'This Blend is finished.',
  cancelled: 'This Blend was cancelled.',
} as const satisfies Record<BlendView['status'], string>;

/**
 * The join message for a blend, as a REST message body (post or edit). Pure. Mentions in it
 * (the member list, the blend's name) never ping anyone.
 */
export function renderJoinMessage(view: BlendView): RESTPostAPIChannelMessageJSONBody & { content: string } {
  return { content: HEADLINE[view.status], embeds: [blendEmbed(view)], allowed_mentions: NO_PINGS };
}

/**
 * Re-renders a blend's join message from the database and edits it in place (no-op when the
 * blend has no join message). Runs as the worker, so any role can call it: the web role after a
 * member links, the worker when the blend changes state. Edits go out as they are asked for; the
 * bot process coalesces bursts in front of this (src/bot/join-message-refresher.ts).
 */
export async function refreshJoinMessage(ctx: AppContext, blendId: string): Promise<void> {
  const view = await withActor(ctx.db, asWorker, (tx) => loadBlendView(tx, blendId, BLEND_SIZE.default));
  if (!view?.channelId || !view.messageId) return;
  await ctx.discord.edit(view.channelId, view.messageId, renderJoinMessage(view));
}
