const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An interaction as far as acknowledgement goes (discord.js flips these once Discord took the callback). */
export interface Acknowledgeable {
  readonly deferred: boolean;
  readonly replied: boolean;
}

export interface AckPriority {
  /** The router tells it about every interaction as it arrives. */
  arrived(interaction: Acknowledgeable): void;
  /** Resolves on a later event-loop turn once no interaction is waiting for its acknowledgement. */
  acknowledged(): Promise<void>;
}

export interface AckPriorityOptions {
  /** An interaction stops holding others back this long after it arrived, acknowledged or not. */
  readonly maxHoldMs: number;
  readonly pollMs: number;
}

/**
 * Acknowledgements first. Discord drops an interaction that is not acknowledged within 3 s,
 * while the answer may follow for 15 minutes. Handlers acknowledge (defer) before touching the
 * database, but on embedded PGlite every statement runs synchronously on this thread, so a
 * burst's database work would still delay the acknowledgements of interactions arriving behind
 * it. The bot's database gate (fair-db.ts) therefore waits here while any interaction that
 * arrived is still unacknowledged; each one holds back for at most `maxHoldMs`.
 */
export function createAckPriority(options: AckPriorityOptions = { maxHoldMs: 500, pollMs: 1 }): AckPriority {
  const waiting = new Map<Acknowledgeable, number>();
  const anyWaiting = (): boolean => {
    const now = Date.now();
    for (const [interaction, arrivedAt] of waiting) {
      if (interaction.deferred || interaction.replied || now - arrivedAt > options.maxHoldMs) waiting.delete(interaction);
    }
    return waiting.size > 0;
  };
  return {
    arrived(interaction) {
      waiting.set(interaction, Date.now());
    },
    async acknowledged() {
      await nextTurn();
      while (anyWaiting()) await sleep(options.pollMs);
    },
  };
}
