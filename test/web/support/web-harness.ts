import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { Express } from 'express';
import { afterEach } from 'vitest';
import { blendParticipants, blends } from '../../../db/schema/index.js';
import type { AppContext } from '../../../src/context.js';
import { asUser, asWorker, withActor } from '../../../src/data/actor.js';
import { createBlend } from '../../../src/data/create-blend.js';
import { ensureUser } from '../../../src/data/users.js';
import type { RateLimitOptions } from '../../../src/web/middleware/rate-limit.js';
import { createWebApp } from '../../../src/web/app.js';
import type { LinkClients } from '../../../src/web/link/link-clients.js';
import { harness, type Harness } from '../../providers/harness.js';
import { RecordingOutbox, testContext } from '../../support/context.js';
import { uniqueDiscordId } from '../../support/db.js';
import { TestBrowser } from './browser.js';

export interface WebHarness {
  readonly origin: string;
  readonly ctx: AppContext;
  readonly app: Express;
  readonly outbox: RecordingOutbox;
  /** Both simulators (msw, in process), the providers on them, and the shared fake clock. */
  readonly sims: Harness;
  readonly logLines: string[];
  browser(): TestBrowser;
}

export interface WebHarnessOptions {
  readonly rateLimit?: RateLimitOptions;
  /** Which link clients the app gets (default both). */
  readonly linkClients?: (sims: Harness) => LinkClients;
  /** Replace parts of the context (e.g. a failing link signer). */
  readonly override?: (ctx: AppContext) => AppContext;
  readonly env?: Record<string, string>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.close(() => resolve()); s.closeAllConnections(); })));
});

/**
 * The web app on a real port 0 server, with PUBLIC_BASE_URL pointing at it (so redirect URIs
 * and Origin checks are the real ones), providers on the simulators and a recording outbox.
 */
export async function startWeb(options: WebHarnessOptions = {}): Promise<WebHarness> {
  const target: { app?: Express } = {};
  const server = createServer((req, res) => { if (target.app) target.app(req, res); else res.destroy(); });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sims = harness();
  const outbox = new RecordingOutbox();
  const logLines: string[] = [];
  const base = await testContext({ env: { PUBLIC_BASE_URL: origin, ...options.env }, providers: sims.providers, discord: outbox, now: sims.clock.now, logLines });
  const ctx = options.override ? options.override(base) : base;
  const linkClients = options.linkClients ? options.linkClients(sims) : { spotify: sims.spotifyAuth, apple: sims.appleAuth };
  const app = createWebApp(ctx, { linkClients, rateLimit: options.rateLimit });
  target.app = app;
  return { origin, ctx, app, outbox, sims, logLines, browser: () => new TestBrowser(origin) };
}

/** A Discord user with a pending participation in a fresh open blend (and its join message). */
export async function pendingMember(ctx: AppContext, name = 'Friday mix', where: { discordId?: string; channelId?: string; messageId?: string } = {}): Promise<{ discordId: string; userId: string; blendId: string; channelId: string; messageId: string }> {
  const creator = uniqueDiscordId();
  const discordId = where.discordId ?? uniqueDiscordId();
  const channelId = where.channelId ?? `chan-${creator}`;
  const messageId = where.messageId ?? `msg-${creator}`;
  const blend = await withActor(ctx.db, asUser(creator), async (tx) => {
    const user = await ensureUser(tx, { discordId: creator, displayName: 'Creator' });
    return createBlend(tx, { createdBy: user.id, name, size: 20, channelId, guildId: 'guild-1' });
  });
  await withActor(ctx.db, asWorker, (tx) => tx.update(blends).set({ messageId }).where(eq(blends.id, blend.id)));
  const userId = await withActor(ctx.db, asUser(discordId), async (tx) => {
    const user = await ensureUser(tx, { discordId, displayName: 'Member' });
    await tx.insert(blendParticipants).values({ blendId: blend.id, userId: user.id, status: 'pending' });
    return user.id;
  });
  return { discordId, userId, blendId: blend.id, channelId, messageId };
}

export async function participationStatus(ctx: AppContext, blendId: string, userId: string): Promise<string | undefined> {
  const [row] = await withActor(ctx.db, asWorker, (tx) => tx.select({ status: blendParticipants.status }).from(blendParticipants)
    .where(and(eq(blendParticipants.blendId, blendId), eq(blendParticipants.userId, userId))));
  return row?.status;
}
