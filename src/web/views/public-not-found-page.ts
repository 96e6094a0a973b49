import { html } from '../views/html.js';
import { renderPublicPage } from './public-page-layout.js';

export const NOT_FOUND_MESSAGE = 'There is no finished Blend at this link. It may still be being built, or the link may be mistyped.';

/** Unknown codes and blends that are not completed look the same: nothing says which it was. */
export function renderPublicNotFoundPage(): string {
  return renderPublicPage({ title: 'Blend not found', description: NOT_FOUND_MESSAGE }, html`<header>
<p class="eyebrow">Blend</p>
<h1>Blend not found</h1>
<p class="byline">${NOT_FOUND_MESSAGE}</p>
<p class="muted">When a Blend is ready, the bot posts its link in the Discord channel where it started.</p>
</header>`);
}
