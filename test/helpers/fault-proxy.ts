/**
 * A TCP proxy on loopback that cuts connections mid-stream (sync.md §6.3; this kernel has no
 * netem). Each accepted connection gets a byte budget from a seeded PRNG, counted over both
 * directions; when it is spent both sides are destroyed, so a request may die half-sent or its
 * answer half-read after the hub committed. `cutting = false` lets traffic through untouched.
 * `latencyMs`/`jitterMs` delay every chunk (in order), `stalled` holds traffic without closing,
 * and `down` resets every connection, for the scheduler and network-namespace tests.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A running proxy; `url` replaces the hub's URL for the clients under test. */
export interface FaultProxy {
  readonly url: string;
  cutting: boolean;
  /** The link is down: every open connection and every new one is reset (a WAN outage). */
  down: boolean;
  /** Added delay per chunk, plus up to `jitterMs` at random; order is kept. */
  latencyMs: number;
  jitterMs: number;
  /** Stops forwarding without closing anything (a stalled link); setting it false delivers what waited. */
  stalled: boolean;
  /** Connections cut so far. */
  readonly cuts: () => number;
  close(): Promise<void>;
}

/** mulberry32: small, seeded, reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where the proxy listens: loopback on a random port unless a test (network namespaces) says otherwise. */
export interface ProxyListen {
  readonly host: string;
  readonly port: number;
}

/** Proxies 127.0.0.1:<random> → `target` (an http://127.0.0.1:port URL). */
export async function startFaultProxy(target: string, seed: number, minBytes = 300, maxBytes = 60_000, listen: ProxyListen = { host: '127.0.0.1', port: 0 }): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const random = seeded(seed);
  const sockets = new Set<Socket>();
  let cuts = 0;
  const proxy = { cutting: true, down: false, latencyMs: 0, jitterMs: 0, stalled: false };
  const held: (() => void)[] = [];
  const server: Server = createServer((client) => {
    if (proxy.down) return void client.resetAndDestroy();
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let budget = minBytes + Math.floor(random() * (maxBytes - minBytes));
    let dead = false;
    const cut = (): void => {
      if (dead) return;
      dead = true;
      cuts += 1;
      client.destroy();
      upstream.destroy();
    };
    const relay = (from: Socket, to: Socket): void => {
      let dueAt = 0;
      // Delivers in arrival order: after the latency, and only once the link is not stalled.
      const send = (chunk: Buffer, after?: () => void): void => {
        const deliver = (): void => {
          if (proxy.stalled) return void held.push(deliver);
          if (!to.destroyed) to.write(chunk);
          after?.();
        };
        if (proxy.latencyMs === 0 && proxy.jitterMs === 0 && dueAt <= Date.now()) return deliver();
        dueAt = Math.max(dueAt, Date.now() + proxy.latencyMs + Math.floor(random() * proxy.jitterMs));
        setTimeout(deliver, dueAt - Date.now());
      };
      from.on('data', (chunk: Buffer) => {
        if (dead) return;
        if (proxy.cutting) {
          budget -= chunk.length;
          if (budget < 0) {
            // Let part of the chunk through so the cut lands mid-message.
            return send(chunk.subarray(0, Math.max(0, chunk.length + budget)), cut);
          }
        }
        send(chunk);
      });
      from.on('end', () => send(Buffer.alloc(0), () => to.end()));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    };
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://${listen.host}:${address.port}`,
    get cutting() {
      return proxy.cutting;
    },
    set cutting(value: boolean) {
      proxy.cutting = value;
    },
    get down() {
      return proxy.down;
    },
    set down(value: boolean) {
      proxy.down = value;
      if (value) for (const s of sockets) s.resetAndDestroy();
    },
    get latencyMs() {
      return proxy.latencyMs;
    },
    set latencyMs(value: number) {
      proxy.latencyMs = value;
    },
    get jitterMs() {
      return proxy.jitterMs;
    },
    set jitterMs(value: number) {
      proxy.jitterMs = value;
    },
    get stalled() {
      return proxy.stalled;
    },
    set stalled(value: boolean) {
      proxy.stalled = value;
      if (!value) for (const deliver of held.splice(0)) deliver();
    },
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
