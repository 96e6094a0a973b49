import { ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import { isProviderId, PROVIDER_CHOICES, PROVIDER_LABEL } from '../src/blends/link-prompt.js';
import { isLinked } from '../src/blends/unlink-provider.js';
import type { SlashCommand } from '../src/bot/command.js';
import { BUTTON, customId, OPTION } from '../src/bot/ids.js';
import { deferPrivately, replyEdit } from '../src/bot/replies.js';
import { UserFacingError } from '../src/errors.js';

const data = new SlashCommandBuilder()
  .setName('unlink')
  .setDescription('Disconnect Spotify or Apple Music and delete its cached top tracks')
  .addStringOption((o) => o.setName(OPTION.provider).setDescription('The music service').setRequired(true).addChoices(...PROVIDER_CHOICES));

/** /unlink provider: — asks to confirm with a button (src/bot/buttons/unlink.ts does the deleting). */
export const unlink: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    const provider = interaction.options.getString(OPTION.provider, true);
    if (!isProviderId(provider)) throw new UserFacingError('Choose Spotify or Apple Music.');
    await deferPrivately(interaction);
    const label = PROVIDER_LABEL[provider];
    if (!(await isLinked(ctx, interaction.user.id, provider))) {
      await interaction.editReply(replyEdit(`You have no ${label} connection to unlink.`));
      return;
    }
    await interaction.editReply(replyEdit(
      `Unlink ${label}? This deletes the connection and your cached top tracks. Blends that are still open will wait for you to link again.`,
      { components: [{ type: ComponentType.ActionRow, components: [
        { type: ComponentType.Button, style: ButtonStyle.Danger, label: `Unlink ${label}`, custom_id: customId(BUTTON.unlinkConfirm, provider) },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Keep it', custom_id: customId(BUTTON.unlinkCancel) },
      ] }] },
    ));
  },
};
