import { expect } from 'vitest';
import type { Db } from '../../db/client.js';
import { blendParticipants, blends, blendTracks, oauthStates, providerConnections, userTopTracks, users } from '../../db/schema/index.js';
import { generateShareCode } from '../../src/crypto/share-code.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { uniqueDiscordId } from '../support/db.js';

/**
 * Rows for the row level security suite, written as the worker (the one role that may write
 * anything), so each test starts from a known world and then acts as the role under test.
 */

export interface SeededUser { readonly id: string; readonly discordId: string; readonly displayName: string }

export async function seedUser(db: Db, displayName = 'Member'): Promise<SeededUser> {
  const discordId = uniqueDiscordId();
  const [row] = await withActor(db, asWorker, (tx) => tx.insert(users)
    .values({ discordId, displayName, email: `${discordId}@example.test`, avatarUrl: `https://cdn.discordapp.com/avatars/${discordId}/a.png` })
    .returning({ id: users.id }));
  if (!row) throw new Error('seedUser returned no row');
  return { id: row.id, discordId, displayName };
}

/** A Spotify connection with one top track, and a pending OAuth state: everything a user owns. */
export async function seedPrivateData(db: Db, user: SeededUser): Promise<{ connectionId: string; topTrackId: string; oauthStateId: string }> {
  return withActor(db, asWorker, async (tx) => {
    const [connection] = await tx.insert(providerConnections)
      .values({ userId: user.id, provider: 'spotify', providerUserId: `sp-${user.discordId}`, accessTokenEncrypted: 'v1:cipher', refreshTokenEncrypted: 'v1:refresh' })
      .returning({ id: providerConnections.id });
    if (!connection) throw new Error('no connection');
    const [track] = await tx.insert(userTopTracks)
      .values({ connectionId: connection.id, trackId: `t-${user.discordId}`, trackName: `${user.displayName}'s song`, artistName: 'Artist', timeRange: 'short_term', rank: 1 })
      .returning({ id: userTopTracks.id });
    const [state] = await tx.insert(oauthStates)
      .values({ nonceHash: `nonce-${user.discordId}`, discordId: user.discordId, provider: 'spotify', codeVerifierEncrypted: 'v1:verifier', expiresAt: new Date(Date.now() + 600_000) })
      .returning({ id: oauthStates.id });
    if (!track || !state) throw new Error('no track or state');
    return { connectionId: connection.id, topTrackId: track.id, oauthStateId: state.id };
  });
}

export type BlendStatus = 'pending' | 'processing' | 'completed' | 'cancelled';

export interface SeedBlend {
  readonly creator: SeededUser;
  readonly status: BlendStatus;
  /** Besides the creator (who is always an accepted member). */
  readonly members?: readonly { readonly user: SeededUser; readonly status: 'pending' | 'accepted' | 'declined' }[];
  /** Track titles, contributed in turn by the creator and the accepted members. */
  readonly tracks?: readonly string[];
  readonly name?: string;
}

/** Other suites' workers share the PostgreSQL test database: seeded blends are never due for them. */
const NEVER = new Date('2999-01-01T00:00:00Z');

export interface SeededBlend { readonly id: string; readonly shareCode: string; readonly name: string }

export async function seedBlend(db: Db, spec: SeedBlend): Promise<SeededBlend> {
  const name = spec.name ?? `Blend ${spec.status}`;
  return withActor(db, asWorker, async (tx) => {
    const [blend] = await tx.insert(blends).values({
      createdBy: spec.creator.id, name, shareCode: generateShareCode(), status: spec.status,
      guildId: '900000000000000001', channelId: '900000000000000002', messageId: uniqueDiscordId(),
      playlistSpotifyUrl: 'https://open.spotify.com/playlist/x', summary: { version: 1 }, lastError: null,
      completedAt: spec.status === 'completed' ? new Date() : null,
      closesAt: null, lockedUntil: spec.status === 'processing' ? NEVER : null,
    }).returning({ id: blends.id, shareCode: blends.shareCode });
    if (!blend) throw new Error('seedBlend returned no row');
    const members = [{ user: spec.creator, status: 'accepted' as const }, ...(spec.members ?? [])];
    await tx.insert(blendParticipants).values(members.map((m) => ({ blendId: blend.id, userId: m.user.id, status: m.status, joinedAt: new Date() })));
    const contributors = members.filter((m) => m.status === 'accepted');
    const tracks = (spec.tracks ?? []).map((title, position) => ({
      blendId: blend.id, contributedBy: contributors[position % contributors.length]?.user.id ?? spec.creator.id,
      trackId: `sp-${position}`, trackName: title, artistName: 'Artist', position, sourceProvider: 'spotify', isrc: `ISRC${position}`,
    }));
    if (tracks.length > 0) await tx.insert(blendTracks).values(tracks);
    return { id: blend.id, shareCode: blend.shareCode, name };
  });
}

/** What a refused statement throws on either driver: drizzle wraps the driver's error as `cause`. */
const sqlState = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * The statement was refused by PostgreSQL's privilege or policy checks (SQLSTATE 42501:
 * "permission denied" or "new row violates row-level security policy"), not by anything else.
 */
export async function expectRefused(work: Promise<unknown>): Promise<void> {
  const outcome = await work.then(() => 'succeeded', (error: unknown) => sqlState(error) ?? String(error));
  expect(outcome).toBe('42501');
}
