import { eq } from 'drizzle-orm';
import { blendParticipants, blends, users } from '../../db/schema/index.js';
import type { AppContext } from '../../src/context.js';
import { asWorker, withActor } from '../../src/data/actor.js';
import { upsertConnection } from '../../src/data/connections.js';
import { createBlend } from '../../src/data/create-blend.js';
import type { ProviderId } from '../../src/providers/types.js';
import type { Harness } from '../providers/harness.js';
import { SIM_USERS } from '../providers/sim/users.js';
import { uniqueDiscordId } from '../support/ids.js';

export interface SeedMember { readonly sim: string; readonly provider: ProviderId | readonly ProviderId[] }
export interface SeededBlend { readonly blendId: string; readonly channelId: string; readonly shareCode: string; readonly members: { userId: string; discordId: string; sim: string }[] }

let channels = 0;

/**
 * A blend ready for the worker: its members (the first is the creator) exist, are accepted and
 * have connections whose tokens the simulators accept; status `processing` unless told otherwise.
 */
export async function seedBlend(ctx: AppContext, h: Harness, members: readonly SeedMember[], options: { size?: number; status?: 'processing' | 'pending'; closesAt?: Date } = {}): Promise<SeededBlend> {
  const channelId = `9${Date.now()}${channels++}`;
  const seeded: { userId: string; discordId: string; sim: string }[] = [];
  for (const m of members) seeded.push({ ...(await seedMember(ctx, h, m)), sim: m.sim });
  const creator = seeded[0];
  if (!creator) throw new Error('a blend needs a creator');
  const blend = await withActor(ctx.db, asWorker, async (tx) => {
    const row = await createBlend(tx, { createdBy: creator.userId, name: `Blend ${channels}`, size: options.size ?? 20, channelId, guildId: '1', closesAt: options.closesAt });
    await tx.update(blends).set({ status: options.status ?? 'processing', messageId: `m${channelId}` }).where(eq(blends.id, row.id));
    for (const member of seeded) {
      await tx.insert(blendParticipants).values({ blendId: row.id, userId: member.userId, status: 'accepted', joinedAt: new Date(Date.now() + seeded.indexOf(member)) })
        .onConflictDoUpdate({ target: [blendParticipants.blendId, blendParticipants.userId], set: { status: 'accepted' } });
    }
    return row;
  });
  return { blendId: blend.id, channelId, shareCode: blend.shareCode, members: seeded };
}

export async function seedMember(ctx: AppContext, h: Harness, m: SeedMember): Promise<{ userId: string; discordId: string }> {
  const discordId = uniqueDiscordId();
  const profile = SIM_USERS.find((u) => u.key === m.sim);
  const [user] = await withActor(ctx.db, asWorker, (tx) => tx.insert(users).values({ discordId, displayName: profile?.displayName ?? m.sim }).returning());
  if (!user) throw new Error('no user');
  for (const provider of Array.isArray(m.provider) ? m.provider : [m.provider]) {
    const auth = provider === 'spotify'
      ? h.spotifySim.issueTokens(m.sim)
      : { accessToken: h.appleSim.userToken(m.sim) };
    const storefront = provider === 'apple' ? await h.apple.storefront(auth.accessToken) : undefined;
    await withActor(ctx.db, asWorker, (tx) => upsertConnection(tx, ctx.vault, {
      userId: user.id, provider, providerUserId: `${m.sim}-${provider}`, auth, metadata: storefront ? { storefront } : {}, authorizedAt: h.clock.now(),
    }));
  }
  return { userId: user.id, discordId };
}
