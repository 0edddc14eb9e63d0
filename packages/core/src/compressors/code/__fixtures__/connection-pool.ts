import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';

/** Options of {@link ConnectionPool}. */
export interface PoolOptions {
  /** Most sockets open at once. */
  max: number;
  /** How long an idle socket stays open, in milliseconds. */
  idleMs: number;
  connect: () => Promise<Socket>;
}

/** A socket on loan from the pool; disposing it gives it back. */
export interface Lease extends AsyncDisposable {
  socket: Socket;
  flush(): Promise<number>;
}

/** A bounded pool of sockets, handed out as leases that return themselves when disposed. */
export class ConnectionPool extends EventEmitter {
  private readonly idle: Socket[] = [];
  private open = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    super();
  }

  /** A socket from the idle list, or a new one while under the limit. */
  async acquire(): Promise<Lease> {
    if (this.closed) throw new Error('pool is closed');
    const socket = this.idle.pop() ?? (await this.connectNew());
    return {
      socket,
      flush: () => this.flush(socket),
      [Symbol.asyncDispose]: async () => this.release(socket),
    };
  }

  private async connectNew(): Promise<Socket> {
    if (this.open >= this.options.max) {
      await new Promise((resolve) => this.once('released', resolve));
      return this.idle.pop() ?? this.connectNew();
    }
    this.open++;
    const socket = await this.options.connect();
    socket.setTimeout(this.options.idleMs, () => socket.end());
    socket.once('close', () => {
      this.open--;
      this.emit('closed', socket);
    });
    return socket;
  }

  private release(socket: Socket): void {
    if (this.closed || socket.destroyed) {
      socket.destroy();
      return;
    }
    this.idle.push(socket);
    this.emit('released', socket);
  }

  private async flush(socket: Socket): Promise<number> {
    const pending = socket.writableLength;
    await new Promise<void>((resolve, reject) =>
      socket.write('', (error) => (error ? reject(error) : resolve())),
    );
    return pending;
  }

  /** Leases for every idle socket, one after the other. */
  async *leases(): AsyncGenerator<Lease> {
    while (this.idle.length > 0) yield await this.acquire();
  }

  /** Flushes every idle socket and closes the pool; the bytes flushed. */
  async drain(): Promise<number> {
    let flushed = 0;
    for (await using lease of this.leases()) {
      flushed += await lease.flush();
    }
    this.closed = true;
    return flushed;
  }
}
