const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/**
 * A 19-digit snowflake no other test process makes: the process id sits in the worker bits, so
 * parallel test files sharing one PostgreSQL database never collide on Discord ids.
 */
export function uniqueSnowflake(): string {
  counter = (counter + 1n) % 4096n;
  const time = BigInt(Date.now()) - DISCORD_EPOCH;
  return ((time << 22n) | (BigInt(process.pid % 1024) << 12n) | counter).toString();
}
