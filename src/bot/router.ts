import type { Interaction } from 'discord.js';
import type { AckPriority } from './ack-priority.js';
import type { BotContext } from './bot-context.js';
import type { ButtonHandler, SlashCommand } from './command.js';
import { parseCustomId } from './ids.js';
import { privateReply } from './replies.js';
import { runButton, runCommand } from './run-command.js';

const OUT_OF_DATE = 'This command or button is out of date. Try again in a minute, or ask the admin to run deploy-commands.';

/**
 * The one interaction router: finds the command (by name) or button (by custom id prefix) and
 * runs it through runCommand/runButton, which own logging and error replies.
 */
export function createInteractionRouter(ctx: BotContext, registry: { commands: readonly SlashCommand[]; buttons: readonly ButtonHandler[] }, priority?: AckPriority) {
  const commands = new Map(registry.commands.map((c) => [c.data.name, c]));
  const buttons = new Map(registry.buttons.map((b) => [b.prefix, b]));

  return async function route(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand() || interaction.isButton()) priority?.arrived(interaction);
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (command) await runCommand(command, interaction, ctx);
        else await interaction.reply(privateReply(OUT_OF_DATE));
      } else if (interaction.isButton()) {
        const { prefix, argument } = parseCustomId(interaction.customId);
        const handler = buttons.get(prefix);
        if (handler) await runButton(handler, argument, interaction, ctx);
        else await interaction.reply(privateReply(OUT_OF_DATE));
      }
    } catch (err) {
      ctx.log.error({ err, interactionId: interaction.id }, 'interaction routing failed');
    }
  };
}
