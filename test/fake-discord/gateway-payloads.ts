import { GatewayIntentBits } from 'discord.js';
import {
  channelPayload,
  everyoneRole,
  iso,
  memberPayload,
  userPayload,
} from './payloads.js';
import type { FakeState, GuildRecord } from './state.js';
import type { FakeChannel, FakeUser } from './types.js';

export function readyPayload(state: FakeState, session: { id: string; shard: readonly [number, number] }, resumeUrl: string) {
  return {
    v: 10,
    user: { ...userPayload(state.bot), verified: true, mfa_enabled: false },
    guilds: [...state.guilds.values()].map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    shard: [...session.shard],
    application: { id: state.applicationId, flags: 0 },
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    user_settings: {},
    _trace: ['fake-discord'],
  };
}

export function guildCreatePayload(state: FakeState, guild: GuildRecord) {
  const channels = guild.channelIds
    .map((id) => state.channels.get(id))
    .filter((c): c is FakeChannel => c !== undefined)
    .map((c) => channelPayload(state, c));
  const members = guild.memberIds
    .map((id) => state.users.get(id))
    .filter((u): u is FakeUser => u !== undefined)
    .map((u) => memberPayload(u, guild));
  return {
    ...guildPayload(state, guild),
    joined_at: iso(guild.createdAt),
    large: false,
    unavailable: false,
    member_count: members.length,
    members,
    channels,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The REST shape (GET /guilds/:id). */
export function guildPayload(state: FakeState, guild: GuildRecord) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: [everyoneRole(guild)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    approximate_member_count: guild.memberIds.length,
    approximate_presence_count: 0,
    max_members: 500000,
  };
}

/** Which intent a guild or DM event needs, as Discord filters dispatches by IDENTIFY intents. */
export function intentFor(kind: 'messages' | 'reactions', channel: FakeChannel): number {
  const dm = channel.kind === 'dm';
  if (kind === 'messages') return dm ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
  return dm ? GatewayIntentBits.DirectMessageReactions : GatewayIntentBits.GuildMessageReactions;
}
