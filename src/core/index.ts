/**
 * The pure core of blend-bot: matching recordings across platforms, planning the lookups that
 * resolve them, building the blend and scoring taste. Plain data in, plain data out: no I/O,
 * clock or randomness anywhere under src/core (test/core/purity.test.ts checks it).
 *
 * Typical use by the worker:
 *   1. `planResolution` → do the ISRC calls → store `TrackMatchRow`s → `planFollowUp` → do the
 *      searches, storing `textSearchRow(search, candidates)` → `resolveRecordings`;
 *   2. `buildBlend(members, { size, platforms })` → entries, per-platform track ids, taste.
 */

// Data shapes and ids
export * from './types.js';

// Normalisation and keys
export { normalizeTitle, normalizeArtist, normalizeArtists, splitArtists, splitArtistList, primaryArtist, normalizeIsrc, COMPOUND_ARTISTS } from './normalize.js';
export { recordingKey, metaKey, isrcCacheKey, textCacheKey, trackRef, artistKey } from './keys.js';
export { parseTitle } from './parse-title.js';
export type { ParsedTitle } from './parse-title.js';
export type { VersionClass } from './qualifiers.js';

// Matching
export * from './match.js';
export { prepareTrack, albumKey } from './prepare.js';
export type { PreparedTrack } from './prepare.js';
export { ARTIST_MIN_SIMILARITY, DURATION_LIMIT_MS, DURATION_TOLERANCE_MS } from './similarity.js';

// Resolution planning
export * from './resolve-cache.js';
export * from './resolve-plan.js';
export * from './resolve-apply.js';

// The blend and the taste score
export { RANGE_WEIGHT, RANK_HALF_LIFE, appearanceWeight } from './weights.js';
export { groupRecordings } from './group-recordings.js';
export type { RecordingGroups } from './group-recordings.js';
export { spaceArtists } from './artist-spacing.js';
export type { PlatformCoverage } from './coverage.js';
export { BLEND_MIN_SIZE, BLEND_MAX_SIZE, buildBlend, clampBlendSize } from './blend.js';
export type { BlendEntry, BlendOptions, BlendReason, BlendResult } from './blend.js';
export { SHARED_ARTIST_CREDIT, groupTaste, pairwiseTaste } from './taste.js';
export type { GroupTaste, PairScore, TasteMatch } from './taste.js';
export { SHARED_TRACKS_LISTED, TOP_SHARED_ARTISTS } from './taste-reasons.js';
export type { SharedArtist, SharedTrack, TasteReasons } from './taste-reasons.js';
