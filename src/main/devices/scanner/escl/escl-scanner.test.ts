import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFilePath } from '../pipeline/page-files';
import { processPage } from '../pipeline/page-pipeline';
import { A4, type ScannedPage, type ScanOptions } from '../scanner';
import { EsclScanner } from './escl-scanner';
import { browseEscl, encodeDnsMessage, parseDnsRecords, USCAN_SERVICE } from './mdns';

/**
 * A DNS-SD responder on loopback for one eSCL scanner at `port`, answering like a printer does
 * (PTR, SRV, TXT and A, plus an unrelated IPP service that must be ignored).
 */
async function mdnsResponder(port: number) {
  const socket = createSocket('udp4');
  const questions: string[] = [];
  socket.on('message', (msg, from) => {
    const query = msg.subarray(12);
    questions.push(query.toString('latin1'));
    const instance = `Loopback MFP 100.${USCAN_SERVICE}`;
    const reply = encodeDnsMessage({
      response: true,
      answers: [
        { name: USCAN_SERVICE, type: 12, data: instance },
        { name: instance, type: 33, data: { port, target: 'loopback-mfp.local' } },
        { name: instance, type: 16, data: ['txtvers=1', 'ty=Loopback MFP 100', 'rs=/eSCL'] },
        { name: 'loopback-mfp.local', type: 1, data: '127.0.0.1' },
        { name: '_ipp._tcp.local', type: 12, data: 'Loopback MFP 100._ipp._tcp.local' },
      ],
    });
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, questions };
}

const CAPS = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>Loopback MFP 100</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps>
    <scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>3508</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>150</scan:XResolution><scan:YResolution>150</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:PlatenInputCaps></scan:Platen>
  <scan:Adf><scan:AdfSimplexInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>4200</scan:MaxHeight></scan:AdfSimplexInputCaps></scan:Adf>
</scan:ScannerCapabilities>`;

/** A tiny eSCL responder on loopback: a feeder of `feeder` pages, one real JPEG each. */
function responder(jpeg: Buffer) {
  const state = { feeder: 3, served: 0, jobs: 0, deleted: 0, settings: '', busyOnce: true };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === '/eSCL/ScannerCapabilities') return res.writeHead(200, { 'content-type': 'text/xml' }).end(CAPS);
    if (req.method === 'GET' && url === '/eSCL/ScannerStatus') {
      return res.writeHead(200).end(`<scan:ScannerStatus xmlns:scan="x"><scan:AdfState>ScannerAdfEmpty</scan:AdfState></scan:ScannerStatus>`);
    }
    if (req.method === 'POST' && url === '/eSCL/ScanJobs') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        state.settings = body;
        state.jobs++;
        state.busyOnce = true;
        res.writeHead(201, { location: `/eSCL/ScanJobs/job${state.jobs}` }).end();
      });
      return undefined;
    }
    if (req.method === 'GET' && /^\/eSCL\/ScanJobs\/job\d+\/NextDocument$/u.test(url)) {
      // Like some real devices: 503 just after the job starts.
      if (state.busyOnce) {
        state.busyOnce = false;
        return res.writeHead(503).end();
      }
      const flatbed = state.settings.includes('<pwg:InputSource>Platen');
      if (!flatbed && state.feeder === 0) return res.writeHead(404).end();
      if (!flatbed) state.feeder--;
      state.served++;
      return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    }
    if (req.method === 'DELETE' && /^\/eSCL\/ScanJobs\/job\d+$/u.test(url)) {
      state.deleted++;
      return res.writeHead(200).end();
    }
    return res.writeHead(404).end();
  });
  return { server, state };
}

async function drain(pages: AsyncIterable<ScannedPage>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const p of pages) if (p.kind === 'encoded') out.push(p.bytes);
  return out;
}

describe('eSCL driver against a small eSCL responder on loopback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-escl-'));
  let jpeg = Buffer.alloc(0);
  let fake: ReturnType<typeof responder>;
  let base = '';
  beforeAll(async () => {
    // A real colour JPEG, made by our own pipeline from a raw gradient (what a device would send).
    const width = 240;
    const height = 320;
    const pixels = new Uint8Array(width * height * 3).map((_, i) => (i * 7) % 251);
    const made = await processPage({ kind: 'raw', index: 0, header: { width, height, channels: 3, dpi: 75 }, rows: [pixels] }, { pagesDir: join(dir, 'seed'), colorMode: 'color' });
    jpeg = readFileSync(pageFilePath(join(dir, 'seed'), made.sha256));
    fake = responder(jpeg);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/eSCL`;
  });
  afterAll(() => fake.server.close());

  const options: ScanOptions = { source: 'adf', colorMode: 'gray', resolution: 300, pageSize: A4 };

  it('lists the device and reads its capabilities (1-bit left out)', async () => {
    const scanner = new EsclScanner([base, 'http://127.0.0.1:1/eSCL']);
    expect((await scanner.listDevices()).map((d) => [d.id, d.label])).toEqual([[`escl:${base}`, 'Loopback MFP 100 (eSCL)']]);
    const session = await scanner.open(`escl:${base}`);
    const caps = await session.capabilities();
    expect(caps).toMatchObject({ sources: ['flatbed', 'adf'], resolutions: [150, 300], colorModes: ['gray', 'color'], maxWidthMm: 216 });
    expect(caps.pageSizes.map((s) => s.name)).toContain('A4');
    await session[Symbol.asyncDispose]();
  });

  it('finds the scanner over DNS-SD (_uscan._tcp, a loopback responder) besides the listed addresses', async () => {
    const mdns = await mdnsResponder(Number(new URL(base).port));
    try {
      const scanner = new EsclScanner(['http://127.0.0.1:1/eSCL'], () => browseEscl({ address: '127.0.0.1', port: mdns.port, waitMs: 300 }));
      expect((await scanner.listDevices()).map((d) => [d.id, d.label])).toEqual([[`escl:${base}`, 'Loopback MFP 100 (eSCL)']]);
      // One question: the PTR records (type 12, class IN) of _uscan._tcp.local.
      expect(mdns.questions).toEqual(['\x06_uscan\x04_tcp\x05local\x00\x00\x0c\x00\x01']);
      // Devices compress names: a second A record whose name points back at the first one's (0xc00c).
      const one = encodeDnsMessage({ response: true, answers: [{ name: 'x.local', type: 1, data: '10.0.0.7' }] });
      const compressed = Buffer.concat([one, Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 120, 0, 4, 10, 0, 0, 8])]);
      compressed.writeUInt16BE(2, 6);
      expect(parseDnsRecords(compressed).map((r) => [r.name, r.data])).toEqual([['x.local', '10.0.0.7'], ['x.local', '10.0.0.8']]);
    } finally {
      mdns.socket.close();
    }
  });

  it('scans the feeder until NextDocument says 404, retrying an early 503, and deletes the job', async () => {
    const session = await new EsclScanner([base]).open(`escl:${base}`);
    const pages = await drain(session.scan(options));
    await session[Symbol.asyncDispose]();
    expect(pages).toHaveLength(3);
    expect(Buffer.from(pages[0]!).equals(jpeg)).toBe(true);
    expect(fake.state.settings).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(fake.state.settings).toContain('<scan:ColorMode>Grayscale8</scan:ColorMode>');
    expect(fake.state.deleted).toBe(fake.state.jobs);
    const processed = await processPage({ kind: 'encoded', index: 0, dpi: 300, bytes: pages[0]! }, { pagesDir: join(dir, 'pages'), colorMode: 'gray' });
    expect(processed.channels).toBe(1);
  });

  it('reports an empty feeder as no-paper', async () => {
    const session = await new EsclScanner([base]).open(`escl:${base}`);
    await expect(drain(session.scan(options))).rejects.toMatchObject({ code: 'scanner.no-paper' });
    await session[Symbol.asyncDispose]();
  });

  it('takes one page from the flatbed, and a cancelled scan deletes its job', async () => {
    const session = await new EsclScanner([base]).open(`escl:${base}`);
    expect(await drain(session.scan({ ...options, source: 'flatbed' }))).toHaveLength(1);
    fake.state.feeder = 3;
    const controller = new AbortController();
    const jobsBefore = fake.state.jobs;
    const batch = (async () => {
      for await (const _ of session.scan(options, controller.signal)) controller.abort();
    })();
    await expect(batch).rejects.toMatchObject({ code: 'scanner.cancelled' });
    expect(fake.state.jobs).toBe(jobsBefore + 1);
    await session[Symbol.asyncDispose]();
    expect(fake.state.deleted).toBe(fake.state.jobs);
  });
});
