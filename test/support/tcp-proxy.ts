import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Where the proxy listens: below the kernel's ephemeral range, so that while it is cut no outgoing
 * connection of any process can take its port as a source port (restore() would then meet
 * EADDRINUSE: seen in CI, with a port from the ephemeral range taken while the proxy was cut).
 */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

/**
 * A TCP proxy between the app and PostgreSQL that a test can cut and restore: a faithful database
 * outage (what a restart looks like from the app) without touching the server other tests share.
 * `cut()` drops every open connection (mid-statement ones too) and stops listening, so new
 * connections are refused (ECONNREFUSED) until `restore()` listens on the same port again.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** Listens on a free loopback port outside the ephemeral range (the first time), or on the same one again. */
  async start(): Promise<this> {
    if (this.port !== 0) return this.listen(this.port);
    const top = ephemeralStart();
    for (let attempt = 0; ; attempt++) {
      const port = 10_000 + Math.floor(Math.random() * (top - 10_000));
      try {
        return await this.listen(port);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 50) throw err;
      }
    }
  }

  private async listen(port: number): Promise<this> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        // a cut resets both sides; the errors that follow are the point, not a failure of the proxy
        s.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Resets every connection through the proxy and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
    await closed;
  }

  async restore(): Promise<void> {
    await this.start();
  }

  /** How many connections go through the proxy now. */
  get connections(): number {
    return this.sockets.size / 2;
  }

  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async stop(): Promise<void> {
    await this.cut();
  }
}
