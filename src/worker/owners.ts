import type { AppContext } from '../context.js';
import type { RunConnection, RunMember } from '../data/blend-runs.js';
import { PROVIDER_IDS, type ProviderId } from '../core/index.js';
import type { TakingPart } from './steps/sync-members.js';

export interface PlaylistOwner { readonly member: RunMember; readonly connection: RunConnection }
export type Owners = Readonly<Partial<Record<ProviderId, PlaylistOwner>>>;

/**
 * Whose account holds each platform's playlist (design.md): the creator's when they take part
 * with a usable account there, else the first member (in join order) who has one. A platform
 * nobody has gets no playlist; the owner's account also answers that platform's catalog
 * lookups (Spotify search needs a user token; Apple's catalog needs the owner's storefront).
 */
export function playlistOwners(ctx: AppContext, takingPart: readonly TakingPart[]): Owners {
  const owners: Partial<Record<ProviderId, PlaylistOwner>> = {};
  const ordered = [...takingPart.filter((p) => p.member.isCreator), ...takingPart.filter((p) => !p.member.isCreator)];
  for (const provider of PROVIDER_IDS) {
    if (!ctx.providers.has(provider)) continue;
    for (const { member } of ordered) {
      const connection = member.connections.find((c) => c.provider === provider && !c.needsRelink);
      if (connection) { owners[provider] = { member, connection }; break; }
    }
  }
  return owners;
}

export const targetsOf = (owners: Owners): ProviderId[] => PROVIDER_IDS.filter((p) => owners[p] !== undefined);

/** Apple catalog answers depend on the storefront; Spotify's cache is global (''). */
export const storefrontOf = (owners: Owners) => (provider: ProviderId): string =>
  provider === 'apple' ? owners.apple?.connection.storefront ?? 'us' : '';
