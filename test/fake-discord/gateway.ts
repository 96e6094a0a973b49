import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { GatewaySession } from './gateway-session.js';
import { guildCreatePayload, readyPayload } from './gateway-payloads.js';
import { asObject } from './message-body.js';
import { memberPayload } from './payloads.js';
import type { FakeState } from './state.js';
import type { GatewayStats } from './types.js';

/** Sends a gateway event to every session whose IDENTIFY intents include `intent` (if given). */
export interface Dispatcher {
  dispatch(event: string, data: unknown, intent?: number): void;
}

export interface GatewayOptions {
  readonly heartbeatIntervalMs: number;
  readonly validToken: string | undefined;
  /** ws:// URL without a query string; discord.js appends `?v=10&encoding=json`. */
  readonly url: () => string;
}

const SOCKET_CLOSE_GRACE_MS = 250;

export const stripTokenPrefix = (token: string): string => token.replace(/^(Bot|Bearer)\s+/i, '');

export class FakeGateway implements Dispatcher {
  readonly #wss: WebSocketServer;
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #bySocket = new Map<WebSocket, GatewaySession>();
  readonly #stats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0 };

  constructor(
    server: Server,
    private readonly state: FakeState,
    private readonly options: GatewayOptions,
  ) {
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket) => this.#onConnection(socket));
  }

  get stats(): GatewayStats {
    const readySessions = [...this.#sessions.values()].filter((s) => s.isOpen).length;
    return { ...this.#stats, readySessions };
  }

  /** True while any session could still receive a dispatch (open, or resumable). */
  get hasSessions(): boolean {
    return this.#sessions.size > 0;
  }

  dispatch(event: string, data: unknown, intent?: number): void {
    for (const session of this.#sessions.values()) {
      if (intent === undefined || (session.intents & intent) !== 0) session.dispatch(event, data);
    }
  }

  /** Sends op 7 RECONNECT: discord.js closes with 4200 and RESUMEs on resume_gateway_url. */
  requestReconnect(): void {
    for (const session of this.#sessions.values()) {
      if (session.socket && session.isOpen) send(session.socket, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  /**
   * Closes every socket with 4004 so a still-running discord.js client stops instead of
   * retrying forever against a port that no longer answers.
   */
  async close(): Promise<void> {
    await Promise.all([...this.#wss.clients].map(closeSocket));
    this.#sessions.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #onConnection(socket: WebSocket): void {
    this.#stats.connections += 1;
    socket.on('message', (raw) => this.#onFrame(socket, raw));
    socket.on('close', (code) => this.#onClose(socket, code));
    socket.on('error', () => socket.terminate());
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  #onFrame(socket: WebSocket, raw: RawData): void {
    let payload: Record<string, unknown>;
    try {
      payload = asObject(JSON.parse(raw.toString()));
    } catch {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = asObject(payload.d);
    const session = this.#bySocket.get(socket);
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#stats.heartbeats += 1;
        send(socket, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.#identify(socket, d);
      case GatewayOpcodes.Resume:
        return this.#resume(socket, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!session) socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        else if (payload.op === GatewayOpcodes.RequestGuildMembers) this.#sendMembers(session, d);
        return;
      default:
        socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #identify(socket: WebSocket, d: Record<string, unknown>): void {
    if (this.#bySocket.has(socket)) {
      socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    const token = stripTokenPrefix(typeof d.token === 'string' ? d.token : '');
    this.state.botToken = token;
    if (this.options.validToken !== undefined && token !== this.options.validToken) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = new GatewaySession(randomUUID().replaceAll('-', ''), socket, token, Number(d.intents ?? 0), parseShard(d.shard));
    this.#sessions.set(session.id, session);
    this.#bySocket.set(socket, session);
    this.#stats.identifies += 1;
    session.dispatch('READY', readyPayload(this.state, session, this.options.url()));
    for (const guild of this.state.guilds.values()) session.dispatch('GUILD_CREATE', guildCreatePayload(this.state, guild));
    this.state.notify();
  }

  #resume(socket: WebSocket, d: Record<string, unknown>): void {
    const session = this.#sessions.get(String(d.session_id));
    const token = stripTokenPrefix(typeof d.token === 'string' ? d.token : '');
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const previous = session?.socket;
    if (!session || session.token !== token || !session.resume(socket, seq)) {
      send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (previous && previous !== socket) {
      this.#bySocket.delete(previous);
      previous.terminate();
    }
    this.#bySocket.set(socket, session);
    this.#stats.resumes += 1;
    session.dispatch('RESUMED', { _trace: ['fake-discord'] });
    this.state.notify();
  }

  #sendMembers(session: GatewaySession, d: Record<string, unknown>): void {
    const guild = this.state.guilds.get(String(d.guild_id));
    if (!guild) return;
    const wanted = Array.isArray(d.user_ids) ? d.user_ids.map(String) : typeof d.user_ids === 'string' ? [d.user_ids] : null;
    const ids = wanted ? guild.memberIds.filter((id) => wanted.includes(id)) : guild.memberIds;
    const members = ids.flatMap((id) => {
      const user = this.state.users.get(id);
      return user ? [memberPayload(user, guild)] : [];
    });
    const notFound = wanted ? wanted.filter((id) => !ids.includes(id)) : [];
    session.dispatch('GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: notFound,
      ...(d.nonce === undefined ? {} : { nonce: d.nonce }),
    });
  }

  #onClose(socket: WebSocket, code: number): void {
    const session = this.#bySocket.get(socket);
    this.#bySocket.delete(socket);
    if (!session || session.socket !== socket) return;
    session.socket = null;
    // A client that closes with 1000/1001 ends its session (Discord does the same); 4200 and
    // abnormal closes keep it for RESUME.
    if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
    this.state.notify();
  }
}

function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
}

function parseShard(value: unknown): readonly [number, number] {
  return Array.isArray(value) && value.length === 2 ? [Number(value[0]), Number(value[1])] : [0, 1];
}

function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), SOCKET_CLOSE_GRACE_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.close(GatewayCloseCodes.AuthenticationFailed, 'Fake Discord server closed.');
  });
}
