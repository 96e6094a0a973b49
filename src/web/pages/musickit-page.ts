import { html, trustedHtml } from '../views/html.js';
import type { Page } from './layout.js';
import { MUSICKIT_SCRIPT_URL } from '../middleware/security-headers.js';

export interface MusicKitPageInput {
  /** Origin-locked developer token (ES256 JWT); MusicKit JS needs it in the browser. */
  readonly developerToken: string;
  /** The signed, single-use state the form posts back. */
  readonly state: string;
  readonly nonce: string;
}

/**
 * Runs in the browser: configure MusicKit JS v3 once it has loaded, call `authorize()` from the
 * button click (popup blockers allow it only then), and post the Music User Token with the state
 * to /callback/apple as a form, so the answer is a normal page. Registered before MusicKit's own
 * script tag, so `musickitloaded` cannot fire unheard.
 */
const CLIENT_SCRIPT = trustedHtml(`
(() => {
  const root = document.getElementById('musickit');
  const button = document.getElementById('authorize');
  const status = document.getElementById('status');
  const form = document.getElementById('callback');
  const say = (text) => { status.textContent = text; };
  let music;
  async function configure() {
    try {
      music = await MusicKit.configure({ developerToken: root.dataset.developerToken, app: { name: 'Blend Bot', build: '1.0.0' } });
      button.disabled = false;
      say('Ready. Sign in with your Apple ID to continue.');
    } catch (error) {
      say('Apple Music could not start in this browser. Reload the page to try again.');
    }
  }
  if (window.MusicKit) configure(); else document.addEventListener('musickitloaded', configure, { once: true });
  setTimeout(() => { if (!music) say('Apple Music is taking long to load. Check your connection, or reload the page.'); }, 20000);
  button.addEventListener('click', async () => {
    button.disabled = true;
    say('Waiting for Apple Music…');
    try {
      const token = await music.authorize();
      if (!token) throw new Error('no token');
      form.elements.musicUserToken.value = token;
      say('Linking…');
      form.submit();
    } catch (error) {
      button.disabled = false;
      say('The Apple Music sign-in did not finish. Try again.');
    }
  });
})();
`);

export function musicKitPage(input: MusicKitPageInput): Page {
  return {
    title: 'Link Apple Music',
    body: html`
<div id="musickit" data-developer-token="${input.developerToken}">
<p>Sign in with your Apple ID so Blend Bot can read your listening history and make Blend playlists in your library.</p>
<p><button id="authorize" type="button" disabled>Sign in with Apple Music</button></p>
<p id="status" class="muted" role="status">Loading Apple Music…</p>
<noscript><p>This page needs JavaScript: Apple's sign-in runs in your browser.</p></noscript>
<form id="callback" method="post" action="/callback/apple">
<input type="hidden" name="state" value="${input.state}">
<input type="hidden" name="musicUserToken" value="">
</form>
</div>`,
    scripts: html`<script nonce="${input.nonce}">${CLIENT_SCRIPT}</script>
<script src="${MUSICKIT_SCRIPT_URL}" async></script>`,
  };
}
