import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJoinMessageRefresher } from '../../src/bot/join-message-refresher.js';
import { createLogger } from '../../src/logger.js';

const log = createLogger({ level: 'silent', pretty: false });
const options = { quietMs: 300, maxDelayMs: 1_000 };

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('the join message refresher', () => {
  it('turns a burst of 50 changes into one edit, after the burst goes quiet', async () => {
    const edits: string[] = [];
    const refresher = createJoinMessageRefresher(async (id) => { edits.push(id); }, log, options);

    for (let i = 0; i < 50; i++) {
      refresher.schedule('blend-1');
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(edits).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);

    expect(edits).toEqual(['blend-1']);
  });

  it('still edits at least once a second during a steady stream of changes', async () => {
    const edits: number[] = [];
    const refresher = createJoinMessageRefresher(async () => { edits.push(Date.now()); }, log, options);
    const started = Date.now();

    for (let i = 0; i < 30; i++) {
      refresher.schedule('blend-1');
      await vi.advanceTimersByTimeAsync(100);
    }

    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.length).toBeLessThanOrEqual(4);
    expect(edits[0]! - started).toBeLessThanOrEqual(1_000);
  });

  it('never edits one message twice at once, and edits again for a change made during an edit', async () => {
    let running = 0;
    let overlapped = false;
    let calls = 0;
    const refresher = createJoinMessageRefresher(async () => {
      calls++;
      running++;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 500));
      running--;
    }, log, options);

    refresher.schedule('blend-1');
    await vi.advanceTimersByTimeAsync(350);
    refresher.schedule('blend-1');
    await vi.advanceTimersByTimeAsync(2_000);

    expect(calls).toBe(2);
    expect(overlapped).toBe(false);
  });

  it('refreshes different blends independently', async () => {
    const edits: string[] = [];
    const refresher = createJoinMessageRefresher(async (id) => { edits.push(id); }, log, options);
    refresher.schedule('a');
    refresher.schedule('b');
    await vi.advanceTimersByTimeAsync(300);
    expect(edits.sort()).toEqual(['a', 'b']);
  });

  it('runs what is pending right away on flush', async () => {
    const edits: string[] = [];
    const refresher = createJoinMessageRefresher(async (id) => { edits.push(id); }, log, options);
    refresher.schedule('a');

    await refresher.flush();

    expect(edits).toEqual(['a']);
  });

  it('keeps going after a failed edit', async () => {
    const edits: string[] = [];
    let fail = true;
    const refresher = createJoinMessageRefresher(async (id) => {
      if (fail) { fail = false; throw new Error('Discord is down'); }
      edits.push(id);
    }, log, options);
    refresher.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    refresher.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    expect(edits).toEqual(['a']);
  });
});
