/**
 * SANE options by name. Indices differ between backends and may change after a RELOAD_OPTIONS,
 * so the table is rebuilt whenever libsane says so (the test backend refuses a set otherwise).
 */
import { AppError } from '../../../../shared/api/errors';
import { SaneCap, SaneInfo, SaneStatus, SaneType, type SaneHandle, type SaneLibrary, type SaneOptionDescriptor } from './sane-ffi';

export class SaneOptions {
  private byName = new Map<string, SaneOptionDescriptor>();

  constructor(
    private readonly lib: SaneLibrary,
    private readonly handle: SaneHandle,
  ) {
    this.reload();
  }

  reload(): void {
    this.byName.clear();
    const count = this.lib.optionCount(this.handle);
    for (let i = 1; i < count; i++) {
      const d = this.lib.describe(this.handle, i);
      if (d !== undefined && d.name !== '') this.byName.set(d.name, d);
    }
  }

  get(name: string): SaneOptionDescriptor | undefined {
    const d = this.byName.get(name);
    return d !== undefined && (d.cap & SaneCap.INACTIVE) === 0 ? d : undefined;
  }

  /**
   * Sets `name` to a string or a number (FIXED options take the real value). Returns false if
   * the backend has no such active option; throws `scanner.unsupported` if it refuses the value.
   */
  set(name: string, value: string | number): boolean {
    const d = this.get(name);
    if (d === undefined || (d.cap & SaneCap.SOFT_SELECT) === 0) return false;
    const buffer = encode(d, value);
    const { status, info } = this.lib.setOption(this.handle, d.index, buffer);
    if (status !== SaneStatus.GOOD) throw new AppError('scanner.unsupported', { option: `${name}=${value}` });
    if ((info & SaneInfo.RELOAD_OPTIONS) !== 0) this.reload();
    return true;
  }

  /** The first of `candidates` the option lists (case-insensitive), for names that vary by backend. */
  pick(name: string, candidates: readonly string[]): string | undefined {
    const offered = this.get(name)?.strings ?? [];
    for (const c of candidates) {
      const hit = offered.find((o) => o.toLowerCase() === c.toLowerCase());
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
}

function encode(d: SaneOptionDescriptor, value: string | number): Buffer {
  if (d.type === SaneType.STRING) {
    const buffer = Buffer.alloc(Math.max(d.size, 1));
    buffer.write(String(value), 0, buffer.length - 1, 'utf8');
    return buffer;
  }
  const buffer = Buffer.alloc(Math.max(d.size, 4));
  const n = Number(value);
  const raw = d.type === SaneType.FIXED ? Math.round(n * 65536) : Math.round(n);
  buffer.writeInt32LE(nearestAllowed(d, raw), 0);
  return buffer;
}

/** Real devices refuse values outside their list or range; pick the nearest they accept. */
function nearestAllowed(d: SaneOptionDescriptor, raw: number): number {
  if (d.words !== undefined && d.words.length > 0) {
    return d.words.reduce((best, w) => (Math.abs(w - raw) < Math.abs(best - raw) ? w : best));
  }
  if (d.range !== undefined) return Math.min(d.range.max, Math.max(d.range.min, raw));
  return raw;
}

/** The range or list of a FIXED/INT option as real numbers. */
export function numericValues(d: SaneOptionDescriptor | undefined): { min: number; max: number; list?: number[] } | undefined {
  if (d === undefined) return undefined;
  const scale = d.type === SaneType.FIXED ? 1 / 65536 : 1;
  if (d.words !== undefined && d.words.length > 0) {
    const list = d.words.map((w) => w * scale);
    return { min: Math.min(...list), max: Math.max(...list), list };
  }
  if (d.range !== undefined) return { min: d.range.min * scale, max: d.range.max * scale };
  return undefined;
}
