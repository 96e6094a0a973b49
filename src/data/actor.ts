import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Who a piece of data access acts for. Row level security (migrations/0001_rls.sql) decides
 * what each can see:
 * - `user`: the bot or the web acting for one Discord user (their connections, tracks, blends);
 * - `worker`: the blend worker and the bot's own housekeeping;
 * - `public`: the public page, for exactly one completed blend named by its share code.
 */
export type Actor =
  | { readonly kind: 'user'; readonly discordId: string }
  | { readonly kind: 'worker' }
  | { readonly kind: 'public'; readonly shareCode: string };

/** Role names are constants, never input, so `sql.raw` below is safe. */
const ROLE = { user: 'blend_user', worker: 'blend_worker', public: 'blend_public' } as const satisfies Record<Actor['kind'], string>;

export const asUser = (discordId: string): Actor => ({ kind: 'user', discordId });
export const asWorker: Actor = { kind: 'worker' };
export const asPublic = (shareCode: string): Actor => ({ kind: 'public', shareCode });

/**
 * The only place that sets the database identity: one transaction, `SET LOCAL ROLE` to a
 * non-superuser role and the actor's identity in transaction-local settings, so it cannot leak
 * to the next user of a pooled connection. Every data access goes through here.
 */
export function withActor<T>(db: Db, actor: Actor, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const discordId = actor.kind === 'user' ? actor.discordId : '';
    const shareCode = actor.kind === 'public' ? actor.shareCode : '';
    await tx.execute(sql`select set_config('app.discord_id', ${discordId}, true), set_config('app.share_code', ${shareCode}, true)`);
    await tx.execute(sql.raw(`set local role ${ROLE[actor.kind]}`));
    return work(tx as unknown as Db);
  });
}
