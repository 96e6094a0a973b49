import { MessageFlags } from 'discord.js';
import type { FakeCore } from '../core.js';
import { discordErrors } from '../discord-error.js';
import { applyPatch, EMPTY_DRAFT, parseMessagePatch, requireNotEmpty } from '../message-body.js';
import { channelPayload, messagePayload } from '../payloads.js';
import { json, noContent } from '../router.js';
import type { Route, RouteRequest } from '../router.js';
import type { FakeState } from '../state.js';
import { channelMessageOf, channelOf } from './lookup.js';

const CHANNEL_MESSAGE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

/** Channels and their messages. Sending into a DM of a user with closed DMs fails with 50007. */
export function channelRoutes(core: FakeCore): Route[] {
  const { state } = core;
  const message = ({ params }: RouteRequest) => {
    const channel = channelOf(state, params.channelId);
    return channelMessageOf(state, channel, params.messageId);
  };
  const path = '/channels/:channelId/messages/:messageId';
  return [
    { method: 'GET', path: '/channels/:channelId', auth: 'bot', handle: ({ params }) => json(channelPayload(state, channelOf(state, params.channelId))) },
    { method: 'GET', path: '/channels/:channelId/messages', auth: 'bot', handle: (request) => json(listMessages(state, request)) },
    {
      method: 'POST',
      path: '/channels/:channelId/messages',
      auth: 'bot',
      handle: ({ params, body }) => {
        const channel = channelOf(state, params.channelId);
        if (channel.kind === 'dm' && state.dmsClosed.has(channel.recipientId ?? '')) throw discordErrors.cannotDm();
        const patch = parseMessagePatch(body);
        if (patch.replyToId) channelMessageOf(state, channel, patch.replyToId);
        const flags = (patch.flags ?? 0) & CHANNEL_MESSAGE_FLAGS;
        const draft = requireNotEmpty({ ...applyPatch(EMPTY_DRAFT, patch), flags });
        const created = core.messages.create({ channel, author: state.bot, draft, replyToId: patch.replyToId });
        return json(messagePayload(state, created));
      },
    },
    { method: 'GET', path, auth: 'bot', handle: (request) => json(messagePayload(state, message(request))) },
    {
      method: 'PATCH',
      path,
      auth: 'bot',
      handle: (request) => {
        const target = message(request);
        if (target.author.id !== state.bot.id) throw discordErrors.notAuthor();
        return json(messagePayload(state, core.messages.edit(target, parseMessagePatch(request.body))));
      },
    },
    {
      method: 'DELETE',
      path,
      auth: 'bot',
      handle: (request) => {
        core.messages.remove(message(request));
        return noContent();
      },
    },
  ];
}

function listMessages(state: FakeState, { params, query }: RouteRequest) {
  const channel = channelOf(state, params.channelId);
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 50) || 50, 1), 100);
  const before = query.get('before');
  const after = query.get('after');
  const visible = state.messagesIn(channel.id).filter((m) => !m.deleted && !m.ephemeral);
  const newestFirst = [...visible].reverse();
  const filtered = newestFirst.filter(
    (m) => (!before || BigInt(m.id) < BigInt(before)) && (!after || BigInt(m.id) > BigInt(after)),
  );
  const page = after ? filtered.slice(-limit) : filtered.slice(0, limit);
  return page.map((m) => messagePayload(state, m));
}
