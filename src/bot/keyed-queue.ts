/**
 * Runs tasks one after another per key and in parallel across keys, so one member's quick
 * react-then-unreact on a message is applied in the order it happened.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<void>>();
  return function enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
    return run;
  };
}
