import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIComponentInMessageActionRow, APIEmbed, APIMessageTopLevelComponent } from 'discord.js';
import type { FakeMessage, FakeReaction } from './types.js';

export type RenderableMessage = Pick<FakeMessage, 'content' | 'embeds' | 'components'> &
  Partial<Pick<FakeMessage, 'author' | 'ephemeral' | 'editedAt' | 'flags' | 'reactions'>>;

export interface RenderOptions {
  /** Start with `Author:` (plus "only you can see this" / "edited" notes). Default false. */
  readonly header?: boolean;
}

const EMBED_BAR = '│ ';

/**
 * A message as plain text: content, then each embed behind a bar, one line per button row
 * (`[Join] [Open ↗ https://…]`), then reactions (`🎧 2`).
 */
export function renderMessage(message: RenderableMessage, options: RenderOptions = {}): string {
  const lines: string[] = [];
  if (options.header) lines.push(header(message));
  if (((message.flags ?? 0) & MessageFlags.Loading) !== 0) lines.push('(thinking…)');
  if (message.content) lines.push(...message.content.split('\n'));
  for (const embed of message.embeds) lines.push(...renderEmbed(embed).map((l) => EMBED_BAR + l));
  for (const component of message.components) lines.push(...renderTopLevel(component));
  const reactions = renderReactions(message.reactions ?? []);
  if (reactions) lines.push(reactions);
  return lines.join('\n');
}

function header(message: RenderableMessage): string {
  const name = message.author?.globalName ?? message.author?.username ?? 'Unknown';
  const notes = [message.ephemeral ? 'only you can see this' : null, message.editedAt ? 'edited' : null].filter(Boolean);
  return `${name}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}:`;
}

function renderEmbed(embed: APIEmbed): string[] {
  const lines: string[] = [];
  if (embed.author?.name) lines.push(embed.author.name);
  if (embed.title) lines.push(embed.url ? `${embed.title} (${embed.url})` : embed.title);
  if (embed.description) lines.push(...embed.description.split('\n'));
  for (const field of embed.fields ?? []) lines.push(`${field.name}: ${field.value.split('\n').join('\n  ')}`);
  if (embed.image?.url) lines.push(`[image ${embed.image.url}]`);
  if (embed.thumbnail?.url) lines.push(`[thumbnail ${embed.thumbnail.url}]`);
  if (embed.footer?.text) lines.push(`— ${embed.footer.text}`);
  return lines.flatMap((l) => l.split('\n'));
}

function renderTopLevel(component: APIMessageTopLevelComponent): string[] {
  switch (component.type) {
    case ComponentType.ActionRow:
      return [component.components.map(renderRowItem).join(' ')];
    case ComponentType.TextDisplay:
      return component.content.split('\n');
    case ComponentType.Section:
      return [...component.components.flatMap((c) => c.content.split('\n')), ...renderAccessory(component.accessory)];
    case ComponentType.Container:
      return component.components.flatMap((c) => renderTopLevel(c)).map((l) => EMBED_BAR + l);
    case ComponentType.Separator:
      return ['───'];
    default:
      return [`[${ComponentType[component.type] ?? 'component'}]`];
  }
}

function renderAccessory(accessory: { type: ComponentType }): string[] {
  return accessory.type === ComponentType.Button ? [renderRowItem(accessory as APIComponentInMessageActionRow)] : [];
}

function renderRowItem(item: APIComponentInMessageActionRow): string {
  const disabled = item.disabled ? ' (disabled)' : '';
  if (item.type !== ComponentType.Button) {
    const choices = 'options' in item ? item.options.map((o) => o.label).join(' | ') : '';
    return `[▾ ${item.placeholder ?? 'Select'}${choices ? `: ${choices}` : ''}${disabled}]`;
  }
  const emoji = 'emoji' in item && item.emoji?.name && !item.emoji.id ? `${item.emoji.name} ` : '';
  const label = `${emoji}${'label' in item ? (item.label ?? '') : ''}`.trim();
  if (item.style === ButtonStyle.Link) return `[${label} ↗ ${item.url}${disabled}]`;
  return `[${label}${disabled}]`;
}

function renderReactions(reactions: readonly FakeReaction[]): string {
  return reactions
    .filter((r) => r.userIds.length > 0)
    .map((r) => `${r.emoji} ${r.userIds.length}`)
    .join(' · ');
}
