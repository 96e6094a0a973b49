import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { providerConnections } from '../../db/schema/index.js';
import type { ProviderId } from '../providers/types.js';

/** Whether the user has a linked music service that does not need relinking (joins them as accepted). */
export async function hasUsableConnection(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: providerConnections.id }).from(providerConnections)
    .where(and(eq(providerConnections.userId, userId), isNull(providerConnections.needsRelinkAt))).limit(1);
  return row !== undefined;
}

/**
 * Deletes the user's connection to one provider; their cached top tracks go with it (FK cascade).
 * False when there was none.
 */
export async function deleteConnection(db: Db, userId: string, provider: ProviderId): Promise<boolean> {
  const rows = await db.delete(providerConnections)
    .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)))
    .returning({ id: providerConnections.id });
  return rows.length === 1;
}

export async function hasConnection(db: Db, userId: string, provider: ProviderId): Promise<boolean> {
  const [row] = await db.select({ id: providerConnections.id }).from(providerConnections)
    .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider))).limit(1);
  return row !== undefined;
}
