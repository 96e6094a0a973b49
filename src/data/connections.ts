import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { providerConnections, userTopTracks } from '../../db/schema/index.js';
import type { TokenVault } from '../crypto/vault.js';
import type { ProviderId, UserAuth } from '../providers/types.js';

/**
 * Linked provider accounts. Tokens cross this module's boundary only as plaintext `UserAuth` in
 * memory; in the database they are vault ciphertexts. The caller picks the actor (withActor):
 * the web acts as the user, the worker as itself. (/unlink's delete is in connections-lookup.ts.)
 */

export interface NewConnection {
  readonly userId: string;
  readonly provider: ProviderId;
  readonly providerUserId: string;
  readonly auth: UserAuth;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Starts Spotify's 6-month refresh-token clock. */
  readonly authorizedAt: Date;
}

/** A connection as callers outside the data layer see it: no ciphertexts. */
export interface ConnectionSummary {
  readonly id: string;
  readonly userId: string;
  readonly provider: ProviderId;
  readonly providerUserId: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly lastSyncAt: Date | null;
  readonly authorizedAt: Date;
  readonly needsRelinkAt: Date | null;
}

export interface LoadedConnection extends ConnectionSummary {
  readonly auth: UserAuth;
}

const summaryColumns = {
  id: providerConnections.id, userId: providerConnections.userId, provider: providerConnections.provider,
  providerUserId: providerConnections.providerUserId, metadata: providerConnections.providerMetadata,
  lastSyncAt: providerConnections.lastSyncAt, authorizedAt: providerConnections.authorizedAt,
  needsRelinkAt: providerConnections.needsRelinkAt,
};

type SummaryRow = Omit<ConnectionSummary, 'metadata'> & { metadata: unknown };
const toSummary = (row: SummaryRow): ConnectionSummary => ({ ...row, metadata: (row.metadata ?? {}) as Record<string, unknown> });

/**
 * Stores a (re)linked account: one row per (user, provider), tokens encrypted, the relink flag
 * cleared. Linking a different account than before drops the old account's cached top tracks.
 */
export async function upsertConnection(db: Db, vault: TokenVault, c: NewConnection): Promise<{ id: string; accountChanged: boolean }> {
  const [previous] = await db.select({ providerUserId: providerConnections.providerUserId })
    .from(providerConnections)
    .where(and(eq(providerConnections.userId, c.userId), eq(providerConnections.provider, c.provider)))
    .for('update');
  const tokens = encryptAuth(vault, c.auth);
  const [row] = await db.insert(providerConnections)
    .values({ userId: c.userId, provider: c.provider, providerUserId: c.providerUserId, providerMetadata: c.metadata, authorizedAt: c.authorizedAt, ...tokens })
    .onConflictDoUpdate({
      target: [providerConnections.userId, providerConnections.provider],
      set: { providerUserId: c.providerUserId, providerMetadata: c.metadata, authorizedAt: c.authorizedAt, needsRelinkAt: null, updatedAt: c.authorizedAt, ...tokens },
    })
    .returning({ id: providerConnections.id });
  if (!row) throw new Error('upsertConnection returned no row');
  const accountChanged = previous !== undefined && previous.providerUserId !== c.providerUserId;
  if (accountChanged) {
    await db.delete(userTopTracks).where(eq(userTopTracks.connectionId, row.id));
    await db.update(providerConnections).set({ lastSyncAt: null }).where(eq(providerConnections.id, row.id));
  }
  return { id: row.id, accountChanged };
}

export async function findConnection(db: Db, userId: string, provider: ProviderId): Promise<ConnectionSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(providerConnections)
    .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider))).limit(1);
  return row && toSummary(row);
}

export async function listUserConnections(db: Db, userId: string): Promise<ConnectionSummary[]> {
  const rows = await db.select(summaryColumns).from(providerConnections)
    .where(eq(providerConnections.userId, userId)).orderBy(providerConnections.provider);
  return rows.map(toSummary);
}

/** The connection with its tokens decrypted, for a provider call. Undefined when it is gone. */
export async function loadUserAuth(db: Db, vault: TokenVault, connectionId: string): Promise<LoadedConnection | undefined> {
  const [row] = await db.select({
    ...summaryColumns,
    access: providerConnections.accessTokenEncrypted, refresh: providerConnections.refreshTokenEncrypted,
    expiresAt: providerConnections.tokenExpiresAt,
  }).from(providerConnections).where(eq(providerConnections.id, connectionId)).limit(1);
  if (!row) return undefined;
  const { access, refresh, expiresAt, ...summary } = row;
  return {
    ...toSummary(summary),
    auth: { accessToken: vault.decrypt(access), refreshToken: refresh ? vault.decrypt(refresh) : undefined, expiresAt: expiresAt ?? undefined },
  };
}

/**
 * Persists tokens a provider refreshed. A missing refresh token keeps the stored one (Spotify
 * does not always rotate it); `authorizedAt` is untouched (refreshing does not restart the clock).
 */
export async function saveRefreshedTokens(db: Db, vault: TokenVault, connectionId: string, auth: UserAuth, now: Date): Promise<void> {
  const { refreshTokenEncrypted, ...rest } = encryptAuth(vault, auth);
  await db.update(providerConnections)
    .set({ ...rest, ...(refreshTokenEncrypted ? { refreshTokenEncrypted } : {}), updatedAt: now })
    .where(eq(providerConnections.id, connectionId));
}

/** The provider said the grant is gone (invalid_grant, a rejected Music User Token). */
export async function markNeedsRelink(db: Db, connectionId: string, now: Date): Promise<void> {
  await db.update(providerConnections)
    .set({ needsRelinkAt: now, updatedAt: now })
    .where(and(eq(providerConnections.id, connectionId), isNull(providerConnections.needsRelinkAt)));
}

function encryptAuth(vault: TokenVault, auth: UserAuth) {
  return {
    accessTokenEncrypted: vault.encrypt(auth.accessToken),
    refreshTokenEncrypted: auth.refreshToken ? vault.encrypt(auth.refreshToken) : null,
    tokenExpiresAt: auth.expiresAt ?? null,
  };
}
