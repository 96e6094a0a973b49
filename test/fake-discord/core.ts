import type { FakeGateway } from './gateway.js';
import type { InteractionRegistry } from './interactions.js';
import type { MessageService } from './messages.js';
import type { ReactionService } from './reactions.js';
import type { FakeState } from './state.js';

/** The pieces the REST routes and the test-facing API share. */
export interface FakeCore {
  readonly state: FakeState;
  readonly gateway: FakeGateway;
  readonly messages: MessageService;
  readonly reactions: ReactionService;
  readonly interactions: InteractionRegistry;
  readonly interactionAckTimeoutMs: number;
  readonly gatewayUrl: () => string;
}
