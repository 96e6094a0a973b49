/**
 * `npm run demo`: the whole blend-bot flow on this machine with no credentials: a local
 * Discord-compatible server, Spotify and Apple Music simulators, and the real bot, web and
 * worker roles on a fresh embedded database. `npm run demo -- --once` exits when the blend is done.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/client.js';
import { createLogger } from '../../src/logger.js';
import { playBlend } from './scenario.js';
import { startWorld } from './world.js';

const once = process.argv.includes('--once');
const dataDir = await mkdtemp(path.join(tmpdir(), 'blend-demo-'));
const logFile = path.join(dataDir, 'demo.log');
const log = createLogger({ level: 'info', pretty: false }, createWriteStream(logFile));
console.log(`blend-bot demo: everything runs on 127.0.0.1; database in ${dataDir}; logs in ${logFile}\n`);

const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
await database.migrate();
const world = await startWorld({ db: database.db, log, dataDir, workerCron: '*/2 * * * * *' });

async function shutdown(code: number): Promise<never> {
  await world.stop().catch(() => {});
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}

try {
  const { publicUrl } = await playBlend(world, { say: (line) => console.log(line), workerRuns: 'cron' });
  const page = await fetch(publicUrl);
  console.log(`(the public page answers ${page.status})`);
  if (once) await shutdown(page.ok ? 0 : 1);
  console.log('\nThe web server keeps serving the public page; press Ctrl-C to stop.');
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
} catch (error) {
  console.error('\nThe demo failed:', error instanceof Error ? error.message : error);
  console.error(`See the log: ${logFile}`);
  await world.stop().catch(() => {});
  await database.close();
  process.exit(1);
}
