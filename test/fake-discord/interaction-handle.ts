import type { CallbackAttempt, InteractionKind, InteractionRecord } from './interactions.js';
import { isLoadingFlags } from './payloads.js';
import type { FakeState } from './state.js';
import type { FakeChannel, FakeMessage, FakeUser } from './types.js';
import { waitFor } from './wait-for.js';

export interface InteractionWaitOptions {
  readonly timeoutMs?: number;
}

const DEFAULT_REPLY_TIMEOUT_MS = 10_000;

/** What a test holds after dispatching an interaction: the bot's answer as it arrives. */
export class FakeInteraction {
  constructor(
    private readonly record: InteractionRecord,
    private readonly state: FakeState,
    private readonly ackTimeoutMs: number,
  ) {}

  get id(): string {
    return this.record.id;
  }
  get token(): string {
    return this.record.token;
  }
  get kind(): InteractionKind {
    return this.record.kind;
  }
  get user(): FakeUser {
    return this.record.user;
  }
  get channel(): FakeChannel {
    return this.record.channel;
  }
  get commandName(): string | null {
    return this.record.commandName;
  }
  get customId(): string | null {
    return this.record.customId;
  }

  /** Every callback POST, including rejected ones (40060, 10062). */
  get callbacks(): readonly CallbackAttempt[] {
    return this.record.callbacks;
  }

  /** The accepted callback type (4, 5, 6, 7, 9), or null while unanswered. */
  get responseType(): number | null {
    return this.record.responseType;
  }

  /** Whether the response the user sees is ephemeral; null until answered. */
  get ephemeral(): boolean | null {
    return this.record.responseType === null ? null : (this.record.original?.ephemeral ?? false);
  }

  /** `@original`: the response message, or the clicked message for a component interaction. */
  get original(): FakeMessage | null {
    return this.record.original;
  }

  /** Messages created or edited for this interaction (response, follow-ups, updated message). */
  get messages(): readonly FakeMessage[] {
    return this.record.touched;
  }

  /** The first callback attempt (accepted or not), with `latencyMs` from dispatch. */
  response(options: InteractionWaitOptions = {}): Promise<CallbackAttempt> {
    return waitFor(this.state, () => this.record.callbacks[0], {
      timeoutMs: options.timeoutMs ?? this.ackTimeoutMs + 1000,
      description: () => `a callback for interaction ${this.describe()}`,
    });
  }

  /**
   * The visible answer once there is one: the original response after a deferred reply has been
   * filled in (or the updated message), else the latest follow-up. It is the live record, so later
   * edits show up on it; use `discord.waitFor` when a test needs a specific later state.
   */
  finalReply(options: InteractionWaitOptions = {}): Promise<FakeMessage> {
    return waitFor(this.state, () => this.#visibleAnswer(), {
      timeoutMs: options.timeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS,
      description: () => `a reply to interaction ${this.describe()}`,
    });
  }

  #visibleAnswer(): FakeMessage | undefined {
    const { original, touched } = this.record;
    if (original && isLoadingFlags(original.flags)) return undefined;
    if (original && touched.includes(original)) return original;
    return touched.at(-1);
  }

  describe(): string {
    const what = this.record.commandName ? `/${this.record.commandName}` : `button ${this.record.customId ?? ''}`;
    const tried = this.record.callbacks.map((c) => `${c.type}→${c.status}`).join(', ') || 'none';
    return `${this.record.id} (${what} by ${this.record.user.username}; callbacks: ${tried})`;
  }
}
