import { REST, Routes } from 'discord.js';
import type { SlashCommand } from './command.js';

export interface DeployConfig {
  readonly token: string;
  readonly clientId: string;
  readonly guildId?: string;
  readonly apiBase: string;
}

export interface Deployed {
  readonly scope: 'guild' | 'global';
  readonly guildId?: string;
  readonly names: readonly string[];
}

/**
 * Registers (overwrites) the slash commands: to one guild when `guildId` is set (instant; for
 * development), else globally.
 */
export async function deployCommands(cfg: DeployConfig, list: readonly SlashCommand[]): Promise<Deployed> {
  const rest = new REST({ version: '10', api: cfg.apiBase }).setToken(cfg.token);
  const route = cfg.guildId ? Routes.applicationGuildCommands(cfg.clientId, cfg.guildId) : Routes.applicationCommands(cfg.clientId);
  const registered = (await rest.put(route, { body: list.map((c) => c.data.toJSON()) })) as { name: string }[];
  return cfg.guildId
    ? { scope: 'guild', guildId: cfg.guildId, names: registered.map((c) => c.name) }
    : { scope: 'global', names: registered.map((c) => c.name) };
}
