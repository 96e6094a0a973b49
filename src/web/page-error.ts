import { UserFacingError } from '../errors.js';

/**
 * A failure the visitor caused or can act on, with the page it gets: an HTTP status, a title and
 * a message shown as it is. `reason` is a short code for the log line, never shown.
 */
export class PageError extends UserFacingError {
  constructor(readonly status: number, readonly title: string, message: string, readonly reason: string) {
    super(message);
  }
}
