import type { RequestHandler } from 'express';
import { PageError } from '../page-error.js';

export interface RateLimitOptions {
  /** Requests a client may make at once. */
  readonly burst: number;
  /** Requests a client earns back per second. */
  readonly perSecond: number;
  /** Clients remembered; the least recently seen are forgotten first. */
  readonly maxClients?: number;
}

/** 30 at once, then one every two seconds: plenty for linking, little for guessing. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 30, perSecond: 0.5, maxClients: 10_000 };

/**
 * A token bucket per client IP, in memory. It is per replica: behind a load balancer with N web
 * replicas a client gets up to N times the budget, which is fine for slowing down guessing and
 * floods; a shared limit would need the load balancer or a shared store.
 */
export function rateLimit(options: RateLimitOptions, now: () => Date): RequestHandler {
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req, res, next) => {
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const at = now().getTime();
    const previous = buckets.get(key);
    const refilled = previous ? Math.min(options.burst, previous.tokens + ((at - previous.at) / 1000) * options.perSecond) : options.burst;
    buckets.delete(key);
    if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value as string);
    if (refilled < 1) {
      buckets.set(key, { tokens: refilled, at });
      res.setHeader('Retry-After', String(Math.ceil((1 - refilled) / options.perSecond)));
      throw new PageError(429, 'Slow down', 'Too many attempts from your network. Wait a minute, then try again.', 'rate_limited');
    }
    buckets.set(key, { tokens: refilled - 1, at });
    next();
  };
}
