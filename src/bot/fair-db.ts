import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../db/client.js';

/**
 * Keeps the gateway responsive while the database works through a backlog.
 *
 * Embedded PGlite runs every statement as synchronous WASM on this thread, and transactions
 * queued on its single connection start one after another through microtasks, so a burst of
 * 200 handlers' transactions would run as one long stretch with no turn for incoming gateway
 * events or outgoing interaction acknowledgements (Discord allows 3 s). Here at most
 * `concurrency` transactions run at once, and each starts only when `admit` says so: at least
 * one event-loop turn later, so I/O gets its turn between transactions, and in the bot only
 * once every interaction that arrived has been acknowledged (ack-priority.ts). On PostgreSQL
 * (network I/O) the cap is the pool size, which the pool enforces anyway.
 */
export function fairDb(db: Db, concurrency: number, admit: () => Promise<void> = () => nextTurn()): Db {
  const gate = createGate(concurrency, admit);
  const fair = Object.create(db) as Db;
  const transaction: Db['transaction'] = (work, config) => gate(() => db.transaction(work, config));
  Object.defineProperty(fair, 'transaction', { value: transaction });
  return fair;
}

/** A FIFO semaphore whose tasks start once `admit` resolves (by default: on a later event-loop turn). */
export function createGate(concurrency: number, admit: () => Promise<void> = () => nextTurn()) {
  let running = 0;
  const waiting: (() => void)[] = [];
  /** Hands the slot straight to the next waiter, if any. */
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async function gate<T>(task: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      await admit();
      return await task();
    } finally {
      release();
    }
  };
}
