import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';

const run = promisify(execFile);
let discord: FakeDiscord;
beforeAll(async () => { discord = await startFakeDiscord({ validToken: 'deploy-token' }); });
afterAll(async () => { await discord.close(); });

const deploy = (extra: Record<string, string>) => run(process.execPath, ['--import', 'tsx', 'deploy-commands.ts'], {
  env: { PATH: process.env.PATH, DISCORD_TOKEN: 'deploy-token', DISCORD_CLIENT_ID: discord.applicationId, DISCORD_API_BASE: discord.apiBase, ...extra },
});

describe('deploy-commands.ts', () => {
  it('registers /blend, /link and /unlink to DISCORD_GUILD_ID when it is set, and says so', async () => {
    const { stdout } = await deploy({ DISCORD_GUILD_ID: discord.guild.id });

    expect(stdout.trim()).toBe(`Registered 3 slash commands to guild ${discord.guild.id}: /blend, /link, /unlink`);
    expect(discord.commands.filter((c) => c.guildId === discord.guild.id).map((c) => c.name)).toEqual(['blend', 'link', 'unlink']);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const { stdout } = await deploy({});

    expect(stdout).toMatch(/^Registered 3 slash commands globally .*: \/blend, \/link, \/unlink/);
    expect(discord.commands.filter((c) => c.guildId === null).map((c) => c.name)).toEqual(['blend', 'link', 'unlink']);
  });

  it('names every missing variable and exits non-zero', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'deploy-commands.ts'], { env: { PATH: process.env.PATH } }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/DISCORD_TOKEN: is required[\s\S]*DISCORD_CLIENT_ID: is required/) });
  });
});
