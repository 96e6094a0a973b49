import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Secrets never reach the logs: tokens, client secrets, keys, and the auth headers of both
 * providers, wherever they sit up to two levels deep in a logged object.
 */
export const REDACT_PATHS = [
  'accessToken', 'refreshToken', 'clientSecret', 'musicUserToken', 'code', 'codeVerifier', 'token', 'key', 'privateKeyPem',
  '*.accessToken', '*.refreshToken', '*.clientSecret', '*.musicUserToken', '*.codeVerifier', '*.token', '*.key', '*.privateKeyPem',
  '*.*.accessToken', '*.*.refreshToken', '*.*.clientSecret', '*.*.token', '*.*.key', '*.*.privateKeyPem',
  'headers.authorization', 'headers["music-user-token"]', 'headers.Authorization', 'headers["Music-User-Token"]',
  '*.headers.authorization', '*.headers["music-user-token"]', '*.headers.Authorization', '*.headers["Music-User-Token"]',
  'config.vault', 'config.discord.token', 'config.spotify.clientSecret', 'config.apple.privateKeyPem',
];

export interface LogConfig { readonly level: string; readonly pretty: boolean }

export function createLogger(cfg: LogConfig, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: cfg.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
  };
  if (destination) return pino(options, destination);
  return cfg.pretty ? pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } }) : pino(options);
}
