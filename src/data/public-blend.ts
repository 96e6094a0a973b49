import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends, blendTracks, users } from '../../db/schema/index.js';
import { readBlendSummary, type CoverageSummary, type ReadSummary } from '../blends/summary.js';

/**
 * A completed blend as anyone with its share code may see it: the page and its JSON. It holds
 * no internal ids, Discord ids, emails or tokens; URLs are only the kinds a browser may load.
 */
export interface PublicBlend {
  readonly name: string;
  readonly shareCode: string;
  readonly completedAt: Date | null;
  readonly members: readonly PublicMember[];
  readonly taste: ReadSummary['taste'] | null;
  readonly coverage: CoverageSummary;
  readonly playlists: { readonly spotify: string | null; readonly apple: string | null };
  readonly tracks: readonly PublicTrack[];
}

export interface PublicMember { readonly name: string; readonly contributed: number }

export interface PublicTrack {
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly albumArtUrl: string | null;
  readonly durationMs: number | null;
  readonly broughtBy: string;
  /** Other members who also listed it. */
  readonly alsoLovedBy: readonly string[];
  readonly on: { readonly spotify: boolean; readonly apple: boolean };
}

/** A blend is at most 100 tracks; this only bounds the work a bad row could cause. */
const MAX_TRACKS = 500;
const UNKNOWN_MEMBER = 'A member';

/**
 * Loads the public view of a completed blend. Run it as `asPublic(shareCode)`: row level
 * security then shows only that blend, and only if it is completed; the query says so too.
 */
export async function loadPublicBlend(db: Db, shareCode: string): Promise<PublicBlend | undefined> {
  const [blend] = await db.select({
    id: blends.id, name: blends.name, shareCode: blends.shareCode, summary: blends.summary, completedAt: blends.completedAt,
    spotifyUrl: blends.playlistSpotifyUrl, appleUrl: blends.playlistAppleUrl,
  }).from(blends).where(and(eq(blends.shareCode, shareCode), eq(blends.status, 'completed'))).limit(1);
  if (!blend) return undefined;
  const members = await db.select({ userId: blendParticipants.userId, displayName: users.displayName })
    .from(blendParticipants).leftJoin(users, eq(users.id, blendParticipants.userId))
    .where(and(eq(blendParticipants.blendId, blend.id), eq(blendParticipants.status, 'accepted')))
    .orderBy(asc(blendParticipants.userId));
  const tracks = await db.select({
    title: blendTracks.trackName, artist: blendTracks.artistName, album: blendTracks.albumName, albumArtUrl: blendTracks.albumArtUrl,
    durationMs: blendTracks.durationMs, contributedBy: blendTracks.contributedBy, sharedBy: blendTracks.sharedBy,
    spotifyTrackId: blendTracks.spotifyTrackId, appleTrackId: blendTracks.appleTrackId, sourceProvider: blendTracks.sourceProvider,
  }).from(blendTracks).where(eq(blendTracks.blendId, blend.id)).orderBy(asc(blendTracks.position)).limit(MAX_TRACKS);

  const summary = readBlendSummary(blend.summary);
  const nameOf = memberNames(members, summary);
  const publicTracks = tracks.map((t): PublicTrack => ({
    title: t.title, artist: t.artist, album: t.album || null, albumArtUrl: imageUrl(t.albumArtUrl),
    durationMs: t.durationMs !== null && t.durationMs > 0 ? t.durationMs : null,
    broughtBy: nameOf(t.contributedBy),
    alsoLovedBy: [...new Set((t.sharedBy ?? []).filter((id) => id !== t.contributedBy).map(nameOf))],
    on: { spotify: t.spotifyTrackId !== null || t.sourceProvider === 'spotify', apple: t.appleTrackId !== null || t.sourceProvider === 'apple' },
  }));
  const playlists = { spotify: linkUrl(blend.spotifyUrl), apple: linkUrl(blend.appleUrl) };
  return {
    name: blend.name, shareCode: blend.shareCode, completedAt: blend.completedAt,
    members: rankMembers(members.map((m) => m.userId), tracks.map((t) => t.contributedBy), nameOf),
    taste: summary.taste ?? null,
    coverage: Object.keys(summary.coverage).length > 0 ? summary.coverage : coverageOf(publicTracks, playlists),
    playlists,
    tracks: publicTracks,
  };
}

/** Current display names first, then the name when the blend was built, then "Member n". */
function memberNames(members: readonly { userId: string; displayName: string | null }[], summary: ReadSummary): (userId: string) => string {
  const snapshot = new Map(summary.members.map((m) => [m.userId, m.displayName]));
  const names = new Map(members.map((m, i) => [m.userId, m.displayName?.trim() || snapshot.get(m.userId) || `Member ${i + 1}`]));
  return (userId) => names.get(userId) ?? UNKNOWN_MEMBER;
}

/** Members with how many tracks each brought: most first, then by name. */
function rankMembers(memberIds: readonly string[], contributors: readonly string[], nameOf: (id: string) => string): PublicMember[] {
  const counts = new Map(memberIds.map((id) => [id, 0]));
  for (const id of contributors) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, contributed]) => ({ name: nameOf(id), contributed }))
    .sort((a, b) => b.contributed - a.contributed || a.name.localeCompare(b.name));
}

/** Without a stored summary, coverage is counted from the tracks, for the platforms with a playlist. */
function coverageOf(tracks: readonly PublicTrack[], playlists: PublicBlend['playlists']): CoverageSummary {
  const count = (platform: 'spotify' | 'apple') => ({ available: tracks.filter((t) => t.on[platform]).length, total: tracks.length });
  return { ...(playlists.spotify ? { spotify: count('spotify') } : {}), ...(playlists.apple ? { apple: count('apple') } : {}) };
}

const MAX_URL = 2_048;
const MAX_DATA_IMAGE = 200_000;
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;

/** `URL.parse` is Node 22+. */
const parseUrl = (value: string): URL | undefined => (URL.canParse(value) ? new URL(value) : undefined);

/** A link a visitor may follow: http(s) only (never `javascript:` and the like). */
function linkUrl(value: string | null): string | null {
  if (!value || value.length > MAX_URL) return null;
  const url = parseUrl(value);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
}

/** Album art the page's Content-Security-Policy lets a browser load: https, or an inline image (an SVG in `<img>` runs no script). */
function imageUrl(value: string | null): string | null {
  if (!value) return null;
  if (value.startsWith('data:')) return value.length <= MAX_DATA_IMAGE && DATA_IMAGE.test(value) ? value : null;
  if (value.length > MAX_URL) return null;
  const url = parseUrl(value);
  return url?.protocol === 'https:' ? url.href : null;
}
