import { eq } from 'drizzle-orm';
import { blends } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { blendEmbed } from '../blends/blend-embed.js';
import { refreshJoinMessage, renderJoinMessage } from '../blends/join-message.js';
import { BLEND_SIZE } from '../blends/limits.js';
import { asWorker, withActor } from '../data/actor.js';
import { completeBlend, loadBlendRun, recordResultMessage, returnToPending, type BlendRun } from '../data/blend-runs.js';
import { loadBlendView } from '../data/blends.js';
import { notifyNotEnough } from './notices.js';
import { playlistOwners, targetsOf } from './owners.js';
import { renderResult } from './result-embed.js';
import { buildStep } from './steps/build.js';
import { playlistStep } from './steps/playlists.js';
import { resolveStep } from './steps/resolve.js';
import { syncMembers } from './steps/sync-members.js';
import { summarize } from './summary.js';

export const PIPELINE_STEPS = ['sync', 'resolve', 'build', 'playlists', 'post', 'complete'] as const;
export type StepName = (typeof PIPELINE_STEPS)[number];

export type PipelineOutcome =
  | { readonly kind: 'completed'; readonly tracks: number; readonly lookups: number }
  | { readonly kind: 'not_enough_members'; readonly reason: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Test seam: runs after each step (the crash-safety test throws here to abort a run). */
export interface PipelineHooks { readonly afterStep?: (step: StepName) => Promise<void> | void }

/**
 * Builds one claimed blend: sync → resolve → build → playlists → post → complete. Every step
 * is idempotent and records its result before the next begins (track list and summary in one
 * transaction, each playlist id the moment it exists, the embed's message id), so a run that
 * dies anywhere resumes on the next claim without a second playlist or a second embed.
 */
export async function runBlendPipeline(ctx: AppContext, blendId: string, hooks: PipelineHooks = {}): Promise<PipelineOutcome> {
  const after = async (step: StepName) => { await hooks.afterStep?.(step); };
  const run = await withActor(ctx.db, asWorker, (tx) => loadBlendRun(tx, blendId));
  if (!run || run.status !== 'processing') return { kind: 'skipped', reason: `blend is ${run?.status ?? 'gone'}` };
  if (!run.resultMessageId) await refreshJoinMessage(ctx, run.id).catch((err: unknown) => ctx.log.warn({ err }, 'could not mark the join message as building'));

  const { takingPart, leftOut } = await syncMembers(ctx, run);
  await after('sync');
  if (takingPart.length < 2) return sendBack(ctx, run, leftOut.map((o) => `${o.member.displayName}: ${o.reason}`));

  const owners = playlistOwners(ctx, takingPart);
  const { tastes, lookups } = await resolveStep(ctx, takingPart, owners);
  await after('resolve');
  const result = await buildStep(ctx, run, takingPart, tastes, targetsOf(owners), leftOut.length);
  await after('build');
  const links = await playlistStep(ctx, run, result, owners);
  await after('playlists');

  if (!run.resultMessageId && run.channelId) {
    const summary = summarize(result, new Map(takingPart.map((p) => [p.member.userId, p.member.displayName])), leftOut.length);
    const discordIdOf = new Map(run.members.map((m) => [m.userId, m.discordId]));
    const posted = await ctx.discord.post(run.channelId, renderResult({ run, result, summary, links, publicUrl: publicUrl(ctx, run), discordIdOf }));
    await withActor(ctx.db, asWorker, (tx) => recordResultMessage(tx, run.id, posted.id));
  }
  await after('post');
  await withActor(ctx.db, asWorker, (tx) => completeBlend(tx, run.id, ctx.now()));
  await pointJoinMessageToResult(ctx, run.id).catch((err: unknown) => ctx.log.warn({ err }, 'could not update the join message'));
  await after('complete');
  return { kind: 'completed', tracks: result.entries.length, lookups };
}

const publicUrl = (ctx: AppContext, run: BlendRun) => `${ctx.config.web.publicBaseUrl}/b/${run.shareCode}`;

async function sendBack(ctx: AppContext, run: BlendRun, reasons: string[]): Promise<PipelineOutcome> {
  const reason = 'fewer than two members could take part';
  await withActor(ctx.db, asWorker, (tx) => returnToPending(tx, run.id, `${reason}: ${reasons.join('; ')}`));
  await notifyNotEnough(ctx, run, reasons).catch((err: unknown) => ctx.log.warn({ err }, 'could not tell the creator'));
  await refreshJoinMessage(ctx, run.id).catch((err: unknown) => ctx.log.warn({ err }, 'could not update the join message'));
  return { kind: 'not_enough_members', reason };
}

/** The join message now says the blend is finished and links to the posted result. */
async function pointJoinMessageToResult(ctx: AppContext, blendId: string): Promise<void> {
  const { view, resultMessageId, guildId } = await withActor(ctx.db, asWorker, async (tx) => {
    const [row] = await tx.select({ resultMessageId: blends.resultMessageId, guildId: blends.guildId }).from(blends).where(eq(blends.id, blendId));
    return { view: await loadBlendView(tx, blendId, BLEND_SIZE.default), resultMessageId: row?.resultMessageId, guildId: row?.guildId };
  });
  if (!view?.channelId || !view.messageId) return;
  const link = resultMessageId ? `https://discord.com/channels/${guildId ?? '@me'}/${view.channelId}/${resultMessageId}` : undefined;
  const message = renderJoinMessage(view);
  const fields = link ? [{ name: 'Result', value: `[The finished playlist](${link})` }] : [];
  await ctx.discord.edit(view.channelId, view.messageId, { ...message, embeds: [blendEmbed(view, fields)] });
}
