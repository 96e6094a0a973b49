/**
 * A stateful Apple Music API for tests and the demo: developer tokens are verified (ES256 with
 * the sim's public key, `kid`, `iss`, expiry, `origin`), each user has a Music User Token, and
 * catalog + personal endpoints answer in the real shapes. `sim.handlers` are msw handlers.
 */
import { generateKeyPairSync } from 'node:crypto';
import { HttpResponse, type RequestHandler } from 'msw';
import { catalogHandlers } from './apple-catalog-endpoints.js';
import { meHandlers } from './apple-me-endpoints.js';
import { appleErrors, recordingByAppleId } from './apple-shapes.js';
import { newMut, type AppleSimState } from './apple-state.js';
import { createRouter, FaultBox, MALFORMED_BODY, networkError, RequestLog, type FaultTarget, type SimFault } from './sim-kit.js';
import { SIM_USERS, type SimUser } from './users.js';

export interface AppleSimOptions {
  readonly apiBase?: string;
  readonly teamId?: string;
  readonly keyId?: string;
  readonly now?: () => Date;
  readonly users?: readonly SimUser[];
}

export interface SimApplePlaylistView {
  readonly id: string;
  readonly owner: string;
  readonly name: string;
  readonly description: string;
  readonly tracks: readonly { readonly id: string; readonly type: string }[];
  readonly trackIds: readonly string[];
  /** Catalog keys of `songs` tracks (library songs show as `library:<id>`). */
  readonly recordingKeys: readonly string[];
}

export interface AppleSim {
  readonly handlers: RequestHandler[];
  /** Ready for `createProviders({ apple: sim.config })`: the sim verifies tokens signed with this key. */
  readonly config: { readonly teamId: string; readonly keyId: string; readonly privateKeyPem: string; readonly apiBase: string };
  readonly requests: RequestLog;
  /** The user's current Music User Token (what MusicKit JS `authorize()` would return). */
  userToken(userKey: string): string;
  /** Invalidates the user's MUT (their next call is a 403) and issues a new one for `userToken`. */
  revokeUserToken(userKey: string): void;
  setSubscribed(userKey: string, subscribed: boolean): void;
  inject(fault: SimFault, target?: FaultTarget): void;
  clearFaults(): void;
  playlists(): SimApplePlaylistView[];
}

export function createAppleSim(options: AppleSimOptions = {}): AppleSim {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const settings = {
    apiBase: options.apiBase ?? 'https://api.music.apple.com/v1', teamId: options.teamId ?? 'SIMTEAM001', keyId: options.keyId ?? 'SIMKEY0001',
    publicKey, now: options.now ?? (() => new Date()),
  };
  const users = options.users ?? SIM_USERS;
  const appleUsers = users.filter((u) => u.apple);
  const tokens = new Map(appleUsers.map((u) => [u.key, newMut()]));
  const state: AppleSimState = {
    settings, users, playlists: new Map(),
    muts: new Map([...tokens].map(([key, mut]) => [mut, key])),
    subscribed: new Map(appleUsers.map((u) => [u.key, u.apple?.subscribed ?? false])),
  };
  const requests = new RequestLog();
  const faults = new FaultBox();
  const route = createRouter(settings.apiBase, requests, faults, appleFault);

  return {
    handlers: [...catalogHandlers(state, route), ...meHandlers(state, route)],
    config: { teamId: settings.teamId, keyId: settings.keyId, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), apiBase: settings.apiBase },
    requests,
    userToken(userKey) {
      const mut = tokens.get(userKey);
      if (!mut) throw new Error(`no Apple Music sim user "${userKey}"`);
      return mut;
    },
    revokeUserToken(userKey) {
      const old = tokens.get(userKey);
      if (old) state.muts.delete(old);
      const mut = newMut();
      tokens.set(userKey, mut);
      state.muts.set(mut, userKey);
    },
    setSubscribed: (userKey, subscribed) => { state.subscribed.set(userKey, subscribed); },
    inject: (fault, target) => faults.inject(fault, target),
    clearFaults: () => faults.clear(),
    playlists: () => [...state.playlists.values()].map((p) => ({
      id: p.id, owner: p.ownerKey, name: p.name, description: p.description, tracks: p.tracks.map((t) => ({ ...t })), trackIds: p.tracks.map((t) => t.id),
      recordingKeys: p.tracks.map((t) => (t.type === 'songs' ? recordingByAppleId.get(t.id)?.key ?? `unknown:${t.id}` : `library:${t.id}`)),
    })),
  };
}

function appleFault(fault: SimFault): Response {
  const error = (status: number, code: string, title: string, headers: Record<string, string> = {}) => HttpResponse.json(appleErrors(status, code, title), { status, headers });
  switch (fault.kind) {
    case 'rate_limit':
      return error(429, '42900', 'Too Many Requests', fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) });
    case 'quota_exceeded':
      return error(429, '42900', 'Too Many Requests');
    case 'server_error':
      return error(fault.status ?? 500, `${fault.status ?? 500}00`, 'Internal Server Error');
    case 'malformed_json':
      return new HttpResponse(MALFORMED_BODY, { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' } });
    case 'wrong_shape':
      return HttpResponse.json({ data: 'not a list' });
    case 'network_error':
      return networkError();
    case 'unauthorized':
      return new HttpResponse(null, { status: 401 });
  }
}
