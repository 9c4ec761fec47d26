/**
 * Schedule data layer figures: parse time (median of 5), import into IndexedDB (fake-indexeddb
 * in Node; the browser figure is in bench/browser.ts) and peak memory, for FOSDEM 2020, FOSDEM
 * 2024 and the synthetic 10× FOSDEM.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSchedule } from '../src/domain/schedule';
import { openPlanBDb } from '../src/storage/db';
import { importConference, loadCurrentConference } from '../src/storage/schedule-repo';
import { syntheticFosdemXml } from './synthetic';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** p-th percentile (0–100), nearest rank. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Folder of the real schedules. */
export const SHARED =
  process.env.PLANB_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data');

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** Runs the parse/import benchmark; returns printable lines. */
export async function benchParse(): Promise<string[]> {
  const inputs: [string, string][] = [];
  for (const file of ['fosdem-2020-schedule.xml', 'fosdem-2024-schedule.xml']) {
    const path = resolve(SHARED, file);
    if (existsSync(path)) inputs.push([file, readFileSync(path, 'utf8')]);
  }
  if (inputs.length === 0) inputs.push(['(real schedules skipped: ../shared/data not found)', '']);
  inputs.push(['synthetic 10× FOSDEM', syntheticFosdemXml({ scale: 10 }).xml]);
  const lines = [
    '| schedule | size | talks | parse median of 5 | import (fake-indexeddb) | read back | heap peak Δ |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, text] of inputs) {
    if (!text) {
      lines.push(`| ${name} | | | | | | |`);
      continue;
    }
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    const parses: number[] = [];
    let talks = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, c] = await time(() => parseSchedule(text));
      parses.push(ms);
      talks = c.talks.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const db = await openPlanBDb(`bench-${name}-${Date.now()}`);
    // Parse + swap in, as an import does.
    const [importMs] = await time(() =>
      importConference(db, parseSchedule(text), { source: name }),
    );
    const [readMs] = await time(() => loadCurrentConference(db));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    clearInterval(sampler);
    db.close();
    lines.push(
      `| ${name} | ${(text.length / 1024 / 1024).toFixed(1)} MB | ${talks} | ${median(parses).toFixed(1)} ms | ${importMs.toFixed(0)} ms | ${readMs.toFixed(0)} ms | ${((peak - heapBefore) / 1024 / 1024).toFixed(0)} MB |`,
    );
  }
  return lines;
}
