import type { FakeCore } from '../core.js';
import { discordErrors } from '../discord-error.js';
import { userPayload } from '../payloads.js';
import { parseEmoji } from '../reactions.js';
import { json, noContent } from '../router.js';
import type { Route, RouteRequest } from '../router.js';
import type { FakeEmoji } from '../types.js';
import { channelMessageOf, channelOf } from './lookup.js';

/** Reactions; the bot's own PUT is dispatched back as MESSAGE_REACTION_ADD, as Discord does. */
export function reactionRoutes(core: FakeCore): Route[] {
  const { state, reactions } = core;
  const target = ({ params }: RouteRequest) => {
    const channel = channelOf(state, params.channelId);
    const message = channelMessageOf(state, channel, params.messageId);
    const emoji: FakeEmoji | null = params.emoji === undefined ? null : parseEmoji(params.emoji);
    return { message, emoji };
  };
  const withEmoji = (request: RouteRequest) => {
    const { message, emoji } = target(request);
    if (!emoji) throw discordErrors.unknownEmoji();
    return { message, emoji };
  };
  const base = '/channels/:channelId/messages/:messageId/reactions';
  return [
    {
      method: 'PUT',
      path: `${base}/:emoji/@me`,
      auth: 'bot',
      handle: (request) => {
        const { message, emoji } = withEmoji(request);
        reactions.add(message, state.bot, emoji);
        return noContent();
      },
    },
    {
      method: 'DELETE',
      path: `${base}/:emoji/@me`,
      auth: 'bot',
      handle: (request) => {
        const { message, emoji } = withEmoji(request);
        reactions.remove(message, state.bot, emoji);
        return noContent();
      },
    },
    {
      method: 'DELETE',
      path: `${base}/:emoji/:userId`,
      auth: 'bot',
      handle: (request) => {
        const { message, emoji } = withEmoji(request);
        const user = state.users.get(request.params.userId ?? '');
        if (!user) throw discordErrors.unknownUser();
        reactions.remove(message, user, emoji);
        return noContent();
      },
    },
    {
      method: 'GET',
      path: `${base}/:emoji`,
      auth: 'bot',
      handle: (request) => {
        const { message, emoji } = withEmoji(request);
        const ids = reactions.find(message, emoji)?.userIds ?? [];
        return json(ids.flatMap((id) => {
          const user = state.users.get(id);
          return user ? [userPayload(user)] : [];
        }));
      },
    },
    {
      method: 'DELETE',
      path: `${base}/:emoji`,
      auth: 'bot',
      handle: (request) => {
        const { message, emoji } = withEmoji(request);
        reactions.removeEmoji(message, emoji);
        return noContent();
      },
    },
    {
      method: 'DELETE',
      path: base,
      auth: 'bot',
      handle: (request) => {
        reactions.removeAll(target(request).message);
        return noContent();
      },
    },
  ];
}
