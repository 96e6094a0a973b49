import { ApplicationCommandOptionType, ApplicationCommandType, ComponentType, InteractionContextType } from 'discord.js';
import type { InteractionRecord } from './interactions.js';
import { asObject } from './message-body.js';
import { ALL_PERMISSIONS, channelPayload, interactionMemberPayload, messagePayload, userPayload } from './payloads.js';
import type { FakeState } from './state.js';
import type { FakeUser } from './types.js';

/** A slash-command option value; a FakeUser becomes a USER option with `resolved` data. */
export type OptionValue = string | number | boolean | FakeUser;

export interface CommandPath {
  readonly name: string;
  readonly subcommandGroup?: string;
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
}

const T = ApplicationCommandOptionType;
const LOCALE = 'en-US';

function basePayload(state: FakeState, record: InteractionRecord) {
  const guild = record.channel.guildId ? state.guilds.get(record.channel.guildId) : undefined;
  return {
    id: record.id,
    application_id: state.applicationId,
    type: record.type,
    token: record.token,
    version: 1,
    channel: channelPayload(state, record.channel),
    channel_id: record.channel.id,
    ...(guild
      ? {
          guild_id: guild.id,
          guild: { id: guild.id, locale: LOCALE, features: [] },
          guild_locale: LOCALE,
          member: interactionMemberPayload(record.user, guild),
        }
      : { user: userPayload(record.user) }),
    app_permissions: ALL_PERMISSIONS,
    locale: LOCALE,
    entitlements: [],
    // For a guild install used in the bot's DM, Discord sends "0" as the guild id.
    authorizing_integration_owners: { '0': guild ? guild.id : '0' },
    context: guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export function commandInteractionPayload(state: FakeState, record: InteractionRecord, command: CommandPath) {
  const guild = record.channel.guildId ? state.guilds.get(record.channel.guildId) : undefined;
  const registered = findCommand(state, command.name, guild?.id ?? null);
  const declared = declaredOptions(registered?.data, command);
  const users: Record<string, unknown> = {};
  const members: Record<string, unknown> = {};
  const leaf = Object.entries(command.options ?? {}).map(([name, value]) => {
    if (typeof value === 'object') {
      users[value.id] = userPayload(value);
      if (guild?.memberIds.includes(value.id)) members[value.id] = withoutUser(interactionMemberPayload(value, guild));
      return { name, type: T.User, value: value.id };
    }
    return { name, type: optionType(value, declared.get(name)), value };
  });
  const sub = command.subcommand ? [{ name: command.subcommand, type: T.Subcommand, options: leaf }] : leaf;
  const options = command.subcommandGroup ? [{ name: command.subcommandGroup, type: T.SubcommandGroup, options: sub }] : sub;
  const hasUsers = Object.keys(users).length > 0;
  return {
    ...basePayload(state, record),
    data: {
      id: registered?.id ?? state.nextId(),
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(guild ? { guild_id: guild.id } : {}),
      ...(hasUsers ? { resolved: { users, ...(Object.keys(members).length > 0 ? { members } : {}) } } : {}),
    },
  };
}

export function componentInteractionPayload(state: FakeState, record: InteractionRecord, values?: readonly string[]) {
  const source = record.sourceMessage;
  return {
    ...basePayload(state, record),
    ...(source ? { message: messagePayload(state, source) } : {}),
    data: values
      ? { custom_id: record.customId, component_type: ComponentType.StringSelect, values: [...values] }
      : { custom_id: record.customId, component_type: ComponentType.Button },
  };
}

export function findCommand(state: FakeState, name: string, guildId: string | null) {
  return state.commands.find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput && (c.guildId === null || c.guildId === guildId));
}

/** Option name → type, from the registered definition (so 20 for a NUMBER option stays a NUMBER). */
function declaredOptions(data: Readonly<Record<string, unknown>> | undefined, command: CommandPath): Map<string, number> {
  let options: unknown = data?.options;
  for (const step of [command.subcommandGroup, command.subcommand]) {
    if (step === undefined) continue;
    options = asArray(options).map(asObject).find((o) => o.name === step)?.options;
  }
  return new Map(asArray(options).map(asObject).map((o) => [String(o.name), Number(o.type)]));
}

function optionType(value: string | number | boolean, declared: number | undefined): number {
  if (declared !== undefined) return declared;
  if (typeof value === 'boolean') return T.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? T.Integer : T.Number;
  return T.String;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function withoutUser<T extends { user: unknown }>(member: T): Omit<T, 'user'> {
  const { user: _user, ...rest } = member;
  return rest;
}
