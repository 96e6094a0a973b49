import type { FakeCore } from '../core.js';
import { discordErrors } from '../discord-error.js';
import { touch } from '../interactions.js';
import type { InteractionRecord } from '../interactions.js';
import { applyPatch, EMPTY_DRAFT, parseMessagePatch, requireNotEmpty } from '../message-body.js';
import { isLoadingFlags, messagePayload } from '../payloads.js';
import { json, noContent } from '../router.js';
import type { Route, RouteRequest } from '../router.js';
import type { MessageRecord } from '../state.js';
import { RESPONSE_FLAGS } from './interactions.js';

/** Interaction tokens stay usable for edits and follow-ups this long, as on Discord. */
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/**
 * Interaction webhooks: edit/fetch/delete `@original` or a follow-up, and create follow-ups.
 * The first follow-up after a deferred response fills in the loading message, as Discord documents.
 */
export function webhookRoutes(core: FakeCore): Route[] {
  const { state } = core;
  const interactionOf = ({ params }: RouteRequest): InteractionRecord => {
    const interaction = core.interactions.byToken(params.token ?? '');
    const expired = interaction && Date.now() - interaction.createdAt > TOKEN_LIFETIME_MS;
    if (params.applicationId !== state.applicationId || !interaction || expired || interaction.responseType === null) {
      throw discordErrors.unknownWebhook();
    }
    return interaction;
  };
  const messageOf = (request: RouteRequest): { interaction: InteractionRecord; message: MessageRecord } => {
    const interaction = interactionOf(request);
    const id = request.params.messageId;
    const message = id === '@original' ? interaction.original : interaction.touched.find((m) => m.id === id);
    if (!message || message.deleted) throw discordErrors.unknownMessage();
    return { interaction, message };
  };
  const get = (request: RouteRequest) => json(messagePayload(state, messageOf(request).message));
  const edit = (request: RouteRequest) => {
    const { interaction, message } = messageOf(request);
    core.messages.edit(message, parseMessagePatch(request.body));
    touch(interaction, message);
    return json(messagePayload(state, message));
  };
  const remove = (request: RouteRequest) => {
    core.messages.remove(messageOf(request).message);
    return noContent();
  };
  const followUp = (request: RouteRequest) => {
    const interaction = interactionOf(request);
    const patch = parseMessagePatch(request.body);
    const original = interaction.original;
    const message =
      original && isLoadingFlags(original.flags)
        ? core.messages.edit(original, patch)
        : core.messages.create({
            channel: interaction.channel,
            author: state.bot,
            draft: requireNotEmpty({ ...applyPatch(EMPTY_DRAFT, patch), flags: (patch.flags ?? 0) & RESPONSE_FLAGS }),
            interaction: { id: interaction.id, type: interaction.type, userId: interaction.user.id },
          });
    touch(interaction, message);
    return request.query.get('wait') === 'true' ? json(messagePayload(state, message)) : noContent();
  };

  const path = '/webhooks/:applicationId/:token/messages/:messageId';
  return [
    { method: 'POST', path: '/webhooks/:applicationId/:token', auth: 'none', handle: followUp },
    { method: 'GET', path, auth: 'none', handle: get },
    { method: 'PATCH', path, auth: 'none', handle: edit },
    { method: 'DELETE', path, auth: 'none', handle: remove },
  ];
}
