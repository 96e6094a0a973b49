import { request, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends, blendTracks, providerConnections, users } from '../../db/schema/index.js';
import type { BlendSummary } from '../../src/blends/summary.js';
import type { AppContext } from '../../src/context.js';
import { generateShareCode } from '../../src/crypto/share-code.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { createWebApp } from '../../src/web/app.js';
import { testContext } from '../support/context.js';
import { uniqueDiscordId } from '../support/db.js';

/** Inline album art (an SVG square in the track's colour), so no test ever loads an image from the network. */
export function inlineArt(hue: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">`
    + `<stop offset="0" stop-color="hsl(${hue} 80% 60%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 70% 35%)"/></linearGradient></defs>`
    + '<rect width="64" height="64" fill="url(#g)"/></svg>';
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export interface TrackSpec {
  readonly title: string;
  readonly artist?: string;
  readonly album?: string | null;
  readonly art?: string | null;
  /** Index into the members; default: members take turns. */
  readonly by?: number;
  /** Other members (indexes) who also listed it. */
  readonly sharedWith?: readonly number[];
  readonly spotify?: boolean;
  readonly apple?: boolean;
}

export interface BlendSpec {
  readonly name?: string;
  readonly status?: 'pending' | 'processing' | 'completed' | 'cancelled';
  /** Display names of the accepted members (the first is the creator). */
  readonly members?: readonly string[];
  /** Display names of members who left before it was built. */
  readonly declined?: readonly string[];
  readonly tracks?: readonly TrackSpec[];
  /** Default: a valid version-1 summary built from the members. */
  readonly summary?: unknown;
  readonly playlists?: { readonly spotify?: string | null; readonly apple?: string | null };
}

export interface SeededPublicBlend {
  readonly shareCode: string;
  /** Everything that must never reach a visitor: internal ids, Discord ids, emails, tokens, worker notes. */
  readonly secrets: readonly string[];
}

export const DEFAULT_TRACKS: readonly TrackSpec[] = [
  { title: 'Midnight City', artist: 'M83', album: 'Hurry Up, We\'re Dreaming', sharedWith: [1, 2] },
  { title: 'Dreams', artist: 'Fleetwood Mac', album: 'Rumours' },
  { title: 'Redbone', artist: 'Childish Gambino', album: 'Awaken, My Love!', apple: false },
  { title: 'Motion Sickness', artist: 'Phoebe Bridgers', album: 'Stranger in the Alps' },
  { title: 'Electric Feel', artist: 'MGMT', album: 'Oracular Spectacular', spotify: true },
  { title: 'Nights', artist: 'Frank Ocean', album: 'Blonde', sharedWith: [0] },
];

export function validSummary(userIds: readonly string[], names: readonly string[], tracks: number): BlendSummary {
  return {
    version: 1,
    taste: {
      score: 72,
      reasons: ['You all have M83 in heavy rotation', 'Two of you love Frank Ocean\'s Blonde'],
      sharedTracks: 2,
      topSharedArtists: ['M83', 'Frank Ocean'],
      unifyingTrack: { title: 'Midnight City', artist: 'M83' },
    },
    coverage: { spotify: { available: tracks, total: tracks }, apple: { available: tracks - 1, total: tracks } },
    members: userIds.map((userId, i) => ({ userId, displayName: names[i] ?? null, contributed: 2 })),
  };
}

/** A blend (completed unless told otherwise) written the way the worker writes one, as the worker. */
export async function seedPublicBlend(db: Db, spec: BlendSpec = {}): Promise<SeededPublicBlend> {
  const memberNames = spec.members ?? ['Ada', 'Grace', 'Linus'];
  const trackSpecs = spec.tracks ?? DEFAULT_TRACKS;
  const status = spec.status ?? 'completed';
  return withActor(db, asWorker, async (tx) => {
    const people = await Promise.all([...memberNames, ...(spec.declined ?? [])].map(async (displayName) => {
      const discordId = uniqueDiscordId();
      const [row] = await tx.insert(users).values({ discordId, displayName, email: `${discordId}@mail.example`, avatarUrl: `https://cdn.discordapp.com/avatars/${discordId}/abc.png` })
        .returning({ id: users.id });
      if (!row) throw new Error('no user');
      const [connection] = await tx.insert(providerConnections).values({ userId: row.id, provider: 'spotify', providerUserId: `spotify-${discordId}`, accessTokenEncrypted: `v1:token-${discordId}` })
        .returning({ id: providerConnections.id });
      return { id: row.id, discordId, email: `${discordId}@mail.example`, connectionId: connection?.id ?? '', token: `v1:token-${discordId}` };
    }));
    const accepted = people.slice(0, memberNames.length);
    const creator = accepted[0];
    if (!creator) throw new Error('a blend needs a member');
    const guildId = uniqueDiscordId();
    const channelId = uniqueDiscordId();
    const messageId = uniqueDiscordId();
    const [blend] = await tx.insert(blends).values({
      createdBy: creator.id, name: spec.name ?? 'Friday Night Blend', shareCode: generateShareCode(), status,
      guildId, channelId, messageId, resultMessageId: uniqueDiscordId(), lastError: 'worker note: internal detail',
      playlistSpotifyId: 'spotify-playlist-internal', playlistAppleId: 'p.apple-internal',
      playlistSpotifyUrl: spec.playlists?.spotify === undefined ? 'https://open.spotify.com/playlist/37i9dQZF1DX0XUsuxWHRQd' : spec.playlists.spotify,
      playlistAppleUrl: spec.playlists?.apple === undefined ? 'https://music.apple.com/us/playlist/pl.u-blend' : spec.playlists.apple,
      summary: spec.summary === undefined ? validSummary(accepted.map((p) => p.id), memberNames, trackSpecs.length) : spec.summary,
      completedAt: status === 'completed' ? new Date('2026-11-20T18:30:00Z') : null,
      lockedUntil: status === 'processing' ? new Date('2999-01-01T00:00:00Z') : null,
    }).returning({ id: blends.id, shareCode: blends.shareCode });
    if (!blend) throw new Error('no blend');
    await tx.insert(blendParticipants).values(people.map((p, i) => ({ blendId: blend.id, userId: p.id, status: i < memberNames.length ? 'accepted' as const : 'declined' as const })));
    if (trackSpecs.length > 0) {
      await tx.insert(blendTracks).values(trackSpecs.map((t, position) => {
        const by = accepted[t.by ?? position % accepted.length] ?? creator;
        return {
          blendId: blend.id, contributedBy: by.id, trackId: `internal-track-${position}`, isrc: `USXX1${String(position).padStart(6, '0')}`,
          trackName: t.title, artistName: t.artist ?? 'Artist', albumName: t.album ?? null,
          albumArtUrl: t.art === undefined ? inlineArt(position * 47) : t.art, durationMs: 180_000 + position * 7_000, position, sourceProvider: 'spotify',
          spotifyTrackId: t.spotify === false ? null : `4uLU6hMCjMI75M1A2tKUQ${position}`, appleTrackId: t.apple === false ? null : `14400${position}`,
          sharedBy: t.sharedWith ? [by.id, ...t.sharedWith.map((i) => accepted[i]?.id ?? by.id)] : [],
        };
      }));
    }
    const secrets = [blend.id, guildId, channelId, messageId, 'worker note', 'spotify-playlist-internal', 'p.apple-internal', 'internal-track-', 'USXX1',
      ...people.flatMap((p) => [p.id, p.discordId, p.email, p.connectionId, p.token])];
    return { shareCode: blend.shareCode, secrets };
  });
}

/** The whole web app on 127.0.0.1, port 0, with PUBLIC_BASE_URL pointing at it. */
export async function startPublicWeb(): Promise<{ origin: string; ctx: AppContext; close(): Promise<void> }> {
  const holder: { app?: ReturnType<typeof createWebApp> } = {};
  const server: Server = createServer((req, res) => { if (holder.app) holder.app(req, res); else res.destroy(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx = await testContext({ env: { PUBLIC_BASE_URL: origin } });
  holder.app = createWebApp(ctx);
  return {
    origin, ctx,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export interface RawResponse { readonly status: number; readonly headers: Record<string, string | string[] | undefined>; readonly body: string }

/** A GET with the path sent exactly as given (fetch would normalise `..` and re-encode). */
export function rawGet(origin: string, path: string): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers: { connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
