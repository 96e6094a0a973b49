import express from 'express';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';

/** The Express app, without listen(): tests listen on port 0. */
export function createWebApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    await ctx.db.execute(sql`select 1`);
    res.json({ ok: true, database: 'reachable', roles: ctx.config.roles });
  });
  return app;
}
