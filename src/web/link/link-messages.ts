import { bold } from '../../blends/find-blend.js';
import { PROVIDER_LABEL } from '../../blends/link-prompt.js';
import type { AcceptedParticipation } from '../../data/participations-accept.js';
import type { OutgoingMessage } from '../../discord/outbox.js';
import type { ProviderId } from '../../providers/types.js';

export interface LinkedSummary {
  readonly provider: ProviderId;
  readonly displayName?: string;
  readonly accepted: readonly AcceptedParticipation[];
  readonly synced: boolean;
}

/** "Linked Spotify as X; you're in <blend>." (design.md "Web surface"). */
export function linkedDm(s: LinkedSummary): OutgoingMessage {
  const label = PROVIDER_LABEL[s.provider];
  const linked = s.displayName ? `Linked ${label} as ${bold(s.displayName)}.` : `Linked ${label}.`;
  const blends = s.accepted.length > 0
    ? `You're in ${joinNames(s.accepted.map((a) => bold(a.blendName)))}.`
    : 'Your taste now counts in every Blend you join.';
  const later = s.synced ? '' : '\nYour top tracks will be fetched before your first Blend is built.';
  return { content: `${linked} ${blends}${later}` };
}

/** The DM when a provider refuses the link for a reason only the member or the bot owner can fix. */
export function refusedDm(provider: ProviderId, hint: string): OutgoingMessage {
  return { content: `Linking ${PROVIDER_LABEL[provider]} did not work. ${hint}` };
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
