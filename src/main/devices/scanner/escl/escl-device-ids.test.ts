/**
 * PC hardening (issue 13): an eSCL device id names a URL, so the driver opens only ids its latest
 * listing produced. A made-up id (any other address, here a second loopback server) is refused
 * before a single request reaches that address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EsclScanner } from './escl-scanner';

const CAPS = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>Loopback MFP 100</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps>
    <scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>3508</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:PlatenInputCaps></scan:Platen>
</scan:ScannerCapabilities>`;

/** A loopback HTTP server that answers like an eSCL scanner and counts what it was asked. */
async function loopbackScanner(): Promise<{ server: Server; base: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/xml' }).end(CAPS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/eSCL`, requests };
}

describe('eSCL device ids', () => {
  let listed: Awaited<ReturnType<typeof loopbackScanner>>;
  let other: Awaited<ReturnType<typeof loopbackScanner>>;
  beforeAll(async () => {
    listed = await loopbackScanner();
    other = await loopbackScanner();
  });
  afterAll(() => {
    listed.server.close();
    other.server.close();
  });

  it('refuses an id that the latest listing did not produce, without fetching its URL', async () => {
    const scanner = new EsclScanner([listed.base]);
    expect((await scanner.listDevices()).map((d) => d.id)).toEqual([`escl:${listed.base}`]);
    await expect(scanner.open(`escl:${other.base}`)).rejects.toMatchObject({ code: 'scanner.unknown-device' });
    await expect(scanner.open(other.base)).rejects.toMatchObject({ code: 'scanner.unknown-device' });
    expect(other.requests).toEqual([]);
  });

  it('opens a listed id, and a remembered one after a fresh listing (a restart)', async () => {
    const session = await new EsclScanner([listed.base]).open(`escl:${listed.base}`);
    expect(session.device.id).toBe(`escl:${listed.base}`);
    await session[Symbol.asyncDispose]();
  });
});
