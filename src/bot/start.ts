import { once } from 'node:events';
import { Events, Routes, type Client, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import { commands } from '../../commands/index.js';
import { refreshJoinMessage } from '../blends/join-message.js';
import type { AppContext } from '../context.js';
import { createAckPriority, type AckPriority } from './ack-priority.js';
import type { BotContext } from './bot-context.js';
import { buttons } from './buttons/index.js';
import { createBotClient } from './client.js';
import { fairDb } from './fair-db.js';
import { createJoinMessageRefresher, type RefresherOptions } from './join-message-refresher.js';
import { createReactionHandler, type ReactionEvent } from './reactions.js';
import { createInteractionRouter } from './router.js';

export interface BotOptions {
  readonly refresher?: RefresherOptions;
}

/**
 * The bot role: logs the gateway client in, wires interactions and reactions, and resolves once
 * the client is ready. The returned stop destroys the client, then flushes pending join-message
 * edits (they go over REST, not the gateway).
 */
export async function startBot(base: AppContext, options: BotOptions = {}): Promise<() => Promise<void>> {
  const log = base.log.child({ role: 'bot' });
  const client = createBotClient(base.config.discord);
  const priority = createAckPriority();
  const db = fairDb(base.db, base.config.database.kind === 'postgres' ? base.config.database.poolSize : 1, () => priority.acknowledged());
  const refresher = createJoinMessageRefresher((blendId) => refreshJoinMessage({ ...base, db }, blendId), log, options.refresher);
  const ctx: BotContext = {
    ...base,
    log,
    db,
    bot: { refreshJoinMessage: (blendId) => refresher.schedule(blendId), react: (c, m, emoji) => react(client, c, m, emoji) },
  };
  wireEvents(client, ctx, priority);
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(base.config.discord.token);
    await ready;
  } catch (error) {
    ready.catch(() => undefined);
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');
  return async () => {
    await client.destroy();
    await refresher.flush();
  };
}

function wireEvents(client: Client, ctx: BotContext, priority: AckPriority): void {
  const route = createInteractionRouter(ctx, { commands, buttons }, priority);
  const reactions = createReactionHandler(ctx);
  const event = (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser): ReactionEvent => ({
    userId: user.id,
    displayName: user.partial ? null : user.displayName,
    isBot: user.bot === true || user.id === client.user?.id,
    messageId: reaction.message.id,
    channelId: reaction.message.channelId,
    emoji: reaction.emoji.name,
  });
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.MessageReactionAdd, (reaction, user) => void reactions.added(event(reaction, user)));
  client.on(Events.MessageReactionRemove, (reaction, user) => void reactions.removed(event(reaction, user)));
  client.on(Events.Error, (err) => ctx.log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => ctx.log.warn({ message }, 'discord client warning'));
}

async function react(client: Client, channelId: string, messageId: string, emoji: string): Promise<void> {
  await client.rest.put(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)));
}
