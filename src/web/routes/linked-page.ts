import type { RequestHandler } from 'express';
import { PROVIDER_LABEL, isProviderId } from '../../blends/link-prompt.js';
import { NotFoundError } from '../../errors.js';
import { html } from '../views/html.js';
import { sendPage } from '../pages/layout.js';

/** `GET /linked/:provider`: where a finished link lands (the details are in the DM). */
export function linkedPage(): RequestHandler<{ provider: string }> {
  return (req, res) => {
    const provider = req.params.provider;
    if (!isProviderId(provider)) throw new NotFoundError('There is nothing here.');
    sendPage(res, 200, {
      title: `${PROVIDER_LABEL[provider]} is linked`,
      body: html`<p>You can close this tab and go back to Discord. The bot has sent you a DM with the details.</p>`,
    });
  };
}
