import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createProviders, ProviderError, userHint } from '../../src/providers/index.js';
import { classifySpotify } from '../../src/providers/spotify/errors.js';
import { classifyApple } from '../../src/providers/apple/errors.js';

const log = pino({ level: 'silent' });
const spotify = { clientId: 'id', clientSecret: 'secret', apiBase: 'https://api.spotify.com/v1', accountsBase: 'https://accounts.spotify.com' };
const apple = { teamId: 'TEAM000001', keyId: 'KEY0000001', privateKeyPem: 'unused until the first call', apiBase: 'https://api.music.apple.com/v1' };

describe('createProviders', () => {
  it('builds only the configured providers', () => {
    expect([...createProviders({}, { log }).providers.keys()]).toEqual([]);
    const onlySpotify = createProviders({ spotify }, { log });
    expect([...onlySpotify.providers.keys()]).toEqual(['spotify']);
    expect(onlySpotify.spotifyAuth).toBeDefined();
    expect(onlySpotify.appleAuth).toBeUndefined();
    const both = createProviders({ spotify, apple }, { log });
    expect([...both.providers.keys()]).toEqual(['spotify', 'apple']);
    expect(both.providers.get('apple')?.playlistWrites).toBe('append-only');
    expect(both.providers.get('spotify')?.playlistWrites).toBe('replace');
  });
});

const failure = (status: number, body: unknown, url = 'https://api.spotify.com/v1/me', headers: Record<string, string> = {}) =>
  ({ status, body: typeof body === 'string' ? body : JSON.stringify(body), request: { method: 'GET' as const, url, headers } });

describe('error classification', () => {
  it.each([
    ['User not registered in the Developer Dashboard', 'not_allowlisted'],
    ['Forbidden', 'not_allowlisted'],
    ['', 'not_allowlisted'],
    ['Active premium subscription required for the owner of the app.', 'forbidden'],
    ['Insufficient client scope', 'forbidden'],
    ['You cannot add tracks to a playlist you don\'t own.', 'forbidden'],
  ])('Spotify 403 "%s" → %s', (message, kind) => {
    expect(classifySpotify(failure(403, { error: { status: 403, message } })).kind).toBe(kind);
  });

  it('Spotify accounts: invalid_grant → relink_required, invalid_client → unauthorized', () => {
    const token = 'https://accounts.spotify.com/api/token';
    expect(classifySpotify(failure(400, { error: 'invalid_grant', error_description: 'Refresh token revoked' }, token)).kind).toBe('relink_required');
    expect(classifySpotify(failure(400, { error: 'invalid_client' }, token)).kind).toBe('unauthorized');
    expect(classifySpotify(failure(400, { error: 'invalid_request' }, token)).kind).toBe('bad_response');
  });

  it('Apple: 403 with a MUT → relink_required, 400/40015 → no_subscription, 401 → unauthorized', () => {
    const mut = { 'music-user-token': 'm' };
    const url = 'https://api.music.apple.com/v1/me/library/songs';
    const errors = (status: string, code: string) => ({ errors: [{ id: 'X', title: 't', status, code }] });
    expect(classifyApple(failure(403, errors('403', '40300'), url, mut)).kind).toBe('relink_required');
    expect(classifyApple(failure(400, errors('400', '40015'), url, mut)).kind).toBe('no_subscription');
    expect(classifyApple(failure(400, errors('400', '40005'), url, mut)).kind).toBe('bad_response');
    expect(classifyApple(failure(401, '', url)).kind).toBe('unauthorized');
    expect(classifyApple(failure(404, errors('404', '40400'), url)).kind).toBe('not_found');
  });
});

describe('userHint', () => {
  it('tells a non-allowlisted member exactly what the bot owner must do', () => {
    const hint = userHint(new ProviderError('spotify', 'not_allowlisted', 'internal detail'));
    expect(hint).toMatch(/development mode/);
    expect(hint).toMatch(/User Management/);
    expect(hint).not.toContain('internal detail');
  });

  it('asks for a relink when the link died', () => {
    expect(userHint(new ProviderError('apple', 'relink_required', 'x'))).toMatch(/Link Apple Music again/);
  });
});
