import { escapeMarkdown } from 'discord.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { asPublic, withActor } from '../data/actor.js';
import { findBlendByMessageId, findBlendByShareCode, findNewestBlendInChannel, findPublicBlend, type BlendRef, type ChannelBlendFilter } from '../data/blends.js';
import { normalizeShareCode } from '../crypto/share-code.js';
import { UserFacingError } from '../errors.js';
import { bold } from './blend-embed.js';

export { bold };

/** Which blend a command or reaction means. */
export type BlendTarget =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'message'; readonly messageId: string }
  | { readonly kind: 'channel'; readonly channelId: string; readonly filter: ChannelBlendFilter };

/** What a person typed as a share code → the canonical code, or a clear error. */
export function parseShareCode(input: string): string {
  const code = normalizeShareCode(input);
  if (!code) throw new UserFacingError(`\`${escapeMarkdown(input.slice(0, 40))}\` is not a share code. Codes are 10 letters and digits, shown on the join message.`);
  return code;
}

/** Finds the target as the acting user sees it (row level security applies). */
export function findTarget(tx: Db, target: BlendTarget): Promise<BlendRef | undefined> {
  switch (target.kind) {
    case 'code': return findBlendByShareCode(tx, target.code);
    case 'message': return findBlendByMessageId(tx, target.messageId);
    case 'channel': return findNewestBlendInChannel(tx, target.channelId, target.filter);
  }
}

/**
 * Explains why a share code found nothing for this user: a completed blend they are not in is
 * visible only to the public role, which says it is finished; otherwise the code is unknown (or
 * the blend is closed to newcomers, which looks the same to them).
 */
export async function missingBlendError(ctx: AppContext, target: BlendTarget): Promise<UserFacingError> {
  if (target.kind === 'code') {
    const completed = await withActor(ctx.db, asPublic(target.code), (tx) => findPublicBlend(tx, target.code));
    if (completed) {
      return new UserFacingError(`${bold(completed.name)} is already finished, so it can't be joined. See it at ${ctx.config.web.publicBaseUrl}/b/${completed.shareCode}`);
    }
    return new UserFacingError(`No open Blend has the code \`${target.code}\`. Check the code on the join message, or ask whoever started it.`);
  }
  return new UserFacingError('There is no open Blend in this channel that this applies to. Add `code:` with the share code from the join message.');
}
