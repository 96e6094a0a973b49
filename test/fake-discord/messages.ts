import { MessageFlags, MessageType } from 'discord.js';
import type { Dispatcher } from './gateway.js';
import { intentFor } from './gateway-payloads.js';
import { applyPatch, requireNotEmpty } from './message-body.js';
import type { MessageDraft, MessagePatch } from './message-body.js';
import { isEphemeralFlags, memberPayload, messagePayload } from './payloads.js';
import type { FakeState, InteractionMeta, MessageRecord } from './state.js';
import type { FakeChannel, FakeUser } from './types.js';

export interface NewMessage {
  readonly channel: FakeChannel;
  readonly author: FakeUser;
  readonly draft: MessageDraft;
  readonly type?: number;
  readonly interaction?: InteractionMeta;
  readonly replyToId?: string;
}

/** Creates, edits and deletes stored messages and dispatches the matching gateway events. */
export class MessageService {
  constructor(
    private readonly state: FakeState,
    private readonly gateway: Dispatcher,
  ) {}

  create(input: NewMessage): MessageRecord {
    const now = Date.now();
    const { draft } = input;
    const message: MessageRecord = {
      id: this.state.nextId(),
      channelId: input.channel.id,
      guildId: input.channel.guildId,
      author: input.author,
      type: input.type ?? (input.replyToId ? MessageType.Reply : MessageType.Default),
      content: draft.content,
      embeds: draft.embeds,
      components: draft.components,
      flags: draft.flags,
      at: now,
      createdAt: now,
      editedAt: null,
      ephemeral: isEphemeralFlags(draft.flags),
      deleted: false,
      interactionId: input.interaction?.id ?? null,
      interactionMeta: input.interaction ?? null,
      referencedMessageId: input.replyToId ?? null,
      history: [],
      reactions: [],
    };
    this.state.addMessage(message);
    this.#dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** Applies an edit; a loading (deferred) message stops loading, ephemeral stays ephemeral. */
  edit(message: MessageRecord, patch: MessagePatch): MessageRecord {
    const current: MessageDraft = { content: message.content, embeds: message.embeds, components: message.components, flags: message.flags };
    const next = requireNotEmpty(applyPatch(current, { ...patch, flags: undefined }));
    const wasLoading = (message.flags & MessageFlags.Loading) !== 0;
    message.history.push({ content: message.content, embeds: message.embeds, components: message.components, flags: message.flags, at: message.at });
    message.content = next.content;
    message.embeds = next.embeds;
    message.components = next.components;
    message.flags = (message.flags & ~MessageFlags.Loading) | ((patch.flags ?? 0) & MessageFlags.SuppressEmbeds);
    message.at = Date.now();
    // The first edit of a deferred response is what users see as the reply, not an edit.
    if (!wasLoading) message.editedAt = message.at;
    this.#dispatch('MESSAGE_UPDATE', message);
    return message;
  }

  remove(message: MessageRecord): void {
    message.deleted = true;
    const channel = this.state.channels.get(message.channelId);
    if (!message.ephemeral && channel) {
      const data = { id: message.id, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) };
      this.gateway.dispatch('MESSAGE_DELETE', data, intentFor('messages', channel));
    }
  }

  #dispatch(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: MessageRecord): void {
    const channel = this.state.channels.get(message.channelId);
    if (message.ephemeral || !channel) return;
    const guild = message.guildId ? this.state.guilds.get(message.guildId) : undefined;
    const data = {
      ...messagePayload(this.state, message),
      ...(guild ? { guild_id: guild.id, member: memberPayload(message.author, guild) } : {}),
    };
    this.gateway.dispatch(event, data, intentFor('messages', channel));
  }
}
