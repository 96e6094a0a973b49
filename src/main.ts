/**
 * Composition root: config → logger → database (migrated) → context → roles.
 * Nothing imports this file.
 */
import { openDatabase } from '../db/client.js';
import { ConfigError, loadConfig } from './config.js';
import { createAppContext } from './app-context.js';
import { createLogger } from './logger.js';
import { roleStarters, type Stop } from './roles.js';

const CONFIG_HELP = [
  '',
  'See README.md, section "Configuration", for every variable and where to get each value.',
  'No Discord application yet? `npm run demo` shows the whole flow offline, with no credentials.',
].join('\n');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { isTty: Boolean(process.stdout.isTTY) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`blend-bot cannot start.\n${error.message}\n${CONFIG_HELP}\n`);
    process.exit(1);
  }
  const log = createLogger(config.log);
  const database = await openDatabase(config.database);
  await database.migrate();
  log.info({ database: database.kind, roles: config.roles }, 'database migrated');

  const ctx = createAppContext(config, log, database.db);

  const stops: Stop[] = [];
  let stopping = false;
  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => log.error({ err }, 'role did not stop cleanly'));
    await database.close();
    log.info('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  for (const role of config.roles) {
    try {
      stops.push(await roleStarters[role](ctx));
    } catch (err) {
      log.fatal({ err, role }, 'role failed to start');
      await shutdown(`${role} failed to start`, 1);
      return;
    }
  }
  log.info({ roles: config.roles }, 'blend-bot running');
}

main().catch((error: unknown) => {
  process.stderr.write(`blend-bot failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
