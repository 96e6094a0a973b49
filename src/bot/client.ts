import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { NO_MENTIONS } from './replies.js';

/** Only what the bot needs: guilds (channels), reactions on guild messages, and DMs. No privileged intents. */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages] as const;

/**
 * Reactions on messages the client has not cached (every join message after a restart) arrive
 * only with Message + Reaction partials; User and Channel cover uncached reactors and DM channels.
 */
export const BOT_PARTIALS = [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel] as const;

/** The gateway client. `apiBase` redirects REST, and with it gateway discovery (`GET /gateway/bot`). */
export function createBotClient(discord: { readonly apiBase: string }): Client {
  return new Client({
    intents: [...BOT_INTENTS],
    partials: [...BOT_PARTIALS],
    rest: { api: discord.apiBase },
    allowedMentions: NO_MENTIONS,
  });
}
