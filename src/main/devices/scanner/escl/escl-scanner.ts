/**
 * The eSCL driver (driverless network scanners over HTTP): ScannerCapabilities, POST ScanJobs,
 * then GET NextDocument until the device says there is no more (404). The job is deleted on
 * cancel and on dispose, so the device is never left holding a half-read job.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../../shared/api/errors';
import { throwIfCancelled, type ScanDevice, type ScannedPage, type ScanOptions, type Scanner, type ScanSession } from '../scanner';
import { adfState, parseCapabilities, scanSettingsXml, type EsclCapabilities } from './escl-xml';

/** Some devices answer 503 just after a job is created; airscan retries, so do we. */
const RETRIES_503 = 10;
const RETRY_DELAY_MS = 300;

const trimSlash = (url: string) => url.replace(/\/+$/u, '');

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(30_000) });
  } catch (error) {
    // The clerk's Stop aborts the signal; a timeout means the device did not answer.
    const reason: unknown = init.signal?.reason;
    if (init.signal?.aborted === true && !(reason instanceof DOMException && reason.name === 'TimeoutError')) throw new AppError('scanner.cancelled');
    throw new AppError('scanner.no-device', { device: new URL(url).host, cause: String(error).slice(0, 80) });
  }
}

async function capabilitiesOf(base: string, timeoutMs = 30_000): Promise<EsclCapabilities> {
  const res = await request(`${base}/ScannerCapabilities`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new AppError('scanner.no-device', { device: new URL(base).host });
  return parseCapabilities(await res.text());
}

/**
 * eSCL scanners at known base URLs (`http://host:port/eSCL`), plus those `discover` finds
 * (mDNS, escl/mdns.ts) each time the scanners are listed.
 */
export class EsclScanner implements Scanner {
  readonly driver = 'escl' as const;

  /**
   * The ids the latest `listDevices` produced, with their base URLs. A device id names a URL, so
   * `open` accepts only one of these: an id made up by a caller (any URL on the network or on
   * this PC) is refused instead of being fetched.
   */
  #listed = new Map<string, string>();

  constructor(
    private readonly baseUrls: readonly string[],
    private readonly discover?: () => Promise<string[]>,
  ) {}

  async listDevices(): Promise<ScanDevice[]> {
    const discovered = (await this.discover?.().catch(() => [])) ?? [];
    const urls = [...new Set([...this.baseUrls, ...discovered].map(trimSlash))];
    const found = await Promise.all(
      urls.map(async (url) => {
        const base = trimSlash(url);
        // A switched-off network scanner must not hold up the picker.
        const caps = await capabilitiesOf(base, 3_000).catch(() => undefined);
        return caps === undefined ? [] : [{ id: `escl:${base}`, driver: 'escl' as const, label: `${caps.makeAndModel} (eSCL)`, vendor: '', model: caps.makeAndModel }];
      }),
    );
    const devices = found.flat();
    this.#listed = new Map(devices.map((d) => [d.id, d.id.slice('escl:'.length)]));
    return devices;
  }

  /**
   * Opens a device of the latest list. An id not in it triggers one fresh listing (the remembered
   * default after a restart); if it is still not there it is refused with 'scanner.unknown-device'.
   */
  async open(deviceId: string): Promise<ScanSession> {
    if (!this.#listed.has(deviceId)) await this.listDevices();
    const base = this.#listed.get(deviceId);
    if (base === undefined) throw new AppError('scanner.unknown-device');
    const caps = await capabilitiesOf(base);
    return new EsclSession(base, caps, { id: `escl:${base}`, driver: 'escl', label: `${caps.makeAndModel} (eSCL)`, vendor: '', model: caps.makeAndModel });
  }
}

class EsclSession implements ScanSession {
  private job: string | undefined;

  constructor(
    private readonly base: string,
    private readonly caps: EsclCapabilities,
    readonly device: ScanDevice,
  ) {}

  capabilities(): Promise<EsclCapabilities> {
    return Promise.resolve(this.caps);
  }

  async *scan(options: ScanOptions, signal?: AbortSignal): AsyncGenerator<ScannedPage> {
    throwIfCancelled(signal);
    const created = await request(`${this.base}/ScanJobs`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: scanSettingsXml(options, this.caps),
      ...(signal === undefined ? {} : { signal }),
    });
    if (created.status === 503 || created.status === 409) throw new AppError('scanner.busy');
    const location = created.headers.get('location');
    if (created.status !== 201 || location === null) throw new AppError('scanner.failed', { reason: `HTTP ${created.status}` });
    this.job = new URL(location, `${this.base}/`).href;
    const limit = options.source === 'flatbed' ? 1 : (options.maxPages ?? Number.POSITIVE_INFINITY);
    try {
      for (let index = 0; index < limit; index++) {
        const bytes = await this.nextDocument(index, signal);
        if (bytes === undefined) return;
        yield { kind: 'encoded', index, dpi: options.resolution, bytes };
      }
    } finally {
      await this.deleteJob();
    }
  }

  /** One page, or undefined when the job has no more; an empty feeder on page one is no-paper. */
  private async nextDocument(index: number, signal?: AbortSignal): Promise<Uint8Array | undefined> {
    for (let attempt = 0; ; attempt++) {
      throwIfCancelled(signal);
      const res = await request(`${this.job}/NextDocument`, signal === undefined ? {} : { signal });
      if (res.status === 200) return new Uint8Array(await res.arrayBuffer());
      await res.body?.cancel();
      if (res.status === 503 && attempt < RETRIES_503) {
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      if (res.status === 404 || res.status === 410) {
        const state = await this.adfState();
        if (state === 'ScannerAdfJam') throw new AppError('scanner.paper-jam');
        if (index === 0) throw new AppError('scanner.no-paper');
        return undefined;
      }
      throw new AppError('scanner.failed', { reason: `HTTP ${res.status}` });
    }
  }

  private async adfState(): Promise<string | undefined> {
    const res = await request(`${this.base}/ScannerStatus`).catch(() => undefined);
    return res?.ok === true ? adfState(await res.text()) : undefined;
  }

  private async deleteJob(): Promise<void> {
    const job = this.job;
    this.job = undefined;
    if (job === undefined) return;
    const res = await request(job, { method: 'DELETE' }).catch(() => undefined);
    await res?.body?.cancel();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.deleteJob();
  }
}
