import type { FakeCore } from '../core.js';
import type { Route } from '../router.js';
import { channelRoutes } from './channels.js';
import { commandRoutes } from './commands.js';
import { interactionRoutes } from './interactions.js';
import { metaRoutes } from './meta.js';
import { reactionRoutes } from './reactions.js';
import { webhookRoutes } from './webhooks.js';

/** Every REST route the fake serves; anything else is a recorded 404 (`route: null`). */
export function allRoutes(core: FakeCore): Route[] {
  return [
    ...metaRoutes(core),
    ...commandRoutes(core),
    ...interactionRoutes(core),
    ...webhookRoutes(core),
    ...channelRoutes(core),
    ...reactionRoutes(core),
  ];
}
