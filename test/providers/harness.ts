import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';
import { createProviders, type Providers } from '../../src/providers/index.js';
import type { Transport } from '../../src/providers/transport.js';
import { mswTransport } from './msw-transport.js';
import { createAppleSim, type AppleSim, type AppleSimOptions } from './sim/apple-sim.js';
import { createSpotifySim, type SpotifySim, type SpotifySimOptions } from './sim/spotify-sim.js';

export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

export function createClock(start = '2026-09-01T12:00:00Z'): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => { t += ms; } };
}

/** A pino logger whose lines land in `lines` (JSON strings), to check what gets logged. */
export function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { log: pino({ level: 'warn' }, sink), lines };
}

export interface Harness extends Required<Pick<Providers, 'spotify' | 'apple' | 'spotifyAuth' | 'appleAuth'>> {
  readonly providers: Providers['providers'];
  readonly spotifySim: SpotifySim;
  readonly appleSim: AppleSim;
  readonly clock: Clock;
  /** Every `sleep(ms)` the HTTP layer asked for: no real timers run. */
  readonly sleeps: number[];
  readonly logLines: string[];
  /** The msw transport the providers use, for driving the sims directly (e.g. the authorize redirect). */
  readonly transport: Transport;
}

/** Both providers wired to both simulators through msw handlers, with a fake clock and sleep. */
export function harness(options: { spotify?: SpotifySimOptions; apple?: AppleSimOptions; maxAttempts?: number } = {}): Harness {
  const clock = createClock();
  const spotifySim = createSpotifySim({ now: clock.now, ...options.spotify });
  const appleSim = createAppleSim({ now: clock.now, ...options.apple });
  const sleeps: number[] = [];
  const { log, lines } = captureLog();
  const transport = mswTransport([...spotifySim.handlers, ...appleSim.handlers]);
  const built = createProviders({ spotify: spotifySim.config, apple: appleSim.config }, {
    log, transport,
    sleep: async (ms) => { sleeps.push(ms); }, now: clock.now, random: () => 0, maxAttempts: options.maxAttempts,
  });
  return {
    providers: built.providers, spotify: built.spotify!, apple: built.apple!, spotifyAuth: built.spotifyAuth!, appleAuth: built.appleAuth!,
    spotifySim, appleSim, clock, sleeps, logLines: lines, transport,
  };
}

/** Opens the authorize URL as a browser would and returns the callback's query (code/error + state). */
export async function authorize(transport: Transport, url: string): Promise<URLSearchParams> {
  const response = await transport({ method: 'GET', url, headers: {} });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  return new URL(location).searchParams;
}
