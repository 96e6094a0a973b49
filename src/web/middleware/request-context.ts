import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logger.js';

/** A request id from the load balancer is kept when it looks like one; otherwise we make one. */
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;
const QUIET_PATHS = new Set(['/healthz']);

/**
 * Gives each request an id (echoed as `X-Request-Id`, shown on error pages as the reference) and
 * a child logger, and logs one line when the response is done. Only the path is logged: query
 * strings carry link tokens, OAuth codes and states.
 */
export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = log.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      const line = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (QUIET_PATHS.has(req.path)) res.locals.log.debug(line, 'request');
      else res.locals.log.info(line, 'request');
    });
    next();
  };
}
