import { isProviderId, PROVIDER_LABEL } from '../../blends/link-prompt.js';
import { unlinkProvider } from '../../blends/unlink-provider.js';
import { UserFacingError } from '../../errors.js';
import type { ButtonHandler } from '../command.js';
import { BUTTON } from '../ids.js';
import { replyEdit } from '../replies.js';

/**
 * The confirm button of /unlink. It acts on the clicker's own connection (never on an id taken
 * from the button), so a forwarded or replayed button cannot unlink someone else.
 */
export const unlinkConfirm: ButtonHandler = {
  prefix: BUTTON.unlinkConfirm,
  async execute(interaction, ctx, argument) {
    const provider = argument ?? null;
    if (!isProviderId(provider)) throw new UserFacingError('That button is out of date; run `/unlink` again.');
    await interaction.deferUpdate();
    const label = PROVIDER_LABEL[provider];
    const outcome = await unlinkProvider(ctx, interaction.user.id, provider);
    if (outcome.kind === 'not-linked') {
      await interaction.editReply(replyEdit(`You have no ${label} connection any more; nothing to unlink.`, { components: [] }));
      return;
    }
    for (const blendId of outcome.affectedBlendIds) ctx.bot.refreshJoinMessage(blendId);
    ctx.log.info({ provider, reopened: outcome.affectedBlendIds.length }, 'provider unlinked');
    await interaction.editReply(replyEdit(`${label} is unlinked and your cached top tracks are deleted. \`/link\` connects it again.`, { components: [] }));
  },
};

export const unlinkCancel: ButtonHandler = {
  prefix: BUTTON.unlinkCancel,
  async execute(interaction) {
    await interaction.update({ content: 'Kept your connection; nothing was deleted.', components: [], allowedMentions: { parse: [] } });
  },
};
