/**
 * A TCP proxy on loopback that cuts connections mid-stream (sync.md §6.3; this kernel has no
 * netem). Each accepted connection gets a byte budget from a seeded PRNG, counted over both
 * directions; when it is spent both sides are destroyed, so a request may die half-sent or its
 * answer half-read after the hub committed. `cutting = false` lets traffic through untouched.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A running proxy; `url` replaces the hub's URL for the clients under test. */
export interface FaultProxy {
  readonly url: string;
  cutting: boolean;
  /** The link is down: every open connection and every new one is reset (a WAN outage). */
  down: boolean;
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

/** Proxies 127.0.0.1:<random> → `target` (an http://127.0.0.1:port URL). */
export async function startFaultProxy(target: string, seed: number, minBytes = 300, maxBytes = 60_000): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const random = seeded(seed);
  const sockets = new Set<Socket>();
  let cuts = 0;
  const proxy: { cutting: boolean; down: boolean } = { cutting: true, down: false };
  const server: Server = createServer((client) => {
    if (proxy.down) return void client.resetAndDestroy();
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let budget = minBytes + Math.floor(random() * (maxBytes - minBytes));
    const cut = (): void => {
      cuts += 1;
      client.destroy();
      upstream.destroy();
    };
    const relay = (from: Socket, to: Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (proxy.cutting) {
          budget -= chunk.length;
          if (budget < 0) {
            // Let part of the chunk through so the cut lands mid-message.
            to.write(chunk.subarray(0, Math.max(0, chunk.length + budget)));
            return cut();
          }
        }
        to.write(chunk);
      });
      from.on('end', () => to.end());
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    };
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
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
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
