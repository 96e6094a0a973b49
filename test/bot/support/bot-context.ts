import type { BotContext } from '../../../src/bot/bot-context.js';
import type { OutgoingMessage } from '../../../src/discord/outbox.js';
import type { MusicProvider, ProviderId } from '../../../src/providers/types.js';
import { RecordingOutbox, testContext, type OutboxCall } from '../../support/context.js';
import { uniqueSnowflake } from './snowflake.js';

/** Like RecordingOutbox, but message ids are unique across the test database (blends.message_id is unique). */
export class UniqueIdOutbox extends RecordingOutbox {
  override async post(channelId: string, message: OutgoingMessage) {
    const id = uniqueSnowflake();
    this.calls.push({ kind: 'post', channelId, message, id });
    return { id };
  }
  posts(channelId?: string): Extract<OutboxCall, { kind: 'post' }>[] {
    return this.calls.filter((c): c is Extract<OutboxCall, { kind: 'post' }> => c.kind === 'post' && (!channelId || c.channelId === channelId));
  }
}

export interface TestBot {
  readonly ctx: BotContext;
  readonly outbox: UniqueIdOutbox;
  /** Blend ids whose join message a handler asked to refresh. */
  readonly refreshed: string[];
  readonly reactions: { channelId: string; messageId: string; emoji: string }[];
}

/** A BotContext on the test database that records what the bot services were asked to do. */
export async function testBot(options: { providers?: ReadonlyMap<ProviderId, MusicProvider>; now?: () => Date; logLines?: string[] } = {}): Promise<TestBot> {
  const outbox = new UniqueIdOutbox();
  const base = await testContext({ discord: outbox, providers: options.providers, now: options.now, logLines: options.logLines });
  const refreshed: string[] = [];
  const reactions: TestBot['reactions'] = [];
  const ctx: BotContext = {
    ...base,
    bot: {
      refreshJoinMessage: (blendId) => { refreshed.push(blendId); },
      react: async (channelId, messageId, emoji) => { reactions.push({ channelId, messageId, emoji }); },
    },
  };
  return { ctx, outbox, refreshed, reactions };
}
