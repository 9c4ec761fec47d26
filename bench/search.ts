/**
 * Search benchmark: index build and per-keystroke query times on the real FOSDEM 2024 schedule
 * and on the synthetic 10× one. `benchSearch()` returns printable lines for the bench runner;
 * try it alone with `npx tsx -e "import('./bench/search.ts').then(async (m) => console.log((await m.benchSearch()).join('\n')))"`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNameIndex, findNames } from '../src/domain/find-names';
import type { Conference } from '../src/domain/model';
import { parseSchedule } from '../src/domain/schedule';
import { buildSearchIndex, type SearchIndex, searchTalks } from '../src/domain/search';
import { ULB_SOLBOSCH } from '../src/domain/venue';
import { syntheticFosdemXml } from './synthetic';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED_DATA_DIR = process.env.PLANB_SHARED_DATA ?? resolve(here, '../../shared/data');

/** Every prefix of a word, as the search box sees it while it is typed. */
function keystrokes(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
}

/** What people type: one-letter prefixes (the costliest), names, accents, phrases, two words. */
const QUERIES = [
  ...keystrokes('kubernetes'),
  ...keystrokes('postgres'),
  ...keystrokes('frederic'),
  'podman',
  'rust',
  'rust async',
  'müller',
  'MULLER',
  'linux kernel',
  'webassembly',
  'risc-v',
  '"container runtime"',
  'security',
  'matrix',
  'nix',
  'go ',
  'python packaging',
  'open source',
  'the',
  'a',
  'e',
  's',
  'zzzz',
];
/** Names of rooms, buildings, tracks and speakers, as typed: codes without dots, nicknames. */
const NAME_QUERIES = [
  ...keystrokes('ub5132'),
  ...keystrokes('UB5.132'),
  ...keystrokes('Rolin'),
  ...keystrokes('k3201'),
  ...keystrokes('rust devroom'),
  'AW1.120',
  'H.1308',
  'K',
  'sander',
];
const BUILD_RUNS = 5;
const QUERY_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number): string => `${value.toFixed(value < 1 ? 3 : 1)} ms`;

function benchConference(name: string, conference: Conference): string[] {
  const builds: number[] = [];
  let index: SearchIndex | undefined;
  for (let run = 0; run < BUILD_RUNS; run++) {
    const t0 = performance.now();
    index = buildSearchIndex(conference);
    builds.push(performance.now() - t0);
  }
  const built = index!;
  const times: number[] = [];
  let worst = { query: '', time: 0, hits: 0 };
  for (let round = 0; round < QUERY_ROUNDS; round++)
    for (const query of QUERIES) {
      const t0 = performance.now();
      const hits = searchTalks(built, query, { limit: 50 });
      const time = performance.now() - t0;
      times.push(time);
      if (round > 0 && time > worst.time) worst = { query, time, hits: hits.length };
    }
  // What Search does per keystroke: the names (rooms, buildings, tracks, speakers) and the talks.
  const t0 = performance.now();
  const names = buildNameIndex(conference, ULB_SOLBOSCH);
  const nameBuild = performance.now() - t0;
  const both: number[] = [];
  for (let round = 0; round < QUERY_ROUNDS; round++)
    for (const query of [...NAME_QUERIES, ...QUERIES]) {
      const t1 = performance.now();
      findNames(names, query);
      searchTalks(built, query, { limit: 50 });
      if (round > 0) both.push(performance.now() - t1);
    }
  return [
    `search ${name}: ${conference.talks.length} talks, ${built.tokens.length} distinct words, ${built.postings.length} postings`,
    `  index build: median ${ms(median(builds))} of ${BUILD_RUNS} (first ${ms(builds[0]!)})`,
    `  query: median ${ms(median(times))}, p95 ${ms(percentile(times, 95))} over ${QUERIES.length} queries × ${QUERY_ROUNDS}; slowest after warm-up "${worst.query}" ${ms(worst.time)}`,
    `  names (rooms, buildings, tracks, speakers) + talks per keystroke: name index ${ms(nameBuild)}; median ${ms(median(both))}, p95 ${ms(percentile(both, 95))}, max ${ms(Math.max(...both))} over ${NAME_QUERIES.length + QUERIES.length} queries`,
  ];
}

/** Runs the search benchmark on FOSDEM 2024 and the synthetic 10× schedule; returns the report. */
export async function benchSearch(): Promise<string[]> {
  const lines: string[] = [];
  const fosdem = parseSchedule(
    await readFile(resolve(SHARED_DATA_DIR, 'fosdem-2024-schedule.xml'), 'utf8'),
  );
  lines.push(...benchConference('FOSDEM 2024', fosdem));
  const synthetic = parseSchedule(syntheticFosdemXml({ scale: 10 }).xml);
  lines.push(...benchConference('synthetic 10×', synthetic));
  return lines;
}
