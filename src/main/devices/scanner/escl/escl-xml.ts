/**
 * The few eSCL XML shapes we read and write (Mopria eSCL 2.x; sane-airscan's airscan-escl.c as
 * the practical reference). Devices vary in prefixes, so elements are matched by local name.
 */
import { commonResolutions, fittingPageSizes, type ColorMode, type ScannerCapabilities, type ScanOptions, type ScanSource } from '../scanner';

/** Units of eSCL geometry: 1/300 inch. */
const PER_MM = 300 / 25.4;

function elements(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${local}>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1] ?? '');
}

function first(xml: string, local: string): string | undefined {
  return elements(xml, local)[0]?.trim();
}

const MODES: Record<string, ColorMode> = { RGB24: 'color', Grayscale8: 'gray' };

export interface EsclCapabilities extends ScannerCapabilities {
  readonly makeAndModel: string;
}

/** Reads `scan:ScannerCapabilities`. 1-bit modes are left out: 1-bit JPEGs do not decode (airscan does the same). */
export function parseCapabilities(xml: string): EsclCapabilities {
  const platen = first(xml, 'PlatenInputCaps');
  const adf = first(xml, 'AdfSimplexInputCaps');
  const duplex = first(xml, 'AdfDuplexInputCaps');
  const sources: ScanSource[] = [];
  if (platen !== undefined) sources.push('flatbed');
  if (adf !== undefined) sources.push('adf');
  if (duplex !== undefined) sources.push('adf-duplex');
  const caps = platen ?? adf ?? duplex ?? '';
  const discrete = elements(caps, 'XResolution').map((r) => Number(r.trim())).filter((r) => Number.isFinite(r));
  const min = Number(first(caps, 'Min') ?? 0);
  const max = Number(first(caps, 'Max') ?? 0);
  const resolutions = [...new Set(discrete.length > 0 ? discrete : commonResolutions(min, max))].sort((a, b) => a - b);
  const colorModes = [...new Set(elements(caps, 'ColorMode').map((m) => MODES[m.trim()]).filter((m) => m !== undefined))];
  const maxWidthMm = Math.round(Number(first(caps, 'MaxWidth') ?? 0) / PER_MM);
  const maxHeightMm = Math.round(Number(first(caps, 'MaxHeight') ?? 0) / PER_MM);
  return {
    makeAndModel: first(xml, 'MakeAndModel') ?? 'eSCL',
    sources,
    resolutions,
    colorModes,
    pageSizes: fittingPageSizes(maxWidthMm, maxHeightMm),
    maxWidthMm,
    maxHeightMm,
  };
}

/** `scan:ScanSettings` for a job: JPEG pages of the requested area, source, mode and resolution. */
export function scanSettingsXml(options: ScanOptions, caps: ScannerCapabilities): string {
  const width = Math.round(Math.min(options.pageSize.widthMm, caps.maxWidthMm || options.pageSize.widthMm) * PER_MM);
  const height = Math.round(Math.min(options.pageSize.heightMm, caps.maxHeightMm || options.pageSize.heightMm) * PER_MM);
  const source = options.source === 'flatbed' ? 'Platen' : 'Feeder';
  const mode = options.colorMode === 'color' ? 'RGB24' : 'Grayscale8';
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.0</pwg:Version>
  <pwg:ScanRegions><pwg:ScanRegion>
    <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
    <pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>
    <pwg:Width>${width}</pwg:Width><pwg:Height>${height}</pwg:Height>
  </pwg:ScanRegion></pwg:ScanRegions>
  <pwg:InputSource>${source}</pwg:InputSource>
  <scan:ColorMode>${mode}</scan:ColorMode>
  <pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat>
  <scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt>
  <scan:XResolution>${options.resolution}</scan:XResolution>
  <scan:YResolution>${options.resolution}</scan:YResolution>${options.source === 'adf-duplex' ? '\n  <scan:Duplex>true</scan:Duplex>' : ''}
</scan:ScanSettings>`;
}

/** `scan:AdfState` from ScannerStatus: how an empty or jammed feeder is told apart. */
export function adfState(xml: string): string | undefined {
  return first(xml, 'AdfState');
}
