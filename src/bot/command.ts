import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './bot-context.js';
import type { ButtonInteractionLike, CommandInteractionLike } from './interaction.js';

/** A slash command: its registration data and what it does. Listed in commands/index.ts. */
export interface SlashCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: CommandInteractionLike, ctx: BotContext): Promise<void>;
}

/** A button, found by the prefix of its custom id (src/bot/ids.ts); `argument` is the rest. */
export interface ButtonHandler {
  readonly prefix: string;
  execute(interaction: ButtonInteractionLike, ctx: BotContext, argument: string | undefined): Promise<void>;
}
