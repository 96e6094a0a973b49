import { z } from 'zod';

/**
 * `blends.summary`: what the worker writes when it completes a blend, and what the finished
 * embed and the public page read. This is the contract between them (version 1).
 *
 * Everything in it may be shown to anyone holding the share code, so it is plain text for
 * people: display names, titles and artists, never Discord mentions, Discord ids, emails or
 * tokens. The one internal value is `members[].userId` (users.id), which readers use to match
 * members and never show.
 */
export interface BlendSummary {
  readonly version: 1;
  readonly taste: TasteSummary;
  /** Only the platforms the blend has a playlist on. */
  readonly coverage: CoverageSummary;
  /** The members whose taste went into the blend. */
  readonly members: readonly SummaryMember[];
}

export interface TasteSummary {
  /** Taste match, an integer from 0 to 100 (src/core/taste.ts). */
  readonly score: number;
  /** Why the score is what it is, one short sentence each, best first (at most 10). */
  readonly reasons: readonly string[];
  /** How many recordings two or more members listed. */
  readonly sharedTracks: number;
  /** Main artists two or more members listen to, most listeners first (at most 10). */
  readonly topSharedArtists: readonly string[];
  /** The one song that brings the group together, when there is one. */
  readonly unifyingTrack?: { readonly title: string; readonly artist: string };
}

export interface PlatformCount {
  /** Blend tracks the platform has. */
  readonly available: number;
  /** Tracks in the blend. */
  readonly total: number;
}

export interface CoverageSummary {
  readonly spotify?: PlatformCount;
  readonly apple?: PlatformCount;
}

export interface SummaryMember {
  readonly userId: string;
  /** The display name when the blend was built (the page prefers the current one). */
  readonly displayName: string | null;
  /** How many of the blend's tracks this member brought. */
  readonly contributed: number;
}

export const SUMMARY_LIST_MAX = 10;

/** A Discord mention (`<@123>`, `<#123>`, `<@&123>`) or a bare snowflake: never public text. */
const DISCORD_ID = /<[@#][!&]?\d+>|\b\d{17,20}\b/;

const text = (max: number) => z.string().trim().min(1).max(max).refine((s) => !DISCORD_ID.test(s), 'must not contain Discord ids or mentions');
const reasonText = text(300);
const nameText = text(200);
const count = z.number().int().min(0);

const platformCount = z.object({ available: count, total: count })
  .refine((c) => c.available <= c.total, 'available cannot exceed total');
const unifyingTrack = z.object({ title: nameText, artist: nameText });
const member = z.object({ userId: z.uuid(), displayName: nameText.nullable(), contributed: count });

/** The worker validates what it writes with this (`blendSummarySchema.parse(summary)`). */
export const blendSummarySchema = z.object({
  version: z.literal(1),
  taste: z.object({
    score: count.max(100),
    reasons: z.array(reasonText).max(SUMMARY_LIST_MAX),
    sharedTracks: count,
    topSharedArtists: z.array(nameText).max(SUMMARY_LIST_MAX),
    unifyingTrack: unifyingTrack.optional(),
  }),
  coverage: z.object({ spotify: platformCount.optional(), apple: platformCount.optional() }),
  members: z.array(member),
}) satisfies z.ZodType<BlendSummary>;

/** What a reader could make of a stored summary: each part that is valid, nothing that is not. */
export interface ReadSummary {
  readonly taste?: {
    readonly score?: number;
    readonly reasons: readonly string[];
    readonly sharedTracks?: number;
    readonly topSharedArtists: readonly string[];
    readonly unifyingTrack?: { readonly title: string; readonly artist: string };
  };
  readonly coverage: CoverageSummary;
  readonly members: readonly SummaryMember[];
}

const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

const validItems = <T>(schema: z.ZodType<T>, value: unknown, max = Infinity): T[] =>
  (Array.isArray(value) ? value.flatMap((item) => { const v = valid(schema, item); return v === undefined ? [] : [v]; }) : []).slice(0, max);

const fields = (value: unknown): Record<string, unknown> =>
  (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});

/**
 * Reads a stored summary leniently, part by part: an older worker, a newer one or a bad write
 * must not break the page, so whatever is malformed is left out and the rest is shown.
 */
export function readBlendSummary(stored: unknown): ReadSummary {
  const summary = fields(stored);
  const coverage = fields(summary.coverage);
  const spotify = valid(platformCount, coverage.spotify);
  const apple = valid(platformCount, coverage.apple);
  const members = validItems(member, summary.members);
  const taste = readTaste(summary.taste);
  return { ...(taste ? { taste } : {}), coverage: { ...(spotify ? { spotify } : {}), ...(apple ? { apple } : {}) }, members };
}

function readTaste(stored: unknown): ReadSummary['taste'] {
  const taste = fields(stored);
  const score = valid(count.max(100), taste.score);
  const sharedTracks = valid(count, taste.sharedTracks);
  const unifying = valid(unifyingTrack, taste.unifyingTrack);
  const reasons = validItems(reasonText, taste.reasons, SUMMARY_LIST_MAX);
  const topSharedArtists = validItems(nameText, taste.topSharedArtists, SUMMARY_LIST_MAX);
  if (score === undefined && sharedTracks === undefined && !unifying && reasons.length === 0 && topSharedArtists.length === 0) return undefined;
  return {
    ...(score !== undefined ? { score } : {}),
    reasons,
    ...(sharedTracks !== undefined ? { sharedTracks } : {}),
    topSharedArtists,
    ...(unifying ? { unifyingTrack: unifying } : {}),
  };
}
