import type { FakeCore } from '../core.js';
import { DiscordHttpError, discordErrors, formError } from '../discord-error.js';
import { asObject } from '../message-body.js';
import { json } from '../router.js';
import type { Route, RouteRequest } from '../router.js';
import type { RegisteredCommand } from '../types.js';

const CHAT_INPUT = 1;
const COMMAND_NAME = /^[-_'\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Application command registration, global and per guild (what deploy scripts call). */
export function commandRoutes(core: FakeCore): Route[] {
  const { state } = core;
  const scope = ({ params }: RouteRequest): string | null => {
    if (params.applicationId !== state.applicationId) throw new DiscordHttpError(404, 10002, 'Unknown Application');
    if (params.guildId !== undefined && !state.guilds.has(params.guildId)) throw discordErrors.unknownGuild();
    return params.guildId ?? null;
  };
  const inScope = (guildId: string | null) => state.commands.filter((c) => c.guildId === guildId);
  const payload = (c: RegisteredCommand) => ({
    description: '',
    options: [],
    default_member_permissions: null,
    nsfw: false,
    ...c.data,
    id: c.id,
    application_id: state.applicationId,
    version: c.id,
    type: c.type,
    ...(c.guildId ? { guild_id: c.guildId } : {}),
  });
  const upsert = (guildId: string | null, raw: unknown, index: number): RegisteredCommand => {
    const data = asObject(raw);
    validateCommand(data, index);
    const name = String(data.name);
    const type = typeof data.type === 'number' ? data.type : CHAT_INPUT;
    const existing = inScope(guildId).find((c) => c.name === name && c.type === type);
    return { id: existing?.id ?? state.nextId(), name, guildId, type, data };
  };
  const overwrite = (request: RouteRequest) => {
    const guildId = scope(request);
    if (!Array.isArray(request.body)) throw discordErrors.invalidForm(formError('_', 'BASE_TYPE_LIST', 'Must be an array.'));
    const next = request.body.map((raw, i) => upsert(guildId, raw, i));
    const kept = state.commands.filter((c) => c.guildId !== guildId);
    state.commands.splice(0, state.commands.length, ...kept, ...next);
    return json(next.map(payload));
  };
  const create = (request: RouteRequest) => {
    const guildId = scope(request);
    const command = upsert(guildId, request.body, 0);
    const index = state.commands.findIndex((c) => c.id === command.id);
    if (index >= 0) state.commands.splice(index, 1, command);
    else state.commands.push(command);
    return json(payload(command), index >= 0 ? 200 : 201);
  };
  const list = (request: RouteRequest) => json(inScope(scope(request)).map(payload));

  const global = '/applications/:applicationId/commands';
  const guild = '/applications/:applicationId/guilds/:guildId/commands';
  return [
    { method: 'GET', path: global, auth: 'bot', handle: list },
    { method: 'PUT', path: global, auth: 'bot', handle: overwrite },
    { method: 'POST', path: global, auth: 'bot', handle: create },
    { method: 'GET', path: guild, auth: 'bot', handle: list },
    { method: 'PUT', path: guild, auth: 'bot', handle: overwrite },
    { method: 'POST', path: guild, auth: 'bot', handle: create },
  ];
}

function validateCommand(data: Record<string, unknown>, index: number): void {
  const name = data.name;
  if (typeof name !== 'string' || !COMMAND_NAME.test(name)) {
    throw discordErrors.invalidForm(formError(`${index}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
  }
  const isChatInput = data.type === undefined || data.type === CHAT_INPUT;
  const description = data.description;
  if (isChatInput && (typeof description !== 'string' || description.length < 1 || description.length > 100)) {
    throw discordErrors.invalidForm(formError(`${index}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
  }
}
