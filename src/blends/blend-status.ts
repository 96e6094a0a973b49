import type { APIEmbed } from 'discord.js';
import type { AppContext } from '../context.js';
import { asUser, asWorker, withActor } from '../data/actor.js';
import { loadBlendView, type BlendView } from '../data/blends.js';
import { findUserByDiscordId } from '../data/users.js';
import { blendEmbed, fitList, mention, relativeTime } from './blend-embed.js';
import { findTarget, missingBlendError, type BlendTarget } from './find-blend.js';
import { BLEND_SIZE } from './limits.js';

/**
 * The blend the user asked about, found as them (so they learn nothing RLS hides), then loaded
 * in full as the worker: its member list is the one the public join message already shows.
 */
export async function loadStatus(ctx: AppContext, discordId: string, target: BlendTarget): Promise<BlendView> {
  const blendId = await withActor(ctx.db, asUser(discordId), async (tx) => {
    const user = target.kind === 'channel' ? await findUserByDiscordId(tx, discordId) : undefined;
    const mine = user && target.kind === 'channel' ? await findTarget(tx, { ...target, filter: { kind: 'open-member', userId: user.id } }) : undefined;
    return (mine ?? await findTarget(tx, target))?.id;
  });
  const view = blendId ? await withActor(ctx.db, asWorker, (tx) => loadBlendView(tx, blendId, BLEND_SIZE.default)) : undefined;
  if (!view) throw await missingBlendError(ctx, target);
  return view;
}

/** /blend status: the blend embed plus who still has to link and when joining closes. */
export function renderStatus(view: BlendView): APIEmbed {
  const waiting = view.members.filter((m) => m.status === 'pending');
  const stillToLink = waiting.length > 0 ? fitList(waiting.map((m) => mention(m.discordId)), ', ') : 'Nobody: everyone has linked.';
  const closes = view.status !== 'pending' ? 'Closed.'
    : view.closesAt ? `Joining closes ${relativeTime(view.closesAt)}.` : 'Joining stays open until the creator runs `/blend finish`.';
  const problem = view.lastError && view.status !== 'completed' ? [{ name: 'Last build', value: view.lastError.slice(0, 1000) }] : [];
  return blendEmbed(view, [{ name: 'Still has to link', value: stillToLink }, { name: 'When', value: closes }, ...problem]);
}
