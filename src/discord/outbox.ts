import { DiscordAPIError, REST, RESTJSONErrorCodes, Routes, type RESTPostAPIChannelMessageJSONBody, type RESTPatchAPIChannelMessageJSONBody, type APIChannel, type APIMessage } from 'discord.js';

/** A message as the REST API takes it; mentions never ping unless a caller says so. */
export type OutgoingMessage = RESTPostAPIChannelMessageJSONBody;

export type DmResult = { kind: 'sent'; messageId: string } | { kind: 'dms_closed' };

/**
 * What every role needs of Discord without a gateway connection: DMs, channel posts and edits,
 * over REST. The web role (after a link) and the worker (the finished embed) use it from their
 * own processes; the bot uses it too, so there is one way to send.
 */
export interface DiscordOutbox {
  sendDm(discordUserId: string, message: OutgoingMessage): Promise<DmResult>;
  post(channelId: string, message: OutgoingMessage): Promise<{ id: string }>;
  edit(channelId: string, messageId: string, message: RESTPatchAPIChannelMessageJSONBody): Promise<void>;
}

export const NO_PINGS: { parse: [] } = { parse: [] };

export function createDiscordOutbox(cfg: { token: string; apiBase: string }): DiscordOutbox {
  const rest = new REST({ version: '10', api: cfg.apiBase }).setToken(cfg.token);
  const dmChannels = new Map<string, string>();

  async function dmChannelId(userId: string): Promise<string> {
    const cached = dmChannels.get(userId);
    if (cached) return cached;
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    dmChannels.set(userId, channel.id);
    return channel.id;
  }

  return {
    async sendDm(userId, message) {
      try {
        const sent = (await rest.post(Routes.channelMessages(await dmChannelId(userId)), { body: withNoPings(message) })) as APIMessage;
        return { kind: 'sent', messageId: sent.id };
      } catch (error) {
        if (isCannotDm(error)) return { kind: 'dms_closed' };
        throw error;
      }
    },
    async post(channelId, message) {
      const sent = (await rest.post(Routes.channelMessages(channelId), { body: withNoPings(message) })) as APIMessage;
      return { id: sent.id };
    },
    async edit(channelId, messageId, message) {
      await rest.patch(Routes.channelMessage(channelId, messageId), { body: { allowed_mentions: NO_PINGS, ...message } });
    },
  };
}

const withNoPings = (message: OutgoingMessage): OutgoingMessage => ({ allowed_mentions: NO_PINGS, ...message });

/** Discord's "Cannot send messages to this user" (50007): the member has closed their DMs. */
export function isCannotDm(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
}
