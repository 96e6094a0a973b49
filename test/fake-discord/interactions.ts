import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { InteractionType } from 'discord.js';
import type { MessageRecord } from './state.js';
import type { FakeChannel, FakeUser } from './types.js';

/** One POST to the interaction callback route, accepted or not. */
export interface CallbackAttempt {
  /** InteractionResponseType: 4 reply, 5 defer, 6 deferred update, 7 update, 9 modal … */
  readonly type: number;
  readonly data: unknown;
  readonly status: number;
  readonly accepted: boolean;
  readonly at: number;
  /** Milliseconds from the INTERACTION_CREATE dispatch to this callback arriving. */
  readonly latencyMs: number;
}

export type InteractionKind = 'command' | 'component';

export interface InteractionInit {
  readonly kind: InteractionKind;
  readonly user: FakeUser;
  readonly channel: FakeChannel;
  readonly commandName: string | null;
  readonly customId: string | null;
  readonly sourceMessage: MessageRecord | null;
}

export interface InteractionRecord extends InteractionInit {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  /** performance.now() at dispatch. */
  dispatchedAt: number;
  readonly createdAt: number;
  readonly callbacks: CallbackAttempt[];
  /** The accepted callback type, null until acknowledged. */
  responseType: number | null;
  /** What `@original` points to: the response message, or the clicked message for components. */
  original: MessageRecord | null;
  /** Messages created or edited through this interaction, in first-touch order. */
  readonly touched: MessageRecord[];
}

export class InteractionRegistry {
  readonly all: InteractionRecord[] = [];
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(private readonly nextId: () => string) {}

  create(init: InteractionInit): InteractionRecord {
    const record: InteractionRecord = {
      ...init,
      id: this.nextId(),
      token: `aW50ZXJhY3Rpb24.${randomBytes(24).toString('base64url')}`,
      type: init.kind === 'command' ? InteractionType.ApplicationCommand : InteractionType.MessageComponent,
      dispatchedAt: performance.now(),
      createdAt: Date.now(),
      callbacks: [],
      responseType: null,
      original: null,
      touched: [],
    };
    this.all.push(record);
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
    return record;
  }

  byId(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }
}

export function touch(record: InteractionRecord, message: MessageRecord): void {
  if (!record.touched.includes(message)) record.touched.push(message);
}
