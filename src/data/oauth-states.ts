import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { oauthStates } from '../../db/schema/index.js';
import type { ProviderId } from '../providers/types.js';

export interface NewOAuthState {
  readonly nonceHash: string;
  readonly discordId: string;
  readonly provider: ProviderId;
  /** A vault ciphertext (Spotify's PKCE verifier); Apple has none. */
  readonly codeVerifierEncrypted?: string;
  readonly expiresAt: Date;
}

/** Why a state could not be consumed. `missing` also covers another user's state: RLS hides it. */
export type ConsumedOAuthState =
  | { readonly kind: 'consumed'; readonly codeVerifierEncrypted: string | null }
  | { readonly kind: 'missing' | 'already_used' | 'expired' };

/** Expired states are kept this long (for "already used" vs "expired" answers), then dropped. */
export const OAUTH_STATE_RETENTION_MS = 24 * 60 * 60_000;

/** Stores a single-use state and drops this user's long-expired ones on the way. */
export async function createOAuthState(db: Db, state: NewOAuthState, now: Date): Promise<void> {
  await db.delete(oauthStates).where(and(
    eq(oauthStates.discordId, state.discordId),
    lt(oauthStates.expiresAt, new Date(now.getTime() - OAUTH_STATE_RETENTION_MS)),
  ));
  await db.insert(oauthStates).values({ ...state, codeVerifierEncrypted: state.codeVerifierEncrypted ?? null });
}

/**
 * Marks the state used and returns its verifier, in one statement: of two concurrent callbacks
 * with the same state exactly one gets `consumed`.
 */
export async function consumeOAuthState(db: Db, key: { nonceHash: string; provider: ProviderId }, now: Date): Promise<ConsumedOAuthState> {
  const [row] = await db.update(oauthStates).set({ consumedAt: now })
    .where(and(
      eq(oauthStates.nonceHash, key.nonceHash), eq(oauthStates.provider, key.provider),
      isNull(oauthStates.consumedAt), gt(oauthStates.expiresAt, now),
    ))
    .returning({ codeVerifierEncrypted: oauthStates.codeVerifierEncrypted });
  if (row) return { kind: 'consumed', codeVerifierEncrypted: row.codeVerifierEncrypted };
  const [seen] = await db.select({ consumedAt: oauthStates.consumedAt })
    .from(oauthStates)
    .where(and(eq(oauthStates.nonceHash, key.nonceHash), eq(oauthStates.provider, key.provider)))
    .limit(1);
  if (!seen) return { kind: 'missing' };
  return { kind: seen.consumedAt ? 'already_used' : 'expired' };
}
