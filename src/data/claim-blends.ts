import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { blends } from '../../db/schema/index.js';

/** A timestamp parameter both drivers accept in raw SQL (postgres-js rejects a bare Date). */
const at = (date: Date) => sql`${date.toISOString()}::timestamp`;

export interface ClaimedBlend { readonly id: string; readonly attempts: number; readonly status: 'processing' }

/**
 * Claims up to `limit` due blends for this worker, each for `leaseMs`. Due: `processing` (the
 * creator finished it, or an earlier run did not complete), or `pending` whose `closes_at` has
 * passed with at least two accepted members; and not leased (or the lease ran out: the worker
 * holding it died). `FOR UPDATE SKIP LOCKED` lets workers claim side by side without waiting on
 * or double-claiming each other's rows; the lease then keeps the blend theirs until they finish.
 * `locked_until` doubles as "not before" for a blend waiting out a provider's Retry-After.
 */
export async function claimDueBlends(db: Db, opts: { limit: number; leaseMs: number; now: Date }): Promise<ClaimedBlend[]> {
  const leaseUntil = at(new Date(opts.now.getTime() + opts.leaseMs));
  const now = at(opts.now);
  return queryRows<ClaimedBlend>(db, sql`
    update blends set status = 'processing', locked_until = ${leaseUntil}, attempts = attempts + 1, last_error = null
    where id in (
      select b.id from blends b
      where (b.locked_until is null or b.locked_until <= ${now})
        and (b.status = 'processing'
          or (b.status = 'pending' and b.closes_at <= ${now}
              and (select count(*) from blend_participants p where p.blend_id = b.id and p.status = 'accepted') >= 2))
      order by b.locked_until nulls first, b.created_at
      limit ${opts.limit}
      for update skip locked
    )
    returning id, attempts, status`);
}

/**
 * Pending blends whose joining time ran out with fewer than two linked members: they are taken
 * off the clock (`closes_at` cleared) and returned, so the creator is told once.
 */
export async function expireUnderfilledBlends(db: Db, when: Date): Promise<{ id: string }[]> {
  const now = at(when);
  return queryRows<{ id: string }>(db, sql`
    update blends set closes_at = null, last_error = 'fewer than two members linked a music service before joining closed'
    where id in (
      select b.id from blends b
      where b.status = 'pending' and b.closes_at <= ${now}
        and (select count(*) from blend_participants p where p.blend_id = b.id and p.status = 'accepted') < 2
      for update skip locked
    )
    returning id`);
}

/** Extends a held lease (long blends); false when the lease was lost to another worker. */
export async function renewLease(db: Db, blendId: string, until: Date): Promise<boolean> {
  const rows = await db.update(blends).set({ lockedUntil: until })
    .where(and(eq(blends.id, blendId), eq(blends.status, 'processing'))).returning({ id: blends.id });
  return rows.length === 1;
}
