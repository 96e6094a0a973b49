import type { SlashCommand } from '../src/bot/command.js';
import { blend } from './blend.js';
import { link } from './link.js';
import { unlink } from './unlink.js';

/** Every slash command: the router and deploy-commands.ts both use this list. */
export const commands = [blend, link, unlink] as const satisfies readonly SlashCommand[];
