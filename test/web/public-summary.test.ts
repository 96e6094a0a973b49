import { describe, expect, it } from 'vitest';
import { blendSummarySchema, readBlendSummary, type BlendSummary } from '../../src/blends/summary.js';

const MEMBER = '4f2b1c8e-9a7d-4e3f-8b6a-1c2d3e4f5a6b';

const valid: BlendSummary = {
  version: 1,
  taste: { score: 64, reasons: ['Both of you play Björk'], sharedTracks: 3, topSharedArtists: ['Björk'], unifyingTrack: { title: 'Jóga', artist: 'Björk' } },
  coverage: { spotify: { available: 48, total: 50 } },
  members: [{ userId: MEMBER, displayName: 'Ada', contributed: 25 }],
};

describe('the blend summary contract', () => {
  it('accepts what the worker should write, and reads it back unchanged', () => {
    expect(blendSummarySchema.parse(valid)).toEqual(valid);
    const { version: _version, ...read } = valid;
    expect(readBlendSummary(valid)).toEqual(read);
  });

  it.each([
    ['a score over 100', { ...valid, taste: { ...valid.taste, score: 101 } }],
    ['a fractional score', { ...valid, taste: { ...valid.taste, score: 50.5 } }],
    ['a Discord mention in a reason', { ...valid, taste: { ...valid.taste, reasons: ['<@123456789012345678> brought the vibes'] } }],
    ['a Discord id in a member name', { ...valid, members: [{ userId: MEMBER, displayName: '123456789012345678', contributed: 1 }] }],
    ['more available than total', { ...valid, coverage: { apple: { available: 51, total: 50 } } }],
    ['a member without a users.id', { ...valid, members: [{ userId: 'ada', displayName: 'Ada', contributed: 1 }] }],
    ['another version', { ...valid, version: 2 }],
  ])('refuses %s when the worker validates before writing', (_label, summary) => {
    expect(blendSummarySchema.safeParse(summary).success).toBe(false);
  });

  it('reads a damaged summary part by part, keeping only what is valid', () => {
    const read = readBlendSummary({
      taste: { score: 'high', reasons: ['Kept', 7, '', 'x'.repeat(301), '<#123> channel'], topSharedArtists: ['Björk', null], sharedTracks: -1 },
      coverage: { spotify: { available: 9, total: 3 }, apple: { available: 1, total: 2 }, tidal: { available: 1, total: 1 } },
      members: [{ userId: MEMBER, displayName: null, contributed: 2 }, { userId: MEMBER }],
    });
    expect(read).toEqual({
      taste: { reasons: ['Kept'], topSharedArtists: ['Björk'] },
      coverage: { apple: { available: 1, total: 2 } },
      members: [{ userId: MEMBER, displayName: null, contributed: 2 }],
    });
  });

  it.each([null, undefined, 'text', 42, [], { version: 1 }])('reads %j as an empty summary', (stored) => {
    expect(readBlendSummary(stored)).toEqual({ coverage: {}, members: [] });
  });

  it('keeps at most ten reasons and ten artists', () => {
    const many = Array.from({ length: 15 }, (_, i) => `Item ${i}`);
    const read = readBlendSummary({ taste: { reasons: many, topSharedArtists: many } });
    expect([read.taste?.reasons.length, read.taste?.topSharedArtists.length]).toEqual([10, 10]);
  });
});
