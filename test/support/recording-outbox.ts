import type { DiscordOutbox, DmResult, OutgoingMessage } from '../../src/discord/outbox.js';

/** What a `RecordingOutbox` was asked to send. */
export type OutboxCall =
  | { kind: 'dm'; userId: string; message: OutgoingMessage; result: DmResult['kind'] }
  | { kind: 'post'; channelId: string; message: OutgoingMessage; id: string }
  | { kind: 'edit'; channelId: string; messageId: string; message: unknown };

/** A DiscordOutbox for handler-level tests: records every call; `closedDms` answers 50007. */
export class RecordingOutbox implements DiscordOutbox {
  readonly calls: OutboxCall[] = [];
  readonly closedDms = new Set<string>();
  /** Ids unique across instances and test files: `blends.message_id` is unique in the shared database. */
  private readonly prefix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private next = 1;
  async sendDm(userId: string, message: OutgoingMessage): Promise<DmResult> {
    const result: DmResult = this.closedDms.has(userId) ? { kind: 'dms_closed' } : { kind: 'sent', messageId: `dm-${this.prefix}-${this.next++}` };
    this.calls.push({ kind: 'dm', userId, message, result: result.kind });
    return result;
  }
  async post(channelId: string, message: OutgoingMessage) {
    const id = `msg-${this.prefix}-${this.next++}`;
    this.calls.push({ kind: 'post', channelId, message, id });
    return { id };
  }
  async edit(channelId: string, messageId: string, message: unknown) {
    this.calls.push({ kind: 'edit', channelId, messageId, message });
  }
  dmsTo(userId: string) { return this.calls.filter((c): c is Extract<OutboxCall, { kind: 'dm' }> => c.kind === 'dm' && c.userId === userId); }
}
