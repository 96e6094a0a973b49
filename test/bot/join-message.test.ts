import { describe, expect, it } from 'vitest';
import type { BlendView } from '../../src/data/blends.js';
import { refreshJoinMessage, renderJoinMessage } from '../../src/blends/join-message.js';
import { person, runBlend, startedBlend } from './support/blends.js';
import { testBot } from './support/bot-context.js';
import { acceptPending } from './support/members.js';

const view = (overrides: Partial<BlendView> = {}): BlendView => ({
  id: 'b1', name: 'Friday **night**', shareCode: 'ABCDE23456', status: 'pending', createdBy: 'u1', guildId: 'g1', channelId: 'c1',
  messageId: 'm1', closesAt: null, creatorDiscordId: '111', size: 50, lastError: null,
  members: [{ discordId: '111', displayName: 'Ada', status: 'accepted' }, { discordId: '222', displayName: 'Bo', status: 'pending' }],
  ...overrides,
});

describe('renderJoinMessage', () => {
  it('shows the name, creator, how to join, the share code and the member list', () => {
    const message = renderJoinMessage(view());
    const embed = message.embeds![0]!;
    expect(message.content).toBe('A new Blend is open: react with 🎧 to join!');
    expect(embed.title).toBe('🎧 Friday **night**');
    expect(embed.description).toContain('Started by <@111>');
    expect(embed.description).toContain('/blend join code:ABCDE23456');
    expect(embed.fields).toContainEqual(expect.objectContaining({ name: 'Share code', value: '`ABCDE23456`' }));
    expect(embed.fields).toContainEqual({ name: 'Members (2, 1 linked; ⏳ = still has to link)', value: '✅ <@111>\n⏳ <@222>' });
  });

  it('never pings anyone', () => {
    expect(renderJoinMessage(view()).allowed_mentions).toEqual({ parse: [] });
  });

  it('shows when joining closes as a Discord timestamp', () => {
    const embed = renderJoinMessage(view({ closesAt: new Date('2026-05-01T12:00:00Z') })).embeds![0]!;
    expect(embed.fields).toContainEqual(expect.objectContaining({ name: 'Joining closes', value: '<t:1777636800:R>' }));
  });

  it('drops the joining instructions once the blend is being built', () => {
    const message = renderJoinMessage(view({ status: 'processing' }));
    expect(message.content).toBe('Joining has closed: the playlist is being built.');
    expect(message.embeds![0]!.description).not.toContain('How to join');
  });

  it('keeps a long member list inside Discord\'s 1024-character field limit', () => {
    const members = Array.from({ length: 200 }, (_, i) => ({ discordId: `${10n ** 18n + BigInt(i)}`, displayName: null, status: 'pending' as const }));
    const field = renderJoinMessage(view({ members })).embeds![0]!.fields!.find((f) => f.name.startsWith('Members'))!;
    expect(field.value.length).toBeLessThanOrEqual(1024);
    expect(field.value).toMatch(/…and \d+ more$/);
  });
});

describe('refreshJoinMessage', () => {
  it('edits the join message with the members as they are now (what the web role calls after a link)', async () => {
    const bot = await testBot();
    const blend = await startedBlend(bot, person('Ada'), 'Linked later');
    const bo = person('Bo');
    await runBlend(bot, bo, 'join', { code: blend.shareCode });
    await acceptPending(bot.ctx.db, bo.id);

    await refreshJoinMessage(bot.ctx, blend.id);

    const edit = bot.outbox.calls.at(-1);
    expect(edit).toMatchObject({ kind: 'edit', channelId: blend.channelId, messageId: blend.messageId });
    expect(JSON.stringify(edit)).toContain(`✅ <@${bo.id}>`);
  });

  it('does nothing for a blend without a join message', async () => {
    const bot = await testBot();
    await refreshJoinMessage(bot.ctx, '00000000-0000-4000-8000-000000000000');
    expect(bot.outbox.calls).toEqual([]);
  });
});
