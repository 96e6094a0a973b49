import { discordErrors } from '../discord-error.js';
import type { FakeState, MessageRecord } from '../state.js';
import type { FakeChannel } from '../types.js';

export function channelOf(state: FakeState, id: string | undefined): FakeChannel {
  const channel = state.channels.get(id ?? '');
  if (!channel) throw discordErrors.unknownChannel();
  return channel;
}

/** A message as channel routes see it: ephemeral and deleted messages are unknown there. */
export function channelMessageOf(state: FakeState, channel: FakeChannel, id: string | undefined): MessageRecord {
  const message = state.messages.get(id ?? '');
  if (!message || message.channelId !== channel.id || message.deleted || message.ephemeral) {
    throw discordErrors.unknownMessage();
  }
  return message;
}
