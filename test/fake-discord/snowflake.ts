const DISCORD_EPOCH = 1_420_070_400_000n;
/** Discord's worker and process bits: the process id, so fakes in parallel test processes never collide. */
const WORKER_BITS = BigInt(process.pid % 1024) << 12n;

/**
 * Real-looking snowflakes (18–19 digits). @discordjs/rest only treats 17–19 digit ids as
 * major route parameters, so short fake ids would put every channel and webhook into one
 * rate-limit queue. Ids are strictly increasing, so they sort like Discord's.
 */
export function createSnowflakes(now: () => number = Date.now): () => string {
  let last = 0n;
  return () => {
    const candidate = ((BigInt(now()) - DISCORD_EPOCH) << 22n) | WORKER_BITS;
    last = candidate > last ? candidate : last + 1n; // within one millisecond: the increment bits
    return last.toString();
  };
}
