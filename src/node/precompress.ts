/**
 * Compressing once, serving many times: brotli (quality 11) and gzip (level 9) copies of what
 * the relay serves, made at build time for the app's files and once per schedule version for
 * the schedule. Async (zlib's thread pool): the relay keeps answering meanwhile.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A body in the encodings a client may ask for (a variant is missing when it was no smaller). */
export interface Precompressed {
  br?: Buffer;
  gzip?: Buffer;
}

/** Brotli and gzip copies of `body`, each kept only when smaller than the original. */
export async function precompress(body: Buffer): Promise<Precompressed> {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  return {
    ...(br.length < body.length ? { br } : {}),
    ...(gz.length < body.length ? { gzip: gz } : {}),
  };
}

/** File types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
  '.ics',
  '.ico',
]);

/**
 * Writes `file.br` and `file.gz` beside every compressible file under `dir` (source maps
 * excepted: the relay serves them only on request, uncompressed). Returns the files done.
 */
export async function precompressFolder(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath, e.name));
  await Promise.all(
    files.map(async (file) => {
      const copies = await precompress(await readFile(file));
      if (copies.br) await writeFile(`${file}.br`, copies.br);
      if (copies.gzip) await writeFile(`${file}.gz`, copies.gzip);
    }),
  );
  return files.length;
}

/**
 * The Vite plugin: precompresses the whole output folder after everything else has written to
 * it (vite-plugin-pwa writes sw.js in its own closeBundle, which this one follows).
 */
export function precompressBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'planb-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        if ((await stat(outDir).catch(() => undefined))?.isDirectory())
          await precompressFolder(outDir);
      },
    },
  };
}
