/** `npm run db:migrate`: applies the migrations to DATABASE_URL, or to the PGlite in DATA_DIR. */
import { openDatabase } from '../db/client.js';
import { ConfigError, loadDatabaseConfig } from './config.js';

try {
  const cfg = loadDatabaseConfig(process.env);
  const database = await openDatabase(cfg);
  await database.migrate();
  await database.close();
  process.stdout.write(`migrations applied (${cfg.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${cfg.dataDir}`})\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
