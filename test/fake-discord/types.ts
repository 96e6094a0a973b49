import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';

export interface UserSeed {
  readonly id?: string;
  readonly username: string;
  readonly globalName?: string | null;
  readonly bot?: boolean;
}

export interface GuildSeed {
  readonly id?: string;
  readonly name: string;
  /** Text channels; the first one is the guild's default channel. */
  readonly channels?: readonly { readonly id?: string; readonly name: string }[];
  /** Human members; the bot user is always added as a member too. */
  readonly members?: readonly UserSeed[];
}

export interface FakeDiscordOptions {
  readonly applicationId?: string;
  readonly botUser?: Omit<UserSeed, 'bot'>;
  /** Replaces the default guild ('Test Server' with #general, alice, bob and carol). */
  readonly guilds?: readonly GuildSeed[];
  /** HELLO heartbeat_interval. Default 1000 ms. */
  readonly heartbeatIntervalMs?: number;
  /** How long after dispatch an interaction may still be acknowledged. Default 3000 ms. */
  readonly interactionAckTimeoutMs?: number;
  /** When set, any other bot token gets 401 on REST and close code 4004 on IDENTIFY. */
  readonly validToken?: string;
}

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
}

export type ChannelKind = 'text' | 'dm';

export interface FakeChannel {
  readonly id: string;
  readonly kind: ChannelKind;
  /** Guild channels only. */
  readonly name: string | null;
  readonly guildId: string | null;
  /** DM channels only. */
  readonly recipientId: string | null;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly channels: readonly FakeChannel[];
  /** Includes the bot user. */
  readonly members: readonly FakeUser[];
}

export interface FakeEmoji {
  readonly id: string | null;
  readonly name: string;
}

export interface FakeReaction {
  /** The unicode emoji, or `name:id` for a custom emoji. */
  readonly emoji: string;
  /** In the order they reacted. */
  readonly userIds: readonly string[];
}

/** What a message looked like at one moment; `history` keeps the versions before each edit. */
export interface MessageSnapshot {
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly APIMessageTopLevelComponent[];
  readonly flags: number;
  readonly at: number;
}

export interface FakeMessage extends MessageSnapshot {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly author: FakeUser;
  /** Discord MessageType: 0 default, 19 reply, 20 slash-command response. */
  readonly type: number;
  readonly createdAt: number;
  readonly editedAt: number | null;
  readonly ephemeral: boolean;
  readonly deleted: boolean;
  /** The interaction whose response or follow-up this is. */
  readonly interactionId: string | null;
  readonly referencedMessageId: string | null;
  readonly history: readonly MessageSnapshot[];
  readonly reactions: readonly FakeReaction[];
}

export interface RecordedCall {
  readonly method: string;
  /** Without the `/api/v10` prefix, e.g. `/channels/123/messages`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The matched route pattern, e.g. `POST /channels/:channelId/messages`; null when no route matched. */
  readonly route: string | null;
  readonly body: unknown;
  readonly status: number;
  readonly response: unknown;
  /** `Authorization` header without the `Bot ` prefix; null for interaction calls. */
  readonly token: string | null;
  readonly at: number;
  readonly durationMs: number;
}

export interface RegisteredCommand {
  readonly id: string;
  readonly name: string;
  /** null for global commands. */
  readonly guildId: string | null;
  readonly type: number;
  /** The JSON the bot sent for this command. */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface GatewayStats {
  readonly connections: number;
  readonly identifies: number;
  readonly resumes: number;
  readonly heartbeats: number;
  /** Sessions that finished IDENTIFY and still have an open socket. */
  readonly readySessions: number;
}
