import { sql } from 'drizzle-orm';
import { blends, blendParticipants } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { generateShareCode } from '../crypto/share-code.js';

export interface NewBlend {
  readonly createdBy: string;
  readonly name: string;
  readonly size: number;
  readonly guildId?: string;
  readonly channelId?: string;
  readonly closesAt?: Date;
}

const SHARE_CODE_ATTEMPTS = 5;

/**
 * Inserts a blend with a fresh share code (retried on the rare collision, each try in its own
 * savepoint so the surrounding transaction survives) and joins its creator as a participant.
 */
export async function createBlend(db: Db, blend: NewBlend, nextCode: () => string = generateShareCode) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx.insert(blends).values({
          createdBy: blend.createdBy, name: blend.name, shareCode: nextCode(), blendSettings: { size: blend.size },
          guildId: blend.guildId, channelId: blend.channelId, closesAt: blend.closesAt,
        }).returning();
        if (!row) throw new Error('createBlend returned no row');
        await tx.insert(blendParticipants).values({ blendId: row.id, userId: blend.createdBy, joinedAt: sql`now()` })
          .onConflictDoNothing();
        return row;
      });
    } catch (error) {
      if (!isShareCodeCollision(error) || attempt >= SHARE_CODE_ATTEMPTS) throw error;
    }
  }
}

function isShareCodeCollision(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const e = cause as { code?: string; constraint_name?: string; constraint?: string; message?: string };
  return e?.code === '23505' && `${e.constraint_name ?? e.constraint ?? e.message ?? ''}`.includes('share_code');
}
