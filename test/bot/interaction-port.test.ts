import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { buttons } from '../../src/bot/buttons/index.js';
import type { ButtonInteractionLike, CommandInteractionLike } from '../../src/bot/interaction.js';

describe('the interaction ports', () => {
  it('are satisfied by discord.js\'s real interactions (checked by the type checker)', () => {
    expectTypeOf<ChatInputCommandInteraction>().toExtend<CommandInteractionLike>();
    expectTypeOf<ChatInputCommandInteraction<'cached'>>().toExtend<CommandInteractionLike>();
    expectTypeOf<ButtonInteraction>().toExtend<ButtonInteractionLike>();
  });
});

describe('the command list', () => {
  it('registers /blend with its five subcommands, /link and /unlink', () => {
    const json = commands.map((c) => c.data.toJSON());
    expect(json.map((c) => c.name)).toEqual(['blend', 'link', 'unlink']);
    expect(json[0]?.options?.map((o) => o.name)).toEqual(['start', 'join', 'leave', 'status', 'finish']);
  });

  it('limits names to 1–100 characters and sizes to 10–100 in the registration too', () => {
    const start = commands[0].data.toJSON().options?.find((o) => o.name === 'start') as { options: { name: string; min_length?: number; max_length?: number; min_value?: number; max_value?: number }[] };
    expect(start.options.find((o) => o.name === 'name')).toMatchObject({ min_length: 1, max_length: 100 });
    expect(start.options.find((o) => o.name === 'size')).toMatchObject({ min_value: 10, max_value: 100 });
  });

  it('gives every button a distinct custom id prefix', () => {
    const prefixes = buttons.map((b) => b.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
