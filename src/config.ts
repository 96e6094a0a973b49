import { readFileSync } from 'node:fs';
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import type { DatabaseConfig } from '../db/client.js';

/** The only module that reads the environment. Everything else receives a `Config`. */

export const ROLE_NAMES = ['bot', 'web', 'worker'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const isBase64Key32 = (value: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

function parseRoles(value: string, ctx: z.RefinementCtx): RoleName[] {
  const roles = [...new Set(value.split(',').map((r) => r.trim()).filter(Boolean))];
  const unknown = roles.filter((r) => !(ROLE_NAMES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    ctx.addIssue({ code: 'custom', message: `must be a comma list of ${ROLE_NAMES.join(', ')} (got "${value}")` });
    return [];
  }
  return roles as RoleName[];
}

const Env = z.object({
  ROLES: z.string().default('bot,web,worker').transform(parseRoles),
  DISCORD_TOKEN: opt(z.string().min(1)),
  DISCORD_CLIENT_ID: opt(z.string().regex(/^\d{5,25}$/, 'must be the numeric application id')),
  DISCORD_GUILD_ID: opt(z.string().regex(/^\d{5,25}$/, 'must be a numeric guild id')),
  DISCORD_API_BASE: z.preprocess(emptyAsUndefined, httpUrl.default('https://discord.com/api')),
  DATABASE_URL: opt(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')),
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(10)),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65_535).default(3000)),
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.default('http://127.0.0.1:3000')),
  TOKEN_ENCRYPTION_KEY: z.string({ error: 'is required: 32 random bytes, base64 (openssl rand -base64 32)' })
    .refine(isBase64Key32, 'must be 32 bytes, base64 (openssl rand -base64 32)'),
  TOKEN_ENCRYPTION_KEYS_OLD: z.preprocess(emptyAsUndefined, z.string().optional()),
  SPOTIFY_CLIENT_ID: opt(z.string().min(1)),
  SPOTIFY_CLIENT_SECRET: opt(z.string().min(1)),
  SPOTIFY_API_BASE: z.preprocess(emptyAsUndefined, httpUrl.default('https://api.spotify.com/v1')),
  SPOTIFY_ACCOUNTS_BASE: z.preprocess(emptyAsUndefined, httpUrl.default('https://accounts.spotify.com')),
  APPLE_TEAM_ID: opt(z.string().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character Team ID')),
  APPLE_KEY_ID: opt(z.string().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character Key ID')),
  APPLE_PRIVATE_KEY: opt(z.string().min(1)),
  APPLE_PRIVATE_KEY_FILE: opt(z.string().min(1)),
  APPLE_MUSIC_API_BASE: z.preprocess(emptyAsUndefined, httpUrl.default('https://api.music.apple.com/v1')),
  BLEND_CRON: z.preprocess(emptyAsUndefined, z.string().default('*/15 * * * * *')
    .refine((e) => cron.validate(e), 'is not a valid cron expression')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});
type Env = z.infer<typeof Env>;

export interface SpotifyConfig { readonly clientId: string; readonly clientSecret: string; readonly apiBase: string; readonly accountsBase: string }
export interface AppleConfig { readonly teamId: string; readonly keyId: string; readonly privateKeyPem: string; readonly apiBase: string }

export interface Config {
  readonly roles: readonly RoleName[];
  readonly discord: { readonly token: string; readonly clientId?: string; readonly guildId?: string; readonly apiBase: string };
  readonly database: DatabaseConfig;
  readonly web: { readonly port: number; readonly publicBaseUrl: string };
  readonly vault: { readonly key: Buffer; readonly oldKeys: readonly Buffer[] };
  readonly spotify?: SpotifyConfig;
  readonly apple?: AppleConfig;
  readonly worker: { readonly cron: string };
  readonly log: { readonly level: string; readonly pretty: boolean };
}

/** Parses the environment. Throws one `ConfigError` that lists every problem by variable. */
export function loadConfig(env: NodeJS.ProcessEnv, options: { isTty?: boolean } = {}): Config {
  const parsed = Env.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? '(environment)')}: ${i.message}`);
  const e = parsed.success ? parsed.data : undefined;
  problems.push(...crossChecks(presentVariables(env)));
  const oldKeys = parseOldKeys(env.TOKEN_ENCRYPTION_KEYS_OLD, problems);
  const applePem = e ? readApplePem(e, problems) : undefined;
  if (!e || problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    roles: e.ROLES,
    discord: { token: e.DISCORD_TOKEN ?? '', clientId: e.DISCORD_CLIENT_ID, guildId: e.DISCORD_GUILD_ID, apiBase: e.DISCORD_API_BASE },
    database: databaseConfig(e),
    web: { port: e.PORT, publicBaseUrl: e.PUBLIC_BASE_URL },
    vault: { key: Buffer.from(e.TOKEN_ENCRYPTION_KEY, 'base64'), oldKeys },
    spotify: e.SPOTIFY_CLIENT_ID && e.SPOTIFY_CLIENT_SECRET
      ? { clientId: e.SPOTIFY_CLIENT_ID, clientSecret: e.SPOTIFY_CLIENT_SECRET, apiBase: e.SPOTIFY_API_BASE, accountsBase: e.SPOTIFY_ACCOUNTS_BASE }
      : undefined,
    apple: e.APPLE_TEAM_ID && e.APPLE_KEY_ID && applePem
      ? { teamId: e.APPLE_TEAM_ID, keyId: e.APPLE_KEY_ID, privateKeyPem: applePem, apiBase: e.APPLE_MUSIC_API_BASE }
      : undefined,
    worker: { cron: e.BLEND_CRON },
    log: { level: e.LOG_LEVEL, pretty: options.isTty ?? false },
  });
}

/** Only what the database needs: `npm run db:migrate` works without Discord credentials. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const parsed = Env.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true, DATA_DIR: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  return databaseConfig(parsed.data);
}

/** Only the Discord part, for deploy-commands.ts. */
export function loadDiscordConfig(env: NodeJS.ProcessEnv): { token: string; clientId: string; guildId?: string; apiBase: string } {
  const parsed = Env.pick({ DISCORD_TOKEN: true, DISCORD_CLIENT_ID: true, DISCORD_GUILD_ID: true, DISCORD_API_BASE: true }).safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  if (parsed.success && !parsed.data.DISCORD_TOKEN) problems.push(DISCORD_TOKEN_MISSING);
  if (parsed.success && !parsed.data.DISCORD_CLIENT_ID) problems.push(DISCORD_CLIENT_ID_MISSING);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const d = parsed.data;
  return { token: d.DISCORD_TOKEN ?? '', clientId: d.DISCORD_CLIENT_ID ?? '', guildId: d.DISCORD_GUILD_ID, apiBase: d.DISCORD_API_BASE };
}

const DISCORD_TOKEN_MISSING = 'DISCORD_TOKEN: is required (the bot token; see README "Create the Discord application")';
const DISCORD_CLIENT_ID_MISSING = 'DISCORD_CLIENT_ID: is required for the bot role (the application id; see README "Create the Discord application")';

function databaseConfig(e: Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR'>): DatabaseConfig {
  return e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) };
}

/** Which variables are set to something other than blanks (the cross checks work on any input). */
function presentVariables(env: NodeJS.ProcessEnv): Partial<Record<keyof Env, string>> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Partial<Record<keyof Env, string>>;
}

/** Every role talks to Discord (the web and the worker send DMs and embeds over REST). */
function crossChecks(e: Partial<Record<keyof Env, string>>): string[] {
  const problems: string[] = [];
  const roles = (e.ROLES ?? 'bot,web,worker').split(',').map((r) => r.trim());
  if (!e.DISCORD_TOKEN) problems.push(DISCORD_TOKEN_MISSING);
  if (roles.includes('bot') && !e.DISCORD_CLIENT_ID) problems.push(DISCORD_CLIENT_ID_MISSING);
  if (Boolean(e.SPOTIFY_CLIENT_ID) !== Boolean(e.SPOTIFY_CLIENT_SECRET)) {
    problems.push(`${e.SPOTIFY_CLIENT_ID ? 'SPOTIFY_CLIENT_SECRET' : 'SPOTIFY_CLIENT_ID'}: is required when the other Spotify credential is set`);
  }
  const apple = { APPLE_TEAM_ID: e.APPLE_TEAM_ID, APPLE_KEY_ID: e.APPLE_KEY_ID, 'APPLE_PRIVATE_KEY or APPLE_PRIVATE_KEY_FILE': e.APPLE_PRIVATE_KEY ?? e.APPLE_PRIVATE_KEY_FILE };
  const present = Object.values(apple).filter(Boolean).length;
  if (present > 0 && present < 3) {
    for (const [name, value] of Object.entries(apple)) if (!value) problems.push(`${name}: is required when the other Apple Music settings are set`);
  }
  if (e.APPLE_PRIVATE_KEY && e.APPLE_PRIVATE_KEY_FILE) problems.push('APPLE_PRIVATE_KEY_FILE: set either APPLE_PRIVATE_KEY or APPLE_PRIVATE_KEY_FILE, not both');
  return problems;
}

function parseOldKeys(value: string | undefined, problems: string[]): Buffer[] {
  if (!value?.trim()) return [];
  const keys = value.split(',').map((k) => k.trim()).filter(Boolean);
  keys.forEach((k, i) => { if (!isBase64Key32(k)) problems.push(`TOKEN_ENCRYPTION_KEYS_OLD: entry ${i + 1} must be 32 bytes, base64`); });
  return keys.filter(isBase64Key32).map((k) => Buffer.from(k, 'base64'));
}

function readApplePem(e: Env, problems: string[]): string | undefined {
  let pem = e.APPLE_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (e.APPLE_PRIVATE_KEY_FILE && !e.APPLE_PRIVATE_KEY) {
    try { pem = readFileSync(e.APPLE_PRIVATE_KEY_FILE, 'utf8'); } catch {
      problems.push(`APPLE_PRIVATE_KEY_FILE: cannot read ${e.APPLE_PRIVATE_KEY_FILE}`);
      return undefined;
    }
  }
  if (pem && !pem.includes('-----BEGIN PRIVATE KEY-----')) {
    problems.push(`${e.APPLE_PRIVATE_KEY ? 'APPLE_PRIVATE_KEY' : 'APPLE_PRIVATE_KEY_FILE'}: must be the MusicKit .p8 key (PEM, "-----BEGIN PRIVATE KEY-----")`);
    return undefined;
  }
  return pem;
}

