import { EmbedType } from 'discord.js';
import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';
import { discordErrors, formError } from './discord-error.js';
import { validateMessageFields } from './validate-message.js';

/** The message fields a create/edit request carries; absent fields are left unchanged on edit. */
export interface MessagePatch {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIMessageTopLevelComponent[];
  readonly flags?: number;
  readonly replyToId?: string;
}

export interface MessageDraft {
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly APIMessageTopLevelComponent[];
  readonly flags: number;
}

export function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function arrayField<T>(body: Record<string, unknown>, key: string): T[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value === null) return [];
  if (!Array.isArray(value)) throw discordErrors.invalidForm(formError(key, 'BASE_TYPE_LIST', 'Must be an array.'));
  return value as T[];
}

/** Parses and validates a message body (channel message, interaction callback `data`, webhook). */
export function parseMessagePatch(raw: unknown): MessagePatch {
  const body = asObject(raw);
  const content = body.content === null ? '' : body.content;
  if (content !== undefined && typeof content !== 'string') {
    throw discordErrors.invalidForm(formError('content', 'BASE_TYPE_STRING', 'Must be a string.'));
  }
  const embeds = arrayField<APIEmbed>(body, 'embeds')?.map((e): APIEmbed => ({ type: EmbedType.Rich, ...e }));
  const components = arrayField<APIMessageTopLevelComponent>(body, 'components');
  const flags = typeof body.flags === 'number' ? body.flags : undefined;
  const reference = asObject(body.message_reference);
  const replyToId = typeof reference.message_id === 'string' ? reference.message_id : undefined;
  const patch: MessagePatch = { content, embeds, components, flags, replyToId };
  validateMessageFields(patch);
  return patch;
}

export function applyPatch(base: MessageDraft, patch: MessagePatch): MessageDraft {
  return {
    content: patch.content ?? base.content,
    embeds: patch.embeds ?? base.embeds,
    components: patch.components ?? base.components,
    flags: patch.flags ?? base.flags,
  };
}

export const EMPTY_DRAFT: MessageDraft = { content: '', embeds: [], components: [], flags: 0 };

export function requireNotEmpty(draft: MessageDraft): MessageDraft {
  if (draft.content.trim() === '' && draft.embeds.length === 0 && draft.components.length === 0) {
    throw discordErrors.emptyMessage();
  }
  return draft;
}
