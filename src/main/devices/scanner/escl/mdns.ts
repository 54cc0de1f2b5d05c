/**
 * Finding eSCL scanners with DNS-SD over multicast DNS (RFC 6762/6763): one PTR query for
 * `_uscan._tcp.local` sent from an ephemeral port (a "one-shot" query, which responders answer
 * by unicast to that port), then every answer collected for a short while. A scanner is its
 * SRV (host, port), its A record and its TXT `rs` (the eSCL root, usually `eSCL`). Plain HTTP
 * only: `_uscans._tcp` (HTTPS, often self-signed) needs per-device trust, which is not built.
 */
import { createSocket } from 'node:dgram';

export const USCAN_SERVICE = '_uscan._tcp.local';
const TYPE = { A: 1, PTR: 12, TXT: 16, SRV: 33 } as const;
const CLASS_IN = 1;

export interface DnsRecord {
  readonly name: string;
  readonly type: number;
  readonly ttl?: number;
  /** PTR: the target name; A: dotted address; SRV: {port, target}; TXT: the strings. */
  readonly data: string | { readonly port: number; readonly target: string } | readonly string[];
}

function encodeName(name: string): Buffer {
  const labels = name.split('.').filter((l) => l !== '');
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l)])), Buffer.from([0])]);
}

function encodeData(record: DnsRecord): Buffer {
  const { data } = record;
  if (record.type === TYPE.A && typeof data === 'string') return Buffer.from(data.split('.').map(Number));
  if (record.type === TYPE.PTR && typeof data === 'string') return encodeName(data);
  if (record.type === TYPE.SRV && typeof data === 'object' && !Array.isArray(data) && 'port' in data) {
    const head = Buffer.alloc(6);
    head.writeUInt16BE(data.port, 4);
    return Buffer.concat([head, encodeName(data.target)]);
  }
  if (Array.isArray(data)) return Buffer.concat((data as readonly string[]).map((s) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)])));
  throw new TypeError(`Cannot encode DNS record type ${record.type}`);
}

/** A DNS message: questions (name, type) and records, without name compression. */
export function encodeDnsMessage(message: { response: boolean; questions?: readonly { name: string; type: number }[]; answers?: readonly DnsRecord[] }): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(message.response ? 0x8400 : 0, 2);
  header.writeUInt16BE(message.questions?.length ?? 0, 4);
  header.writeUInt16BE(message.answers?.length ?? 0, 6);
  const questions = (message.questions ?? []).map((q) => {
    const tail = Buffer.alloc(4);
    tail.writeUInt16BE(q.type, 0);
    tail.writeUInt16BE(CLASS_IN, 2);
    return Buffer.concat([encodeName(q.name), tail]);
  });
  const answers = (message.answers ?? []).map((r) => {
    const data = encodeData(r);
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(r.type, 0);
    fixed.writeUInt16BE(CLASS_IN, 2);
    fixed.writeUInt32BE(r.ttl ?? 120, 4);
    fixed.writeUInt16BE(data.length, 8);
    return Buffer.concat([encodeName(r.name), fixed, data]);
  });
  return Buffer.concat([header, ...questions, ...answers]);
}

/** Reads a possibly compressed name at `at`; returns it and where the record continues. */
function readName(buf: Buffer, at: number): { name: string; next: number } {
  const labels: string[] = [];
  let next = -1;
  for (let pos = at, jumps = 0; ; ) {
    const len = buf.readUInt8(pos);
    if (len === 0) return { name: labels.join('.'), next: next < 0 ? pos + 1 : next };
    if ((len & 0xc0) === 0xc0) {
      if (++jumps > 32) throw new RangeError('DNS name loop');
      if (next < 0) next = pos + 2;
      pos = buf.readUInt16BE(pos) & 0x3fff;
      continue;
    }
    labels.push(buf.toString('utf8', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
}

/** Every answer, authority and additional record of a DNS message we understand (A, PTR, SRV, TXT). */
export function parseDnsRecords(buf: Buffer): DnsRecord[] {
  const questions = buf.readUInt16BE(4);
  const records = buf.readUInt16BE(6) + buf.readUInt16BE(8) + buf.readUInt16BE(10);
  let pos = 12;
  for (let i = 0; i < questions; i++) pos = readName(buf, pos).next + 4;
  const out: DnsRecord[] = [];
  for (let i = 0; i < records; i++) {
    const { name, next } = readName(buf, pos);
    const type = buf.readUInt16BE(next);
    const length = buf.readUInt16BE(next + 8);
    const at = next + 10;
    pos = at + length;
    if (type === TYPE.A && length === 4) out.push({ name, type, data: [...buf.subarray(at, at + 4)].join('.') });
    else if (type === TYPE.PTR) out.push({ name, type, data: readName(buf, at).name });
    else if (type === TYPE.SRV) out.push({ name, type, data: { port: buf.readUInt16BE(at + 4), target: readName(buf, at + 6).name } });
    else if (type === TYPE.TXT) {
      const strings: string[] = [];
      for (let p = at; p < at + length; p += 1 + buf.readUInt8(p)) strings.push(buf.toString('utf8', p + 1, p + 1 + buf.readUInt8(p)));
      out.push({ name, type, data: strings });
    }
  }
  return out;
}

const lower = (s: string) => s.toLowerCase();

/** eSCL base URLs from the records gathered: PTR → SRV (+ TXT rs) → A. */
export function esclUrlsFrom(records: readonly DnsRecord[]): string[] {
  const urls = new Set<string>();
  const find = (type: number, name: string) => records.filter((r) => r.type === type && lower(r.name) === lower(name));
  for (const ptr of find(TYPE.PTR, USCAN_SERVICE)) {
    const instance = ptr.data as string;
    const txt = find(TYPE.TXT, instance)[0]?.data as readonly string[] | undefined;
    const rs = (txt ?? []).find((s) => lower(s).startsWith('rs='))?.slice(3).replace(/^\/+|\/+$/gu, '') ?? 'eSCL';
    for (const srv of find(TYPE.SRV, instance)) {
      const { port, target } = srv.data as { port: number; target: string };
      for (const a of find(TYPE.A, target)) urls.add(`http://${a.data as string}:${port}/${rs}`);
    }
  }
  return [...urls];
}

export interface BrowseOptions {
  /** Where the query goes: the mDNS group by default; a loopback responder in tests. */
  readonly address?: string;
  readonly port?: number;
  /** How long answers are collected. */
  readonly waitMs?: number;
}

/** Asks the network for `_uscan._tcp` scanners; resolves with their eSCL base URLs (none on any error). */
export function browseEscl(options: BrowseOptions = {}): Promise<string[]> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    const records: DnsRecord[] = [];
    const finish = () => {
      socket.close();
      resolve(esclUrlsFrom(records));
    };
    socket.on('message', (msg) => {
      try {
        records.push(...parseDnsRecords(msg));
      } catch {
        // A malformed packet from some other device: ignore it.
      }
    });
    socket.on('error', () => {
      clearTimeout(timer);
      socket.close();
      resolve([]);
    });
    const timer = setTimeout(finish, options.waitMs ?? 1500);
    socket.bind(0, () => {
      const query = encodeDnsMessage({ response: false, questions: [{ name: USCAN_SERVICE, type: TYPE.PTR }] });
      socket.send(query, options.port ?? 5353, options.address ?? '224.0.0.251');
    });
  });
}
