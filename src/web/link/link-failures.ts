import { PageError } from '../page-error.js';

const AGAIN = 'Run /link in Discord to get a fresh link.';

/** The pages a visitor can land on when a link or sign-in cannot go on. Shown as they are. */
export const linkFailures = {
  badLink: () => new PageError(400, 'This link does not work', `This link is incomplete or was changed. ${AGAIN}`, 'bad_link'),
  expiredLink: () => new PageError(400, 'This link has expired', `Links from the bot work for 15 minutes. ${AGAIN}`, 'expired_link'),
  providerOff: (label: string) => new PageError(404, `${label} is not set up`, `The bot owner has not set up ${label} linking on this bot.`, 'provider_off'),
  badState: () => new PageError(400, 'This sign-in does not work', `This sign-in is incomplete or was changed. ${AGAIN}`, 'bad_state'),
  expiredState: () => new PageError(400, 'This sign-in has expired', `Sign-ins must be finished within 10 minutes. ${AGAIN}`, 'expired_state'),
  usedState: () => new PageError(400, 'This sign-in was already used', `Each sign-in works once. If linking did not finish, ${AGAIN}`, 'used_state'),
  otherBrowser: () => new PageError(400, 'Finish in the same browser',
    `This sign-in was started in another browser (or its cookie was blocked), so it cannot be finished here. Open the link from Discord in this browser. ${AGAIN}`, 'other_browser'),
  badCallback: () => new PageError(400, 'This sign-in does not work', `The sign-in came back incomplete. ${AGAIN}`, 'bad_callback'),
  codeRejected: (label: string) => new PageError(400, `${label} did not accept this sign-in`,
    `${label} said the sign-in was expired or already used. ${AGAIN}`, 'code_rejected'),
  crossSite: () => new PageError(403, 'Not allowed', 'This form can only be sent from the bot\'s own page.', 'cross_site'),
};
