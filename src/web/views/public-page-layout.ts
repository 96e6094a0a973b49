import { html, trustedHtml, type SafeHtml } from '../views/html.js';
import { PUBLIC_PAGE_STYLE, PUBLIC_PAGE_STYLE_SOURCE } from './public-page-style.js';

/** What a public page says about itself: the `<title>` and the Open Graph card Discord unfurls. */
export interface PublicPageMeta {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the page (og:url, canonical); none on error pages. */
  readonly url?: string;
  /** Absolute https image for the unfurl card. */
  readonly image?: string;
}

export const SITE_NAME = 'Blend Bot';
/** Discord colours the unfurl card's edge with it. */
const THEME_COLOR = '#5865f2';

/**
 * No scripts at all, no frames, no forms, nothing loaded from elsewhere but album art (https or
 * inline images); the only style is our own stylesheet, by hash.
 */
export const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src ${PUBLIC_PAGE_STYLE_SOURCE}`,
  'img-src https: data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A whole public page. Share links are capabilities: search engines are asked not to index them. */
export function renderPublicPage(meta: PublicPageMeta, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<meta name="robots" content="noindex">
<meta name="theme-color" content="${THEME_COLOR}">
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:type" content="website">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
${meta.url ? html`<meta property="og:url" content="${meta.url}">
<link rel="canonical" href="${meta.url}">` : ''}
${meta.image ? html`<meta property="og:image" content="${meta.image}">` : ''}
<meta name="twitter:card" content="summary">
<link rel="icon" href="data:,">
<style>${trustedHtml(PUBLIC_PAGE_STYLE)}</style>
</head>
<body>
<main>
${body}
<footer>Made with ${SITE_NAME} on Discord</footer>
</main>
</body>
</html>
`.value;
}
