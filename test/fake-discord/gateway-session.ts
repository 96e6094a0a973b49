import { WebSocket } from 'ws';

const BACKLOG_LIMIT = 1000;

/** One gateway session: survives its socket so RESUME can replay what was missed. */
export class GatewaySession {
  socket: WebSocket | null;
  #seq = 0;
  readonly #backlog: { readonly s: number; readonly frame: string }[] = [];

  constructor(
    readonly id: string,
    socket: WebSocket,
    readonly token: string,
    readonly intents: number,
    readonly shard: readonly [number, number],
  ) {
    this.socket = socket;
  }

  get seq(): number {
    return this.#seq;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  dispatch(event: string, data: unknown): void {
    this.#seq += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: this.#seq, d: data });
    this.#backlog.push({ s: this.#seq, frame });
    if (this.#backlog.length > BACKLOG_LIMIT) this.#backlog.shift();
    if (this.isOpen) this.socket?.send(frame);
  }

  /** Re-sends every dispatch after `seq` on the new socket; false if the backlog no longer reaches back. */
  resume(socket: WebSocket, seq: number): boolean {
    const oldest = this.#backlog[0]?.s ?? this.#seq + 1;
    if (seq < oldest - 1) return false;
    this.socket = socket;
    for (const entry of this.#backlog) if (entry.s > seq) socket.send(entry.frame);
    return true;
  }
}
