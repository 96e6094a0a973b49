/**
 * The simulated listeners and their histories (recording keys from catalog.ts). Designed for
 * blends: ana and cleo share pop, ben and dev share rock (including remasters whose ISRCs differ
 * across services), and each platform has a user who cannot take part.
 */
import { SIM_RECORDINGS, type SimTimeRange } from './catalog.js';

export interface SimSpotifyProfile {
  readonly id: string;
  /** The stable, pseudonymous id Spotify added in May 2026; absent for older fixtures. */
  readonly accountId?: string;
  /** Development mode: only allowlisted users get past the Web API (others: 403). */
  readonly allowlisted: boolean;
  readonly top: Readonly<Record<SimTimeRange, readonly string[]>>;
}

/** A library song: a catalog recording (optionally without the `catalog` relationship), or an upload. */
export type SimLibraryEntry =
  | { readonly key: string; readonly favourite?: boolean; readonly unlinked?: boolean }
  | { readonly upload: { readonly title: string; readonly artist: string; readonly album: string; readonly durationMs: number } };

export interface SimAppleProfile {
  readonly storefront: string;
  readonly subscribed: boolean;
  /** Most recent first. `lib:` prefix = played from the library (a `library-songs` item). */
  readonly recentlyPlayed: readonly string[];
  readonly heavyRotation: readonly { readonly type: 'albums' | 'playlists'; readonly id: string }[];
  readonly library: readonly SimLibraryEntry[];
  /** Replay top songs of the latest year; empty = not enough listening (404). */
  readonly replay: readonly string[];
}

export interface SimUser {
  readonly key: string;
  readonly displayName: string;
  readonly spotify?: SimSpotifyProfile;
  readonly apple?: SimAppleProfile;
}

const onSpotify = SIM_RECORDINGS.filter((r) => r.spotify).map((r) => r.key);

export const SIM_USERS: readonly SimUser[] = [
  {
    key: 'ana', displayName: 'Ana',
    spotify: {
      id: 'ana.listens', accountId: 'acc_7Qm2ZrA9', allowlisted: true,
      top: {
        short: ['espresso', 'birds-of-a-feather', 'apt', 'good-luck-babe', 'blinding-lights', 'as-it-was', 'levitating', 'kill-bill', 'heat-waves', 'the-less-i-know', 'sweet-disposition-studios', 'titi-me-pregunto'],
        medium: ['blinding-lights', 'levitating', 'anti-hero', 'as-it-was', 'flowers', 'kill-bill', 'snooze', 'espresso', 'cruel-summer', 'good-4-u', 'motion-sickness', 'kyoto', 'white-ferrari', 'redbone', 'despacito', 'calm-down'],
        // Everything Spotify has: more than one 50-item page, for pagination.
        long: ['save-your-tears', 'dont-start-now', ...onSpotify.filter((k) => k !== 'save-your-tears' && k !== 'dont-start-now')],
      },
    },
  },
  {
    key: 'ben', displayName: 'Ben',
    spotify: {
      id: 'benjamin_r', accountId: 'acc_K31xPw0d', allowlisted: true,
      top: {
        short: ['not-like-us', 'humble', 'sicko-mode', 'mr-brightside', 'do-i-wanna-know', 'bohemian-rhapsody', 'rich-flex', 'youth-studios'],
        medium: ['mr-brightside', 'do-i-wanna-know', '505', 'seven-nation-army', 'smells-like-teen-spirit', 'gods-plan', 'sicko-mode', 'dreams', 'here-comes-the-sun', 'strobe'],
        long: ['bohemian-rhapsody', 'dreams', 'here-comes-the-sun', 'take-on-me', 'everybody-wants-to-rule', 'one-more-time', 'get-lucky', 'latch', 'electric-feel'],
      },
    },
  },
  {
    key: 'cleo', displayName: 'Cleo',
    apple: {
      storefront: 'us', subscribed: true,
      recentlyPlayed: ['espresso', 'lib:apt', 'birds-of-a-feather', 'blinding-lights', 'free-mind-home-session', 'titi-me-pregunto', 'lib:levitating', 'dakiti', 'as-it-was', 'calm-down', 'espresso'],
      heavyRotation: [{ type: 'albums', id: 'sabrina-carpenter-short-n-sweet' }, { type: 'playlists', id: 'pl.sim0000todayshits' }, { type: 'playlists', id: 'pl.sim0000latinhits' }],
      library: [
        { key: 'levitating', favourite: true }, { key: 'apt' }, { key: 'despacito', unlinked: true }, { key: 'anti-hero' },
        { upload: { title: 'Untitled (Live at Glastonbury)', artist: 'Cleo\'s Bootlegs', album: 'Voice Memos', durationMs: 214_000 } },
        { key: 'blinding-lights', favourite: true }, { key: 'redbone' }, { key: 'free-mind-home-session' },
      ],
      replay: ['blinding-lights', 'levitating', 'as-it-was', 'despacito', 'anti-hero', 'flowers', 'kill-bill', 'calm-down'],
    },
  },
  {
    key: 'dev', displayName: 'Dev',
    apple: {
      storefront: 'gb', subscribed: true,
      recentlyPlayed: ['do-i-wanna-know', 'mr-brightside', 'lib:505', 'bohemian-rhapsody', 'glimpse-home-session', 'strobe', 'here-comes-the-sun'],
      heavyRotation: [{ type: 'playlists', id: 'pl.sim0000rockclassics' }, { type: 'albums', id: 'arctic-monkeys-am' }],
      library: [{ key: 'dreams', favourite: true }, { key: '505' }, { key: 'seven-nation-army' }, { key: 'strobe' }, { key: 'one-more-time', unlinked: true }],
      replay: [],
    },
  },
  {
    key: 'eli', displayName: 'Eli',
    spotify: { id: 'eli-not-on-the-list', accountId: 'acc_Ee90bNq2', allowlisted: false, top: { short: ['flowers'], medium: ['flowers'], long: ['flowers'] } },
  },
  {
    key: 'fay', displayName: 'Fay',
    apple: { storefront: 'us', subscribed: false, recentlyPlayed: [], heavyRotation: [], library: [], replay: [] },
  },
  {
    key: 'gus', displayName: 'Gus',
    spotify: {
      id: 'gus', allowlisted: true,
      top: { short: ['heat-waves', 'riptide', 'sweater-weather'], medium: ['electric-feel', 'heat-waves', 'riptide'], long: ['take-on-me', 'electric-feel'] },
    },
    apple: {
      storefront: 'us', subscribed: true, recentlyPlayed: ['heat-waves', 'riptide'], heavyRotation: [],
      library: [{ key: 'sweater-weather', favourite: true }, { key: 'electric-feel' }], replay: ['heat-waves', 'electric-feel'],
    },
  },
];

export function simUser(users: readonly SimUser[], key: string): SimUser {
  const user = users.find((u) => u.key === key);
  if (!user) throw new Error(`no sim user "${key}"`);
  return user;
}
