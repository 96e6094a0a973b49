/**
 * Every name Discord sees from us, in one place: the join emoji, the option and subcommand
 * names of the slash commands, and the custom ids of buttons (`prefix:argument`).
 */
export const JOIN_EMOJI = '🎧';

export const SUBCOMMAND = {
  start: 'start',
  join: 'join',
  leave: 'leave',
  status: 'status',
  finish: 'finish',
} as const;

export const OPTION = {
  name: 'name',
  size: 'size',
  closesIn: 'closes_in',
  code: 'code',
  provider: 'provider',
} as const;

/** Custom id prefixes; the router picks the button handler by the part before the first `:`. */
export const BUTTON = {
  unlinkConfirm: 'unlink-confirm',
  unlinkCancel: 'unlink-cancel',
} as const;

export const customId = (prefix: string, argument?: string): string => (argument ? `${prefix}:${argument}` : prefix);

/** `unlink-confirm:spotify` → `{ prefix: 'unlink-confirm', argument: 'spotify' }`. */
export function parseCustomId(id: string): { prefix: string; argument: string | undefined } {
  const at = id.indexOf(':');
  return at < 0 ? { prefix: id, argument: undefined } : { prefix: id.slice(0, at), argument: id.slice(at + 1) };
}
