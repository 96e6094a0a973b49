import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLinkSigner, LINK_TTL_MS } from '../../src/crypto/link-signer.js';

function signerAt(clock: { t: number }, secret = randomBytes(32)) {
  return createLinkSigner({ secret, publicBaseUrl: 'https://blend.example.com', now: () => new Date(clock.t) });
}

describe('link tokens', () => {
  it('build the /link URL and verify back to who asked for which provider', () => {
    const clock = { t: Date.UTC(2026, 10, 25) };
    const links = signerAt(clock);
    const url = new URL(links.url('123456789', 'spotify'));
    expect(url.origin + url.pathname).toBe('https://blend.example.com/link/spotify');
    const result = links.verify('link', url.searchParams.get('t') ?? '');
    expect(result).toMatchObject({ ok: true, claims: { discordId: '123456789', provider: 'spotify' } });
  });

  it('expire after 15 minutes', () => {
    const clock = { t: 1_000_000 };
    const links = signerAt(clock);
    const token = links.sign('link', '1', 'apple');
    clock.t += LINK_TTL_MS - 1;
    expect(links.verify('link', token).ok).toBe(true);
    clock.t += 1;
    expect(links.verify('link', token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('reject a changed body, a foreign key and a token of the other purpose', () => {
    const clock = { t: 1_000_000 };
    const links = signerAt(clock);
    const token = links.sign('link', '42', 'spotify');
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), d: '43' })).toString('base64url');
    expect(links.verify('link', `${forged}.${mac}`)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(signerAt(clock).verify('link', token)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(links.verify('state', token)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('call garbage malformed instead of throwing', () => {
    const links = signerAt({ t: 0 });
    for (const junk of ['', '.', 'a.b.c', 'x'.repeat(5000), '💥.💥']) expect(links.verify('link', junk).ok).toBe(false);
  });
});
