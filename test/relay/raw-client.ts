import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { relayCredential } from '../../shared/collab/relay-token';

/*
 * A WebSocket client that writes Hocuspocus frames by hand: how a modified app would try to get
 * past the relay's roles, and how a client of another protocol looks to it.
 */

const SYNC = 0;
const AUTH = 2;
const SYNC_STATUS = 8;
const AUTH_TOKEN = 0;
const AUTH_AUTHENTICATED = 2;
const AUTH_DENIED = 1;

export interface RawFrame {
  name: string;
  type: number;
  decoder: decoding.Decoder;
}

export class RawClient {
  readonly frames: RawFrame[] = [];
  closed: { code: number; reason: string } | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const name = decoding.readVarString(decoder);
      this.frames.push({ name, type: decoding.readVarUint(decoder), decoder });
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }

  static async open(url: string): Promise<RawClient> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  sendBytes(bytes: Uint8Array): void {
    this.socket.send(bytes);
  }

  private frame(name: string, write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, name);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Authenticates and answers the scope the relay granted, or the reason it refused. */
  async authenticate(name: string, token: string): Promise<{ scope?: string; denied?: string }> {
    const seen = this.frames.length;
    this.frame(name, (encoder) => {
      encoding.writeVarUint(encoder, AUTH);
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, relayCredential(token));
    });
    const reply = await this.next((f) => f.type === AUTH, seen);
    const kind = decoding.readVarUint(reply.decoder);
    const text = decoding.readVarString(reply.decoder);
    if (kind === AUTH_AUTHENTICATED) return { scope: text };
    if (kind === AUTH_DENIED) return { denied: text };
    throw new Error(`unexpected auth reply ${kind}`);
  }

  /** Sends a Yjs update as a sync "update" (2) or "step 2" (1) message; answers the relay's sync status (true = applied). */
  async sendUpdate(name: string, update: Uint8Array, step: 1 | 2 = 2): Promise<boolean> {
    const seen = this.frames.length;
    this.frame(name, (encoder) => {
      encoding.writeVarUint(encoder, SYNC);
      encoding.writeVarUint(encoder, step);
      encoding.writeVarUint8Array(encoder, update);
    });
    const reply = await this.next((f) => f.type === SYNC_STATUS, seen);
    return decoding.readVarInt(reply.decoder) === 1;
  }

  async next(match: (frame: RawFrame) => boolean, from = 0): Promise<RawFrame> {
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.closed) throw new Error(`closed ${this.closed.code} ${this.closed.reason}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async waitClosed(): Promise<{ code: number; reason: string }> {
    while (!this.closed) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.closed;
  }

  close(): void {
    this.socket.close();
  }
}
