import { ChannelType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { ChannelFlags, GuildMemberFlags, RoleFlags } from 'discord.js';
import type {
  APIChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIReaction,
  APIRole,
  APIUser,
} from 'discord.js';
import type { FakeState, GuildRecord, MessageRecord, ReactionRecord } from './state.js';
import type { FakeChannel, FakeUser } from './types.js';

/** Every permission bit: the fake never denies anything for permission reasons. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits)
  .reduce((all, bit) => all | bit, 0n)
  .toString();

const NO_FLAGS = 0;

export const iso = (ms: number): string => new Date(ms).toISOString();

export function userPayload(user: FakeUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function memberPayload(user: FakeUser, guild: GuildRecord): APIGuildMember & { user: APIUser } {
  return {
    user: userPayload(user),
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: iso(guild.createdAt),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function interactionMemberPayload(user: FakeUser, guild: GuildRecord): APIInteractionGuildMember {
  return { ...memberPayload(user, guild), permissions: ALL_PERMISSIONS };
}

export function everyoneRole(guild: GuildRecord): APIRole {
  return {
    id: guild.id,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: ALL_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: NO_FLAGS as RoleFlags,
  };
}

export function channelPayload(state: FakeState, channel: FakeChannel): APIChannel {
  const lastMessageId = state.lastMessageId(channel.id);
  if (channel.kind === 'dm') {
    const recipient = state.users.get(channel.recipientId ?? '');
    return {
      id: channel.id,
      type: ChannelType.DM,
      name: null,
      last_message_id: lastMessageId,
      recipients: recipient ? [userPayload(recipient)] : [],
      flags: NO_FLAGS as ChannelFlags,
    };
  }
  const guild = state.guilds.get(channel.guildId ?? '');
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: channel.guildId ?? undefined,
    name: channel.name ?? 'channel',
    position: guild ? guild.channelIds.indexOf(channel.id) : 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: lastMessageId,
    rate_limit_per_user: 0,
    flags: NO_FLAGS as ChannelFlags,
  };
}

function reactionPayload(reaction: ReactionRecord, botId: string): APIReaction {
  return {
    emoji: { id: reaction.ref.id, name: reaction.ref.name },
    count: reaction.userIds.length,
    count_details: { burst: 0, normal: reaction.userIds.length },
    me: reaction.userIds.includes(botId),
    me_burst: false,
    burst_colors: [],
  };
}

export function messagePayload(state: FakeState, message: MessageRecord): APIMessage {
  const meta = message.interactionMeta;
  const user = meta ? state.users.get(meta.userId) : undefined;
  const reactions = message.reactions.filter((r) => r.userIds.length > 0);
  return {
    id: message.id,
    channel_id: message.channelId,
    author: userPayload(message.author),
    content: message.content,
    timestamp: iso(message.createdAt),
    edited_timestamp: message.editedAt === null ? null : iso(message.editedAt),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [...message.embeds],
    components: [...message.components],
    pinned: false,
    type: message.type,
    flags: message.flags,
    ...(reactions.length > 0 ? { reactions: reactions.map((r) => reactionPayload(r, state.bot.id)) } : {}),
    ...(meta && user
      ? {
          webhook_id: state.applicationId,
          application_id: state.applicationId,
          interaction_metadata: {
            id: meta.id,
            type: meta.type,
            user: userPayload(user),
            authorizing_integration_owners: {},
          },
        }
      : {}),
    ...(message.referencedMessageId
      ? { message_reference: { type: 0, message_id: message.referencedMessageId, channel_id: message.channelId } }
      : {}),
  };
}

export const isEphemeralFlags = (flags: number): boolean => (flags & MessageFlags.Ephemeral) !== 0;
export const isLoadingFlags = (flags: number): boolean => (flags & MessageFlags.Loading) !== 0;
