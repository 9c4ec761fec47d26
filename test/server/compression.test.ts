// A phone on a saturated venue network gets every file and the schedule compressed: brotli when
// it accepts it, else gzip, with Vary and an ETag per encoding, 304 when it has the version,
// and the plain bytes for a Range request. Raw node:http here: fetch would decode for us.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import { COMPACT_MEDIA_TYPE, decodeCompact } from '../../src/domain/schedule/compact';
import { precompressFolder } from '../../src/node/precompress';
import { DEMO, type RunningRelay, startRelay } from './support';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

const SCRIPT = `export const talks = [${Array.from({ length: 400 }, (_, i) => `"talk ${i}"`).join(', ')}];\n`;

async function builtApp(): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), 'planb-dist-'));
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><title>Plan B</title>${' '.repeat(2000)}`,
  );
  writeFileSync(join(dist, 'app.js'), SCRIPT);
  writeFileSync(join(dist, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await precompressFolder(dist);
  return dist;
}

let running: RunningRelay | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the app files, precompressed at build time', () => {
  it('are served as brotli to a browser, gzip to a client that only takes gzip, plain otherwise', async () => {
    running = await startRelay({ distDir: await builtApp() });
    const url = `${running.base}/app.js`;
    const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get(url, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(SCRIPT);

    // One ETag per encoding, each revalidating only itself.
    const tags = new Set([br, gz, plain].map((a) => a.headers.etag));
    expect(tags.size).toBe(3);
    const again = await get(url, {
      'Accept-Encoding': 'gzip, deflate, br',
      'If-None-Match': br.headers.etag as string,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await get(url, {
      'Accept-Encoding': 'gzip',
      'If-None-Match': br.headers.etag as string,
    });
    expect(other.status).toBe(200);
  });

  it('answer HEAD with the compressed length and no body, and a Range with the plain bytes', async () => {
    running = await startRelay({ distDir: await builtApp() });
    const url = `${running.base}/app.js`;
    const head = await get(url, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBeLessThan(SCRIPT.length / 4);
    expect(head.body.length).toBe(0);
    const part = await get(url, { 'Accept-Encoding': 'br', Range: 'bytes=0-5' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.toString()).toBe(SCRIPT.slice(0, 6));
    expect(part.headers['content-range']).toBe(`bytes 0-5/${SCRIPT.length}`);
  });

  it('never serve a copy older than its file (sw.js changed by hand after the build)', async () => {
    const dist = await builtApp();
    writeFileSync(join(dist, 'app.js'), 'export const changed = true;\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dist, 'app.js'), later, later);
    running = await startRelay({ distDir: dist });
    const answer = await get(`${running.base}/app.js`, { 'Accept-Encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe('export const changed = true;\n');
  });

  it('leave images alone (they are compressed already)', async () => {
    running = await startRelay({ distDir: await builtApp() });
    const png = await get(`${running.base}/icon.png`, { 'Accept-Encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(4);
  });
});

describe('the schedule, compressed once per version', () => {
  it('gives the file as it is by default, and the compact model to a phone that asks for it', async () => {
    running = await startRelay();
    await running.relay.schedule.current.compressed;
    const xml = await get(`${running.base}/api/schedule`, { 'Accept-Encoding': 'gzip, br' });
    expect(xml.headers['content-type']).toMatch(/xml/);
    expect(xml.headers['content-encoding']).toBe('br');
    expect(xml.headers.vary).toBe('Accept, Accept-Encoding');
    const fromXml = parseSchedule(brotliDecompressSync(xml.body).toString());

    const compact = await get(`${running.base}/api/schedule`, {
      Accept: `${COMPACT_MEDIA_TYPE}, */*;q=0.1`,
      'Accept-Encoding': 'gzip, deflate, br',
    });
    expect(compact.headers['content-type']).toContain(COMPACT_MEDIA_TYPE);
    expect(compact.headers['content-encoding']).toBe('br');
    expect(Number(compact.headers['content-length'])).toBe(compact.body.length);
    const decoded = decodeCompact(brotliDecompressSync(compact.body).toString());
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(JSON.parse(JSON.stringify(fromXml)));
    expect(fromXml.talks.length).toBeGreaterThan(60);
  });

  it('answers a phone that has this version with 304 and no body, whichever form it got it in', async () => {
    running = await startRelay();
    await running.relay.schedule.current.compressed;
    const phone = { Accept: COMPACT_MEDIA_TYPE, 'Accept-Encoding': 'gzip' };
    const first = await get(`${running.base}/api/schedule`, phone);
    expect(first.headers['content-encoding']).toBe('gzip');
    const xmlTag = (await get(`${running.base}/api/schedule`)).headers.etag as string;
    expect(first.headers.etag).not.toBe(xmlTag);
    for (const tag of [first.headers.etag as string, xmlTag, `W/${xmlTag}`]) {
      const again = await get(`${running.base}/api/schedule`, { ...phone, 'If-None-Match': tag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
    const stale = await get(`${running.base}/api/schedule`, {
      ...phone,
      'If-None-Match': '"an-older-version.c1.gz"',
    });
    expect(stale.status).toBe(200);
  });

  it('is served plain while its compressed copies are still being made', async () => {
    running = await startRelay();
    const s = running.relay.schedule.current;
    s.compact.compressed = {};
    const plain = await get(`${running.base}/api/schedule`, {
      Accept: COMPACT_MEDIA_TYPE,
      'Accept-Encoding': 'br',
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(decodeCompact(plain.body.toString()).talks.length).toBe(
      parseSchedule(readFileSync(DEMO, 'utf8')).talks.length,
    );
  });
});
