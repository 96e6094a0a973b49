import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createGate } from '../../src/bot/fair-db.js';
import { createKeyedQueue } from '../../src/bot/keyed-queue.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
};

describe('the database gate', () => {
  it('runs at most `concurrency` tasks at once, in arrival order', async () => {
    const gate = createGate(2);
    const started: number[] = [];
    const finish = [deferred(), deferred(), deferred(), deferred()];
    const runs = finish.map((f, i) => gate(async () => { started.push(i); await f.promise; }));

    await nextTurn();
    await nextTurn();
    expect(started).toEqual([0, 1]);
    finish[1]!.resolve();
    await nextTurn();
    await nextTurn();
    expect(started).toEqual([0, 1, 2]);
    finish.forEach((f) => f.resolve());
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('lets pending I/O run before each task starts (an event-loop turn in between)', async () => {
    const gate = createGate(1);
    const order: string[] = [];
    const first = gate(async () => { order.push('task 1'); });
    setImmediate(() => order.push('io'));
    const second = gate(async () => { order.push('task 2'); });
    await Promise.all([first, second]);
    expect(order.indexOf('io')).toBeLessThan(order.indexOf('task 2'));
  });

  it('frees the slot when a task fails', async () => {
    const gate = createGate(1);
    await expect(gate(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(gate(async () => 'next')).resolves.toBe('next');
  });
});

describe('the keyed queue', () => {
  it('runs one key\'s tasks in order even when an earlier one is slower', async () => {
    const enqueue = createKeyedQueue();
    const done: string[] = [];
    const slow = deferred();
    const a = enqueue('alice:m1', async () => { await slow.promise; done.push('join'); });
    const b = enqueue('alice:m1', async () => { done.push('leave'); });
    const other = enqueue('bob:m1', async () => { done.push('bob'); });
    await other;
    slow.resolve();
    await Promise.all([a, b]);
    expect(done).toEqual(['bob', 'join', 'leave']);
  });

  it('keeps going after a failed task', async () => {
    const enqueue = createKeyedQueue();
    await expect(enqueue('k', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(enqueue('k', async () => undefined)).resolves.toBeUndefined();
  });
});
