import type { FakeCore } from '../core.js';
import { discordErrors } from '../discord-error.js';
import { guildPayload } from '../gateway-payloads.js';
import { asObject } from '../message-body.js';
import { channelPayload, memberPayload, userPayload } from '../payloads.js';
import { json } from '../router.js';
import type { Route } from '../router.js';

/** Gateway discovery, users, the application, guilds and DM channels. */
export function metaRoutes(core: FakeCore): Route[] {
  const { state } = core;
  const gatewayBot = () =>
    json({
      url: core.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    });
  const guildOf = (id: string | undefined) => state.guilds.get(id ?? '') ?? throwError(discordErrors.unknownGuild());
  const userOf = (id: string | undefined) => state.users.get(id ?? '') ?? throwError(discordErrors.unknownUser());

  return [
    { method: 'GET', path: '/gateway', auth: 'none', handle: () => json({ url: core.gatewayUrl() }) },
    { method: 'GET', path: '/gateway/bot', auth: 'bot', handle: gatewayBot },
    { method: 'GET', path: '/users/@me', auth: 'bot', handle: () => json(userPayload(state.bot)) },
    {
      method: 'POST',
      path: '/users/@me/channels',
      auth: 'bot',
      // Opening a DM always works; a user with closed DMs only fails the send (50007).
      handle: ({ body }) => {
        const recipient = userOf(String(asObject(body).recipient_id));
        return json(channelPayload(state, state.openDm(recipient.id)));
      },
    },
    { method: 'GET', path: '/users/:userId', auth: 'bot', handle: ({ params }) => json(userPayload(userOf(params.userId))) },
    {
      method: 'GET',
      path: '/applications/@me',
      auth: 'bot',
      handle: () =>
        json({
          id: state.applicationId,
          name: state.bot.username,
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          team: null,
          owner: userPayload(state.bot),
          bot: userPayload(state.bot),
          approximate_guild_count: state.guilds.size,
        }),
    },
    { method: 'GET', path: '/guilds/:guildId', auth: 'bot', handle: ({ params }) => json(guildPayload(state, guildOf(params.guildId))) },
    {
      method: 'GET',
      path: '/guilds/:guildId/channels',
      auth: 'bot',
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        return json(guild.channelIds.flatMap((id) => {
          const channel = state.channels.get(id);
          return channel ? [channelPayload(state, channel)] : [];
        }));
      },
    },
    {
      method: 'GET',
      path: '/guilds/:guildId/members',
      auth: 'bot',
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        return json(guild.memberIds.flatMap((id) => {
          const user = state.users.get(id);
          return user ? [memberPayload(user, guild)] : [];
        }));
      },
    },
    {
      method: 'GET',
      path: '/guilds/:guildId/members/:userId',
      auth: 'bot',
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        const user = state.users.get(params.userId ?? '');
        if (!user || !guild.memberIds.includes(user.id)) throw discordErrors.unknownMember();
        return json(memberPayload(user, guild));
      },
    },
  ];
}

function throwError(error: Error): never {
  throw error;
}
