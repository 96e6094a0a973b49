import { ComponentType, SlashCommandBuilder } from 'discord.js';
import { isProviderId, PROVIDER_CHOICES, LINK_EXPIRY_NOTE, linkButton, PROVIDER_LABEL } from '../src/blends/link-prompt.js';
import type { SlashCommand } from '../src/bot/command.js';
import { OPTION } from '../src/bot/ids.js';
import { privateReply } from '../src/bot/replies.js';
import { UserFacingError } from '../src/errors.js';

const data = new SlashCommandBuilder()
  .setName('link')
  .setDescription('Link Spotify or Apple Music so your taste joins Blends')
  .addStringOption((o) => o.setName(OPTION.provider).setDescription('The music service').setRequired(true).addChoices(...PROVIDER_CHOICES));

/** /link provider: — a private link button to the signed /link URL. No database, so no defer. */
export const link: SlashCommand = {
  data,
  async execute(interaction, ctx) {
    const provider = interaction.options.getString(OPTION.provider, true);
    if (!isProviderId(provider)) throw new UserFacingError('Choose Spotify or Apple Music.');
    if (!ctx.providers.has(provider)) throw new UserFacingError(`${PROVIDER_LABEL[provider]} linking is turned off on this bot.`);
    await interaction.reply(privateReply(`Open this link to connect ${PROVIDER_LABEL[provider]}. ${LINK_EXPIRY_NOTE}`, {
      components: [{ type: ComponentType.ActionRow, components: [linkButton(ctx, interaction.user.id, provider)] }],
    }));
  },
};
