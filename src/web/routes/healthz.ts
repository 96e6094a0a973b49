import { sql } from 'drizzle-orm';
import type { RequestHandler } from 'express';
import type { AppContext } from '../../context.js';
import { asWorker, withActor } from '../../data/actor.js';

/** A database that does not answer within this is reported as unreachable. */
export const HEALTH_TIMEOUT_MS = 3_000;

/** `GET /healthz`: 200 when the database answers, 503 otherwise; and which roles this process runs. */
export function healthz(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    const reachable = await databaseAnswers(ctx).catch((err: unknown) => {
      res.locals.log.warn({ err }, 'database unreachable');
      return false;
    });
    res.status(reachable ? 200 : 503).set('Cache-Control', 'no-store')
      .json({ ok: reachable, database: reachable ? 'reachable' : 'unreachable', roles: ctx.config.roles });
  };
}

async function databaseAnswers(ctx: AppContext): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS); });
  try {
    return await Promise.race([withActor(ctx.db, asWorker, (tx) => tx.execute(sql`select 1`)).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
