import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAckPriority } from '../../src/bot/ack-priority.js';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

const interaction = () => ({ deferred: false, replied: false });

describe('acknowledgements first', () => {
  it('holds database work while an interaction that arrived is unacknowledged, and releases it once acknowledged', async () => {
    const priority = createAckPriority({ maxHoldMs: 500, pollMs: 1 });
    const waiting = interaction();
    priority.arrived(waiting);
    let admitted = false;
    void priority.acknowledged().then(() => { admitted = true; });

    await vi.advanceTimersByTimeAsync(50);
    expect(admitted).toBe(false);
    waiting.deferred = true;
    await vi.advanceTimersByTimeAsync(2);

    expect(admitted).toBe(true);
  });

  it('stops holding back for an interaction that is never acknowledged', async () => {
    const priority = createAckPriority({ maxHoldMs: 100, pollMs: 1 });
    priority.arrived(interaction());
    let admitted = false;
    void priority.acknowledged().then(() => { admitted = true; });

    await vi.advanceTimersByTimeAsync(90);
    expect(admitted).toBe(false);
    await vi.advanceTimersByTimeAsync(20);

    expect(admitted).toBe(true);
  });

  it('admits at once (on the next turn) when nothing is waiting', async () => {
    const priority = createAckPriority();
    let admitted = false;
    void priority.acknowledged().then(() => { admitted = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toBe(true);
  });
});
