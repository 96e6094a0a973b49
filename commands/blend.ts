import { SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { BLEND_NAME_MAX, BLEND_SIZE, CLOSES_IN_MINUTES } from '../src/blends/limits.js';
import { blendFinish } from '../src/bot/blend/finish.js';
import { blendJoin } from '../src/bot/blend/join.js';
import { blendLeave } from '../src/bot/blend/leave.js';
import { guildChannel } from '../src/bot/blend/options.js';
import { blendStart } from '../src/bot/blend/start.js';
import { blendStatus } from '../src/bot/blend/status.js';
import type { BotContext } from '../src/bot/bot-context.js';
import type { SlashCommand } from '../src/bot/command.js';
import { OPTION, SUBCOMMAND } from '../src/bot/ids.js';
import type { CommandInteractionLike } from '../src/bot/interaction.js';

const codeOption = (required: boolean, description: string) => (o: SlashCommandStringOption) =>
  o.setName(OPTION.code).setDescription(description).setRequired(required).setMinLength(10).setMaxLength(20);

const data = new SlashCommandBuilder()
  .setName('blend')
  .setDescription('Make a group playlist from everyone\'s Spotify and Apple Music taste')
  .addSubcommand((s) => s.setName(SUBCOMMAND.start).setDescription('Start a Blend in this channel; friends react to join')
    .addStringOption((o) => o.setName(OPTION.name).setDescription('The playlist\'s name').setRequired(true).setMinLength(1).setMaxLength(BLEND_NAME_MAX))
    .addIntegerOption((o) => o.setName(OPTION.size).setDescription(`Tracks in the playlist (default ${BLEND_SIZE.default})`)
      .setMinValue(BLEND_SIZE.min).setMaxValue(BLEND_SIZE.max))
    .addIntegerOption((o) => o.setName(OPTION.closesIn).setDescription('Close joining and build it after this many minutes')
      .setMinValue(CLOSES_IN_MINUTES.min).setMaxValue(CLOSES_IN_MINUTES.max)))
  .addSubcommand((s) => s.setName(SUBCOMMAND.join).setDescription('Join a Blend by its share code')
    .addStringOption(codeOption(true, 'The share code on the join message')))
  .addSubcommand((s) => s.setName(SUBCOMMAND.leave).setDescription('Leave a Blend (default: the newest one here you are in)')
    .addStringOption(codeOption(false, 'The share code (optional)')))
  .addSubcommand((s) => s.setName(SUBCOMMAND.status).setDescription('Who is in, who still has to link, when it closes')
    .addStringOption(codeOption(false, 'The share code (optional)')))
  .addSubcommand((s) => s.setName(SUBCOMMAND.finish).setDescription('Close joining and build the playlist (creator only)')
    .addStringOption(codeOption(false, 'The share code (optional)')));

type Subcommand = (interaction: CommandInteractionLike, ctx: BotContext) => Promise<void>;

const SUBCOMMANDS = {
  [SUBCOMMAND.start]: blendStart,
  [SUBCOMMAND.join]: blendJoin,
  [SUBCOMMAND.leave]: blendLeave,
  [SUBCOMMAND.status]: blendStatus,
  [SUBCOMMAND.finish]: blendFinish,
} as const satisfies Record<(typeof SUBCOMMAND)[keyof typeof SUBCOMMAND], Subcommand>;

const isSubcommand = (name: string | null): name is keyof typeof SUBCOMMANDS => name !== null && Object.hasOwn(SUBCOMMANDS, name);

export const blend: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    guildChannel(interaction);
    const name = interaction.options.getSubcommand(false);
    if (!isSubcommand(name)) throw new Error(`unknown /blend subcommand ${String(name)}`);
    await SUBCOMMANDS[name](interaction, ctx);
  },
};
