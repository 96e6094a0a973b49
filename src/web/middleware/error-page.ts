import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ForbiddenError, NotFoundError, UserFacingError } from '../../errors.js';
import { ProviderError, type ProviderFailure } from '../../providers/errors.js';
import { userHint } from '../../providers/user-hints.js';
import { html } from '../views/html.js';
import { sendPage } from '../pages/layout.js';
import { PageError } from '../page-error.js';

interface Explained {
  readonly status: number;
  readonly title: string;
  readonly message: string;
  /** Also logged at warn/error with the error itself; user errors get one info line. */
  readonly level: 'info' | 'warn' | 'error';
  readonly reason?: string;
}

const PROVIDER_STATUS: Partial<Record<ProviderFailure, number>> = {
  not_allowlisted: 403, no_subscription: 403, relink_required: 400,
  rate_limited: 503, quota_exceeded: 503, unavailable: 503,
};

/** Body-parser's errors carry an HTTP status and a type; their messages are not shown. */
const isHttpError = (error: unknown): error is { status: number; type?: string } =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  && (error as { status: number }).status >= 400 && (error as { status: number }).status < 500;

/** Every failure gets its status, a plain message, and the request id as a reference; never a stack or an internal message. */
export function explainError(error: unknown): Explained {
  if (error instanceof PageError) return { status: error.status, title: error.title, message: error.message, level: 'info', reason: error.reason };
  if (error instanceof NotFoundError) return { status: 404, title: 'Not found', message: error.message, level: 'info' };
  if (error instanceof ForbiddenError) return { status: 403, title: 'Not allowed', message: error.message, level: 'info' };
  if (error instanceof UserFacingError) return { status: 400, title: 'That did not work', message: error.message, level: 'info' };
  if (error instanceof ProviderError) {
    const label = error.provider === 'spotify' ? 'Spotify' : 'Apple Music';
    const status = PROVIDER_STATUS[error.kind] ?? 502;
    // On the web, `unauthorized` means the bot's own credentials (client secret, developer key) were refused.
    const message = error.kind === 'unauthorized' ? `${label} refused the bot's credentials. The bot owner has been told.` : userHint(error);
    return { status, title: `${label} did not cooperate`, message, level: status === 502 ? 'error' : 'warn', reason: error.kind };
  }
  if (isHttpError(error)) {
    const tooLarge = error.status === 413;
    return { status: error.status, title: tooLarge ? 'Too large' : 'Bad request', message: tooLarge ? 'That request is too large.' : 'That request could not be read.', level: 'info', reason: error.type };
  }
  return { status: 500, title: 'Something went wrong', message: 'Something went wrong on our side. Try again in a minute.', level: 'error' };
}

/** The one error page (and the one place web failures are logged). */
export function errorPage(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const explained = explainError(error);
    const log = res.locals.log;
    if (explained.level === 'info') log.info({ status: explained.status, reason: explained.reason }, 'request refused');
    else log[explained.level]({ err: error, status: explained.status }, 'request failed');
    sendPage(res, explained.status, {
      title: explained.title,
      body: html`<p>${explained.message}</p><p class="muted">Reference: ${res.locals.requestId}</p>`,
    });
  };
}

export const notFound = (): RequestHandler => () => {
  throw new NotFoundError('There is nothing here.');
};
