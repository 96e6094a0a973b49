import type { AppContext } from '../context.js';
import { asWorker, withActor } from '../data/actor.js';
import { loadBlendRun, type BlendRun } from '../data/blend-runs.js';
import { linkButtonRows } from '../blends/link-prompt.js';
import type { LeftOut } from './steps/sync-members.js';

const bold = (text: string) => `**${text.replace(/([\\*_~`|>])/g, '\\$1')}**`;

/** Posts in the blend's channel, pinging only the one person it is addressed to. */
async function postInChannel(ctx: AppContext, run: BlendRun | undefined, content: string, ping?: string): Promise<void> {
  if (!run?.channelId) return;
  await ctx.discord.post(run.channelId, { content, allowed_mentions: { parse: [], users: ping ? [ping] : [] } });
}

/** A member left out of a run: by DM (with relink buttons when that is the fix), else in the channel. */
export async function notifyLeftOut(ctx: AppContext, run: BlendRun, out: LeftOut): Promise<void> {
  const content = `I am building ${bold(run.name)} without you this time: ${out.reason}.${out.relink ? ' Link again below and you will be in the next one.' : ''}`;
  const sent = await ctx.discord.sendDm(out.member.discordId, { content, ...(out.relink ? { components: linkButtonRows(ctx, out.member.discordId) } : {}) });
  if (sent.kind === 'dms_closed') await postInChannel(ctx, run, `<@${out.member.discordId}>, I could not include you in ${bold(run.name)}: ${out.reason}. Your DMs are closed; use \`/link\` to fix it.`, out.member.discordId);
}

/** Joining closed with fewer than two linked members: tell the creator in the channel. */
export async function notifyUnderfilled(ctx: AppContext, blendId: string): Promise<void> {
  const run = await withActor(ctx.db, asWorker, (tx) => loadBlendRun(tx, blendId));
  await postInChannel(ctx, run, `<@${run?.creatorDiscordId}>, joining ${bold(run?.name ?? '')} has closed, but fewer than two members have linked a music service, so I cannot build it yet. Once two have linked, run \`/blend finish\`.`, run?.creatorDiscordId);
}

/** Fewer than two members could take part in a run: the blend went back to the creator. */
export async function notifyNotEnough(ctx: AppContext, run: BlendRun, reasons: readonly string[]): Promise<void> {
  await postInChannel(ctx, run, `<@${run.creatorDiscordId}>, I could not build ${bold(run.name)}: fewer than two members could take part (${reasons.join('; ')}). It is open again; run \`/blend finish\` when two members are ready.`, run.creatorDiscordId);
}

export async function notifyGaveUp(ctx: AppContext, blendId: string, reason: string): Promise<void> {
  const run = await withActor(ctx.db, asWorker, (tx) => loadBlendRun(tx, blendId));
  await postInChannel(ctx, run, `<@${run?.creatorDiscordId}>, I gave up building ${bold(run?.name ?? '')} after several tries (${reason}). Run \`/blend finish\` to try again later.`, run?.creatorDiscordId);
}
