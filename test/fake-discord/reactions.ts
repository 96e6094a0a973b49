import type { Dispatcher } from './gateway.js';
import { intentFor } from './gateway-payloads.js';
import { memberPayload } from './payloads.js';
import type { FakeState, MessageRecord, ReactionRecord } from './state.js';
import type { FakeEmoji, FakeUser } from './types.js';

const CUSTOM_EMOJI = /^(?:a:)?([\w~-]{2,32}):(\d{17,20})$/;
const UNICODE_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** Parses the `:emoji` route segment (already URL-decoded): a unicode emoji or `name:id`. */
export function parseEmoji(raw: string): FakeEmoji | null {
  const custom = CUSTOM_EMOJI.exec(raw);
  if (custom) return { id: custom[2] ?? null, name: custom[1] ?? raw };
  return UNICODE_EMOJI.test(raw) ? { id: null, name: raw } : null;
}

export const emojiLabel = (emoji: FakeEmoji): string => (emoji.id ? `${emoji.name}:${emoji.id}` : emoji.name);

const sameEmoji = (a: FakeEmoji, b: FakeEmoji): boolean => (a.id ?? a.name) === (b.id ?? b.name);

/** Keeps who reacted with what and dispatches MESSAGE_REACTION_* like Discord, the bot's own included. */
export class ReactionService {
  constructor(
    private readonly state: FakeState,
    private readonly gateway: Dispatcher,
  ) {}

  find(message: MessageRecord, emoji: FakeEmoji): ReactionRecord | undefined {
    return message.reactions.find((r) => sameEmoji(r.ref, emoji));
  }

  /** Returns false (and dispatches nothing) when the user had already reacted, as Discord does. */
  add(message: MessageRecord, user: FakeUser, emoji: FakeEmoji): boolean {
    let reaction = this.find(message, emoji);
    if (!reaction) {
      reaction = { emoji: emojiLabel(emoji), ref: emoji, userIds: [] };
      message.reactions.push(reaction);
    }
    if (reaction.userIds.includes(user.id)) return false;
    reaction.userIds.push(user.id);
    const guild = message.guildId ? this.state.guilds.get(message.guildId) : undefined;
    this.#dispatch('MESSAGE_REACTION_ADD', message, {
      ...this.#base(message, user, emoji),
      ...(guild ? { member: memberPayload(user, guild) } : {}),
      message_author_id: message.author.id,
      burst_colors: [],
    });
    return true;
  }

  remove(message: MessageRecord, user: FakeUser, emoji: FakeEmoji): boolean {
    const reaction = this.find(message, emoji);
    const index = reaction?.userIds.indexOf(user.id) ?? -1;
    if (!reaction || index < 0) return false;
    reaction.userIds.splice(index, 1);
    this.#dispatch('MESSAGE_REACTION_REMOVE', message, this.#base(message, user, emoji));
    return true;
  }

  removeEmoji(message: MessageRecord, emoji: FakeEmoji): void {
    message.reactions = message.reactions.filter((r) => !sameEmoji(r.ref, emoji));
    this.#dispatch('MESSAGE_REACTION_REMOVE_EMOJI', message, { ...this.#where(message), emoji: { id: emoji.id, name: emoji.name } });
  }

  removeAll(message: MessageRecord): void {
    message.reactions = [];
    this.#dispatch('MESSAGE_REACTION_REMOVE_ALL', message, this.#where(message));
  }

  #where(message: MessageRecord) {
    return {
      channel_id: message.channelId,
      message_id: message.id,
      ...(message.guildId ? { guild_id: message.guildId } : {}),
    };
  }

  #base(message: MessageRecord, user: FakeUser, emoji: FakeEmoji) {
    return { ...this.#where(message), user_id: user.id, emoji: { id: emoji.id, name: emoji.name }, burst: false, type: 0 };
  }

  #dispatch(event: string, message: MessageRecord, data: unknown): void {
    const channel = this.state.channels.get(message.channelId);
    if (channel && !message.ephemeral) this.gateway.dispatch(event, data, intentFor('reactions', channel));
  }
}
