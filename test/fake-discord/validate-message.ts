import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';
import { discordErrors, formError } from './discord-error.js';

/** Discord's documented message limits; a bot that breaks one gets 400/50035 in production too. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

type Violation = readonly [path: string, code: string, message: string];

const tooLong = (path: string, max: number): Violation => [path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`];

export function validateMessageFields(fields: {
  content?: string;
  embeds?: readonly APIEmbed[];
  components?: readonly APIMessageTopLevelComponent[];
  flags?: number;
}): void {
  const violations: Violation[] = [];
  if (fields.content !== undefined && fields.content.length > LIMITS.content) violations.push(tooLong('content', LIMITS.content));
  if (fields.embeds) violations.push(...embedViolations(fields.embeds));
  const isV2 = ((fields.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  if (fields.components && !isV2) violations.push(...componentViolations(fields.components));
  const first = violations[0];
  if (first) throw discordErrors.invalidForm(formError(...first));
}

function embedViolations(embeds: readonly APIEmbed[]): Violation[] {
  const out: Violation[] = [];
  if (embeds.length > LIMITS.embeds) out.push(tooLong('embeds', LIMITS.embeds));
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (path: string, text: string | undefined, max: number) => {
      total += text?.length ?? 0;
      if (text !== undefined && text.length > max) out.push(tooLong(`embeds.${i}.${path}`, max));
    };
    check('title', embed.title, LIMITS.title);
    check('description', embed.description, LIMITS.description);
    check('footer.text', embed.footer?.text, LIMITS.footer);
    check('author.name', embed.author?.name, LIMITS.authorName);
    if ((embed.fields?.length ?? 0) > LIMITS.fields) out.push(tooLong(`embeds.${i}.fields`, LIMITS.fields));
    embed.fields?.forEach((field, f) => {
      check(`fields.${f}.name`, field.name, LIMITS.fieldName);
      check(`fields.${f}.value`, field.value, LIMITS.fieldValue);
    });
  });
  if (total > LIMITS.embedTotal) out.push(['embeds', 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000']);
  return out;
}

function componentViolations(rows: readonly APIMessageTopLevelComponent[]): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  if (rows.length > LIMITS.actionRows) out.push(tooLong('components', LIMITS.actionRows));
  rows.forEach((row, r) => {
    if (row.type !== ComponentType.ActionRow) return;
    if (row.components.length > LIMITS.rowComponents) out.push(tooLong(`components.${r}.components`, LIMITS.rowComponents));
    row.components.forEach((component, c) => {
      const path = `components.${r}.components.${c}`;
      if ('custom_id' in component && typeof component.custom_id === 'string') {
        if (component.custom_id.length > LIMITS.customId) out.push(tooLong(`${path}.custom_id`, LIMITS.customId));
        if (seen.has(component.custom_id)) {
          out.push([`${path}.custom_id`, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated']);
        }
        seen.add(component.custom_id);
      }
      if (component.type !== ComponentType.Button) return;
      if ('label' in component && (component.label?.length ?? 0) > LIMITS.buttonLabel) {
        out.push(tooLong(`${path}.label`, LIMITS.buttonLabel));
      }
      const needsUrl = component.style === ButtonStyle.Link;
      if (needsUrl && !('url' in component)) out.push([`${path}.url`, 'BASE_TYPE_REQUIRED', 'This field is required']);
      if (!needsUrl && component.style !== ButtonStyle.Premium && !('custom_id' in component)) {
        out.push([`${path}.custom_id`, 'BASE_TYPE_REQUIRED', 'This field is required']);
      }
    });
  });
  return out;
}
