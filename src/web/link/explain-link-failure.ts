import { PROVIDER_LABEL } from '../../blends/link-prompt.js';
import type { AppContext } from '../../context.js';
import { isProviderError } from '../../providers/errors.js';
import { userHint } from '../../providers/user-hints.js';
import { PageError } from '../page-error.js';
import { sendDmQuietly } from './announce-link.js';
import { linkFailures } from './link-failures.js';
import { refusedDm } from './link-messages.js';

const TITLES = {
  not_allowlisted: 'Not on this bot\'s Spotify allowlist',
  no_subscription: 'Apple Music subscription needed',
} as const;

/**
 * Turns a provider failure during linking into the page to show. Not being on the Spotify
 * development-mode allowlist, or having no Apple Music subscription, is said exactly, on the page
 * and by DM (with what the bot owner or the member must do). Anything else goes on unchanged.
 */
export async function explainLinkFailure(ctx: AppContext, discordId: string, error: unknown): Promise<unknown> {
  if (!isProviderError(error)) return error;
  if (error.kind === 'relink_required') return linkFailures.codeRejected(PROVIDER_LABEL[error.provider]);
  if (error.kind !== 'not_allowlisted' && error.kind !== 'no_subscription') return error;
  const hint = userHint(error);
  await sendDmQuietly(ctx, discordId, refusedDm(error.provider, hint));
  return new PageError(403, TITLES[error.kind], hint, error.kind);
}
