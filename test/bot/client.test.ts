import { GatewayIntentBits, IntentsBitField, Partials } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotClient } from '../../src/bot/client.js';

let client: ReturnType<typeof createBotClient> | undefined;
afterEach(async () => { await client?.destroy(); });

describe('the bot client', () => {
  it('asks only for guilds, guild message reactions and DMs (no privileged intents)', () => {
    client = createBotClient({ apiBase: 'http://127.0.0.1:1/api' });
    const intents = new IntentsBitField(client.options.intents);
    expect(intents.toArray().sort()).toEqual(['DirectMessages', 'GuildMessageReactions', 'Guilds']);
    expect(intents.has(GatewayIntentBits.MessageContent) || intents.has(GatewayIntentBits.GuildMembers)).toBe(false);
  });

  it('accepts the partials that reactions on uncached messages need', () => {
    client = createBotClient({ apiBase: 'http://127.0.0.1:1/api' });
    expect(client.options.partials).toEqual(expect.arrayContaining([Partials.Message, Partials.Reaction, Partials.User]));
  });

  it('sends REST calls to DISCORD_API_BASE and never pings by default', () => {
    client = createBotClient({ apiBase: 'http://127.0.0.1:1/api' });
    expect(client.options.rest?.api).toBe('http://127.0.0.1:1/api');
    expect(client.options.allowedMentions).toEqual({ parse: [] });
  });
});
