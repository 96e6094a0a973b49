import { Worker } from 'node:worker_threads';

export type ThreadRequest =
  | { kind: 'init'; token: string; usernames: readonly string[] }
  | { kind: 'command'; username: string; name: string; subcommand?: string; options?: Record<string, string | number> }
  | { kind: 'join-message'; blendName: string }
  | { kind: 'command-burst'; usernames: readonly string[]; name: string; subcommand?: string; options?: Record<string, string | number> }
  | { kind: 'react-burst'; usernames: readonly string[]; messageId: string; emoji: string }
  | { kind: 'edits'; messageId: string }
  | { kind: 'close' };

export interface ThreadInit { apiBase: string; applicationId: string; channelId: string; userIds: string[] }
export interface BurstResult { acks: number[]; rejected: number; completeMs: number }

/**
 * A fake Discord running in a worker thread, driven by messages. For benchmarks: the bot's
 * event loop then does only the bot's work, as it would against the real Discord.
 * Times the worker reports are absolute (performance.timeOrigin + now), comparable across threads.
 */
export class FakeDiscordThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;

  constructor() {
    const href = new URL('./fake-discord-thread-worker.ts', import.meta.url).href;
    // Workers do not inherit tsx's loader hooks: register them before importing the TypeScript.
    this.#worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); })`, { eval: true });
    this.#worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (m.error !== undefined) waiter?.reject(new Error(m.error));
      else waiter?.resolve(m.result);
    });
  }

  request<T>(request: ThreadRequest): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    await this.request({ kind: 'close' });
    await this.#worker.terminate();
  }
}
