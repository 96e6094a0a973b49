import { joinBlend } from '../blends/join-blend.js';
import { leaveBlend } from '../blends/leave-blend.js';
import { sendLinkNotice } from '../blends/link-prompt.js';
import { UserFacingError } from '../errors.js';
import type { BotContext } from './bot-context.js';
import { JOIN_EMOJI } from './ids.js';
import { createKeyedQueue } from './keyed-queue.js';

/** A reaction as the handler needs it, taken from discord.js's (possibly partial) objects. */
export interface ReactionEvent {
  readonly userId: string;
  /** Null when discord.js only has a partial user. */
  readonly displayName: string | null;
  readonly isBot: boolean;
  readonly messageId: string;
  readonly channelId: string;
  /** The unicode emoji, or a custom emoji's name. */
  readonly emoji: string | null;
}

/**
 * Joining by reaction: 🎧 on a join message joins (pending until the member links, and then they
 * get a DM, or a channel notice when their DMs are closed); removing it leaves. Bots (the bot's
 * own 🎧 included), other emoji and other messages are ignored. Events for one member on one
 * message run in order.
 */
export function createReactionHandler(ctx: BotContext) {
  const enqueue = createKeyedQueue();
  const handle = (event: ReactionEvent, work: (scoped: BotContext) => Promise<void>): Promise<void> => {
    if (event.isBot || event.emoji !== JOIN_EMOJI) return Promise.resolve();
    const scoped = { ...ctx, log: ctx.log.child({ reaction: event.emoji, messageId: event.messageId, userId: event.userId }) };
    return enqueue(`${event.userId}:${event.messageId}`, () => work(scoped).catch((error: unknown) => reportFailure(scoped, event, error)));
  };
  return {
    added: (event: ReactionEvent) => handle(event, (scoped) => joinByReaction(scoped, event)),
    removed: (event: ReactionEvent) => handle(event, (scoped) => leaveByReaction(scoped, event)),
  };
}

async function joinByReaction(ctx: BotContext, event: ReactionEvent): Promise<void> {
  const outcome = await joinBlend(ctx, { discordId: event.userId, displayName: event.displayName }, { kind: 'message', messageId: event.messageId });
  if (outcome.kind !== 'joined' || !outcome.changed) return;
  ctx.bot.refreshJoinMessage(outcome.blend.id);
  ctx.log.info({ blendId: outcome.blend.id, status: outcome.status }, 'joined by reaction');
  if (outcome.status === 'pending') {
    const notice = await sendLinkNotice(ctx, { discordId: event.userId, blendName: outcome.blend.name, channelId: outcome.blend.channelId ?? event.channelId });
    ctx.log.info({ notice }, 'asked the member to link');
  }
}

async function leaveByReaction(ctx: BotContext, event: ReactionEvent): Promise<void> {
  const outcome = await leaveBlend(ctx, event.userId, { kind: 'message', messageId: event.messageId });
  if (outcome.kind !== 'left') return;
  ctx.bot.refreshJoinMessage(outcome.blend.id);
  ctx.log.info({ blendId: outcome.blend.id }, 'left by reaction');
}

/** A reaction has no reply: an expected refusal (joining closed…) goes to the member by DM; anything else is logged. */
async function reportFailure(ctx: BotContext, event: ReactionEvent, error: unknown): Promise<void> {
  if (!(error instanceof UserFacingError)) {
    ctx.log.error({ err: error }, 'reaction failed');
    return;
  }
  ctx.log.info({ reason: error.message }, 'reaction refused');
  await ctx.discord.sendDm(event.userId, { content: error.message })
    .catch((err: unknown) => ctx.log.warn({ err }, 'could not tell the member why'));
}
