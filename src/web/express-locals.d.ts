import type { Logger } from '../logger.js';

/** What the request-context and security-header middleware put on every response. */
declare global {
  namespace Express {
    interface Locals {
      requestId: string;
      log: Logger;
      cspNonce: string;
    }
  }
}

export {};
