import { performance } from 'node:perf_hooks';
import { InteractionResponseType, MessageFlags, MessageType } from 'discord.js';
import type { FakeCore } from '../core.js';
import { DiscordHttpError, discordErrors, formError } from '../discord-error.js';
import { touch } from '../interactions.js';
import type { InteractionRecord } from '../interactions.js';
import { applyPatch, asObject, EMPTY_DRAFT, parseMessagePatch, requireNotEmpty } from '../message-body.js';
import { messagePayload } from '../payloads.js';
import { json, noContent } from '../router.js';
import type { Route, RouteRequest, RouteResponse } from '../router.js';

export const RESPONSE_FLAGS = MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;
const R = InteractionResponseType;

/**
 * POST /interactions/:id/:token/callback: the first response wins (40060 afterwards), and
 * only within the ack window (10062 afterwards). Sent without Authorization, like discord.js does.
 */
export function interactionRoutes(core: FakeCore): Route[] {
  return [
    {
      method: 'POST',
      path: '/interactions/:interactionId/:token/callback',
      auth: 'none',
      handle: (request) => callback(core, request),
    },
  ];
}

function callback(core: FakeCore, { params, query, body }: RouteRequest): RouteResponse {
  const interaction = core.interactions.byId(params.interactionId ?? '');
  if (!interaction || interaction.token !== params.token) throw discordErrors.unknownInteraction();
  const request = asObject(body);
  const type = Number(request.type);
  const latencyMs = performance.now() - interaction.dispatchedAt;
  const attempt = { type, data: request.data, at: Date.now(), latencyMs };
  try {
    if (interaction.responseType !== null) throw discordErrors.alreadyAcknowledged();
    if (latencyMs > core.interactionAckTimeoutMs) throw discordErrors.unknownInteraction();
    respond(core, interaction, type, request.data);
  } catch (error) {
    const status = error instanceof DiscordHttpError ? error.status : 500;
    interaction.callbacks.push({ ...attempt, status, accepted: false });
    throw error;
  }
  const withResponse = query.get('with_response') === 'true';
  interaction.callbacks.push({ ...attempt, status: withResponse ? 200 : 204, accepted: true });
  return withResponse ? json(callbackResponse(core, interaction, type)) : noContent();
}

function respond(core: FakeCore, interaction: InteractionRecord, type: number, data: unknown): void {
  const isComponent = interaction.kind === 'component';
  switch (type) {
    case R.ChannelMessageWithSource: {
      const patch = parseMessagePatch(data);
      const draft = requireNotEmpty({ ...applyPatch(EMPTY_DRAFT, patch), flags: (patch.flags ?? 0) & RESPONSE_FLAGS });
      return createOriginal(core, interaction, type, draft);
    }
    case R.DeferredChannelMessageWithSource: {
      const flags = (Number(asObject(data).flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading;
      return createOriginal(core, interaction, type, { ...EMPTY_DRAFT, flags });
    }
    case R.DeferredMessageUpdate:
    case R.UpdateMessage: {
      const source = interaction.sourceMessage;
      if (!isComponent || !source) throw invalidType();
      if (type === R.UpdateMessage) {
        core.messages.edit(source, parseMessagePatch(data));
        touch(interaction, source);
      }
      interaction.original = source;
      interaction.responseType = type;
      return;
    }
    case R.Modal:
      interaction.responseType = type;
      return;
    default:
      throw invalidType();
  }
}

function createOriginal(
  core: FakeCore,
  interaction: InteractionRecord,
  type: number,
  draft: typeof EMPTY_DRAFT,
): void {
  const message = core.messages.create({
    channel: interaction.channel,
    author: core.state.bot,
    draft,
    type: interaction.kind === 'command' ? MessageType.ChatInputCommand : MessageType.Default,
    interaction: { id: interaction.id, type: interaction.type, userId: interaction.user.id },
  });
  interaction.original = message;
  interaction.responseType = type;
  touch(interaction, message);
}

function callbackResponse(core: FakeCore, interaction: InteractionRecord, type: number) {
  const message = type === R.DeferredMessageUpdate || type === R.Modal ? null : interaction.original;
  return {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
            response_message_ephemeral: message.ephemeral,
          }
        : {}),
    },
    resource: { type, ...(message ? { message: messagePayload(core.state, message) } : {}) },
  };
}

const invalidType = () => discordErrors.invalidForm(formError('type', 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type'));
