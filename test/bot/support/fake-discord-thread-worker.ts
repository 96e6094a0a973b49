/**
 * The worker side of fake-discord-thread.ts: a fake Discord in its own thread, so a benchmark
 * measures the bot, not the bot and the server sharing one event loop (as a remote Discord
 * would not). Answers one request at a time by id.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { MessageFlags } from 'discord.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { startFakeDiscord, type FakeDiscord, type FakeInteraction } from '../../fake-discord/index.js';
import type { ThreadRequest } from './fake-discord-thread.js';

const port = parentPort!;

async function poll(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the bot');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
let discord: FakeDiscord | undefined;
const now = () => performance.timeOrigin + performance.now();
const fake = () => { if (!discord) throw new Error('init first'); return discord; };

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.kind) {
    case 'init': {
      discord = await startFakeDiscord({ validToken: request.token, guilds: [{ name: 'Bench', channels: [{ name: 'general' }], members: request.usernames.map((username) => ({ username })) }] });
      return { apiBase: discord.apiBase, applicationId: discord.applicationId, channelId: discord.channel.id, userIds: request.usernames.map((u) => fake().user(u).id) };
    }
    case 'command': {
      const interaction = await fake().slashCommand({ user: fake().user(request.username), name: request.name, subcommand: request.subcommand, options: request.options });
      return (await interaction.finalReply()).content;
    }
    case 'join-message': {
      const message = await fake().waitFor(() => fake().messages().find((m) => m.embeds[0]?.title?.includes(request.blendName)));
      return { id: message.id, code: message.embeds[0]?.fields?.find((f) => f.name === 'Share code')?.value.replaceAll('`', '') };
    }
    case 'command-burst': {
      const interactions: FakeInteraction[] = [];
      // All in flight together, but with a turn between dispatches, so this thread also takes in
      // the bot's callbacks as they come (a real Discord does not stop listening while it sends).
      for (const username of request.usernames) {
        interactions.push(await fake().slashCommand({ user: fake().user(username), name: request.name, subcommand: request.subcommand, options: request.options }));
        await nextTurn();
      }
      // One poll loop instead of 400 concurrent waitFor probes, so the fake's own load stays low.
      await poll(() => interactions.every((i) => i.callbacks.length > 0));
      const acked = performance.now();
      await poll(() => interactions.every((i) => i.original !== null && (i.original.flags & MessageFlags.Loading) === 0));
      return {
        acks: interactions.map((i) => i.callbacks[0]!.latencyMs),
        rejected: interactions.filter((i) => !i.callbacks[0]!.accepted).length,
        completeMs: performance.now() - acked,
      };
    }
    case 'react-burst': {
      const dispatchedAt: Record<string, number> = {};
      for (const username of request.usernames) {
        const user = fake().user(username);
        dispatchedAt[user.id] = now();
        await fake().react({ user, messageId: request.messageId, emoji: request.emoji });
        await nextTurn();
      }
      return { dispatchedAt };
    }
    case 'edits': {
      return fake().messages().find((m) => m.id === request.messageId)?.history.length ?? 0;
    }
    case 'close': {
      await discord?.close();
      return null;
    }
  }
}

port.on('message', (message: { id: number; request: ThreadRequest }) => {
  handle(message.request).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
