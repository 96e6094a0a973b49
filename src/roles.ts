import type { RoleName } from './config.js';
import type { AppContext } from './context.js';
import { startBot } from './bot/start.js';
import { startWeb } from './web/start.js';
import { startWorker } from './worker/start.js';

/** Stops a running role: closes its sockets, timers and connections. */
export type Stop = () => Promise<void>;
export type RoleStarter = (ctx: AppContext) => Promise<Stop>;

export const roleStarters = { bot: startBot, web: startWeb, worker: startWorker } as const satisfies Record<RoleName, RoleStarter>;
