import { describe, expect, it } from 'vitest';
import { DURATION_LIMIT_MS, MATCH_THRESHOLD, matchScore } from '../../src/core/index.js';
import type { MatchInput } from '../../src/core/index.js';

const track = (title: string, artists: string[], durationMs = 200_000, extra: Partial<MatchInput> = {}): MatchInput =>
  ({ title, artists, durationMs, ...extra });

describe('matchScore', () => {
  it('settles equal ISRCs first, whatever the metadata says', () => {
    const result = matchScore(track('Lemon', ['Kenshi Yonezu'], 255_000, { isrc: 'JPU901800010' }), track('Lemon', ['米津玄師'], 1, { isrc: 'jpu901800010' }));
    expect(result).toEqual({ score: 1, sameRecording: true, reason: 'isrc' });
  });

  it('does not trust different ISRCs either way: a remaster matches on its metadata', () => {
    const result = matchScore(track('Yesterday - Remastered 2009', ['The Beatles'], 125_000, { isrc: 'GBAYE0601477' }), track('Yesterday', ['The Beatles'], 125_000, { isrc: 'GBAYE6500177' }));
    expect(result.sameRecording).toBe(true);
    expect(result.reason).toBe('metadata');
  });

  it('matches the two platforms spelling one recording their own way', () => {
    const spotify = track('Get Lucky (feat. Pharrell Williams and Nile Rodgers) - Radio Edit', ['Daft Punk', 'Pharrell Williams', 'Nile Rodgers'], 248_000);
    const apple = track('Get Lucky (Radio Edit) [feat. Pharrell Williams & Nile Rodgers]', ['Daft Punk'], 248_400);
    expect(matchScore(spotify, apple)).toMatchObject({ sameRecording: true, reason: 'metadata' });
    expect(matchScore(spotify, apple).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it.each([
    ['different-version', track('Yellow', ['Coldplay']), track('Yellow (Live in Buenos Aires)', ['Coldplay'])],
    ['different-version', track('Love Story', ['Taylor Swift']), track("Love Story (Taylor's Version)", ['Taylor Swift'])],
    ['different-remix', track("Don't Start Now - Purple Disco Machine Remix", ['Dua Lipa']), track("Don't Start Now (Dom Dolla Remix)", ['Dua Lipa'])],
    ['different-part', track('Another Brick in the Wall, Pt. 1', ['Pink Floyd']), track('Another Brick in the Wall, Pt. 2', ['Pink Floyd'])],
    ['different-artist', track('Hurt', ['Nine Inch Nails']), track('Hurt', ['Johnny Cash'])],
    ['duration-far', track('Strobe', ['deadmau5'], 637_000), track('Strobe', ['deadmau5'], 214_000)],
    ['different-edit', track('Levels', ['Avicii'], 349_000 - DURATION_LIMIT_MS + 1000), track('Levels (Radio Edit)', ['Avicii'], 349_000)],
    ['different-title', track('Butter', ['BTS']), track('Butterfly', ['BTS'])],
    ['no-title', track('', ['BTS']), track('', ['BTS'])],
  ])('tells them apart: %s', (reason, a, b) => {
    const result = matchScore(a, b);
    expect(result.sameRecording).toBe(false);
    expect(result.reason).toBe(reason);
    expect(result.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('is symmetric', () => {
    const a = track('One Dance', ['Drake', 'Wizkid', 'Kyla'], 174_000);
    const b = track('One Dance (feat. Wizkid & Kyla)', ['Drake'], 174_500, { album: 'Views' });
    expect(matchScore(a, b)).toEqual(matchScore(b, a));
  });

  it('lets a small duration gap lower the score, never above the threshold when far', () => {
    const near = matchScore(track('Take On Me', ['a-ha'], 225_000), track('Take On Me', ['a-ha'], 227_000));
    const further = matchScore(track('Take On Me', ['a-ha'], 225_000), track('Take On Me', ['a-ha'], 232_000));
    expect(near.score).toBe(1);
    expect(further.score).toBeLessThan(near.score);
  });

  it('never matches two symbol-only titles that differ', () => {
    expect(matchScore(track('🔥', ['X']), track('💧', ['X'])).sameRecording).toBe(false);
    expect(matchScore(track('🔥', ['X']), track('🔥', ['X'])).sameRecording).toBe(true);
  });
});
