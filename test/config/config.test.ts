import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDiscordConfig } from '../../src/config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const minimal = { DISCORD_TOKEN: 'bot-token', DISCORD_CLIENT_ID: '123456789012345678', TOKEN_ENCRYPTION_KEY: KEY };

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('accepts a minimal environment and fills the documented defaults', () => {
    const config = loadConfig(minimal);
    expect(config.roles).toEqual(['bot', 'web', 'worker']);
    expect(config.web).toEqual({ port: 3000, publicBaseUrl: 'http://127.0.0.1:3000' });
    expect(config.discord.apiBase).toBe('https://discord.com/api');
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.worker.cron).toBe('*/15 * * * * *');
    expect(config.spotify).toBeUndefined();
    expect(config.apple).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once, each by variable name', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BLEND_CRON: 'every day', ROLES: 'bot,dj', TOKEN_ENCRYPTION_KEY: 'short' });
    const named = problems.map((p) => p.split(':')[0]);
    expect(named).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'BLEND_CRON', 'ROLES', 'TOKEN_ENCRYPTION_KEY']));
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('names the missing Discord credentials and points to the README', () => {
    const problems = problemsOf({ TOKEN_ENCRYPTION_KEY: KEY });
    expect(problems.join('\n')).toMatch(/DISCORD_TOKEN: is required .*README/);
    expect(problems.join('\n')).toMatch(/DISCORD_CLIENT_ID: is required/);
  });

  it('does not need DISCORD_CLIENT_ID when the bot role is off', () => {
    expect(loadConfig({ ...minimal, DISCORD_CLIENT_ID: '', ROLES: 'web,worker' }).roles).toEqual(['web', 'worker']);
  });

  it('turns Spotify on only with both credentials, and says which one is missing', () => {
    expect(loadConfig({ ...minimal, SPOTIFY_CLIENT_ID: 'id', SPOTIFY_CLIENT_SECRET: 'secret' }).spotify).toMatchObject({ clientId: 'id', apiBase: 'https://api.spotify.com/v1' });
    expect(problemsOf({ ...minimal, SPOTIFY_CLIENT_ID: 'id' })).toEqual([expect.stringMatching(/^SPOTIFY_CLIENT_SECRET:/)]);
  });

  it('needs all three Apple settings and a PEM key', () => {
    expect(problemsOf({ ...minimal, APPLE_TEAM_ID: 'ABCDE12345' }).map((p) => p.split(':')[0]))
      .toEqual(['APPLE_KEY_ID', 'APPLE_PRIVATE_KEY or APPLE_PRIVATE_KEY_FILE']);
    expect(problemsOf({ ...minimal, APPLE_TEAM_ID: 'ABCDE12345', APPLE_KEY_ID: 'KEY1234567', APPLE_PRIVATE_KEY: 'not a pem' }))
      .toEqual([expect.stringMatching(/^APPLE_PRIVATE_KEY: must be the MusicKit \.p8 key/)]);
    expect(problemsOf({ ...minimal, APPLE_TEAM_ID: 'ABCDE12345', APPLE_KEY_ID: 'KEY1234567', APPLE_PRIVATE_KEY_FILE: '/nonexistent/key.p8' }))
      .toEqual([expect.stringMatching(/^APPLE_PRIVATE_KEY_FILE: cannot read/)]);
  });

  it('reads old encryption keys for rotation and rejects malformed ones', () => {
    const old = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ ...minimal, TOKEN_ENCRYPTION_KEYS_OLD: `${old}, ` }).vault.oldKeys).toHaveLength(1);
    expect(problemsOf({ ...minimal, TOKEN_ENCRYPTION_KEYS_OLD: `${old},nope` })).toEqual(['TOKEN_ENCRYPTION_KEYS_OLD: entry 2 must be 32 bytes, base64']);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and strips trailing slashes from base URLs', () => {
    const config = loadConfig({ ...minimal, DATABASE_URL: 'postgres://u@h/db', PUBLIC_BASE_URL: 'https://blend.example.com/' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', poolSize: 10 });
    expect(config.web.publicBaseUrl).toBe('https://blend.example.com');
  });

  it('loads only the Discord part for deploy-commands', () => {
    expect(loadDiscordConfig({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '123456789', DISCORD_GUILD_ID: '987654321' }))
      .toEqual({ token: 't', clientId: '123456789', guildId: '987654321', apiBase: 'https://discord.com/api' });
    expect(() => loadDiscordConfig({})).toThrow(/DISCORD_TOKEN[\s\S]*DISCORD_CLIENT_ID/);
  });
});

describe('loadConfig with nothing set', () => {
  it('names every missing required variable in one message', () => {
    try {
      loadConfig({});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of ['TOKEN_ENCRYPTION_KEY', 'DISCORD_TOKEN', 'DISCORD_CLIENT_ID']) expect(message).toContain(`${name}:`);
    }
  });
});
