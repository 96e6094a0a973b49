/**
 * `npm run deploy-commands`: registers the slash commands with Discord, to DISCORD_GUILD_ID when
 * it is set (instant, for development), else globally, and prints what it registered.
 */
import { commands } from './commands/index.js';
import { ConfigError, loadDiscordConfig } from './src/config.js';
import { deployCommands } from './src/bot/deploy.js';

try {
  const deployed = await deployCommands(loadDiscordConfig(process.env), commands);
  const where = deployed.scope === 'guild' ? `to guild ${deployed.guildId}` : 'globally (may take up to an hour to show everywhere)';
  console.log(`Registered ${deployed.names.length} slash commands ${where}: ${deployed.names.map((n) => `/${n}`).join(', ')}`);
} catch (error) {
  if (error instanceof ConfigError) console.error(`deploy-commands cannot run.\n${error.message}`);
  else console.error('deploy-commands failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
