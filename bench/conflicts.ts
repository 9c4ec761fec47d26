/**
 * My day benchmark: findConflicts on 20,000 back-to-back bookmarks across campus (the scale
 * test's input, timed here instead of in the test), and planDay with every talk of each FOSDEM
 * 2020 day bookmarked (the worst a real user can do). Median of 5 runs each.
 * `benchConflicts()` returns printable lines; alone: `BENCH_ONLY=conflicts npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConflicts } from '../src/domain/conflicts';
import type { Talk } from '../src/domain/model';
import { planDay } from '../src/domain/my-day';
import { parseSchedule } from '../src/domain/schedule';
import { ULB_SOLBOSCH, venueForConference } from '../src/domain/venue';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED_DATA_DIR = process.env.PLANB_SHARED_DATA ?? resolve(here, '../../shared/data');
const RUNS = 5;

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

function backToBack(n: number): Talk[] {
  const base = Date.parse('2027-02-06T00:00:00Z');
  const rooms = ['Janson', 'K.3.401'];
  return Array.from({ length: n }, (_, i) => ({
    key: `t${i}`,
    id: `t${i}`,
    title: `t${i}`,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'talk',
    track: '',
    language: 'en',
    persons: [],
    start: base + i * 10 * 60_000,
    end: base + (i + 1) * 10 * 60_000,
    day: 0,
    room: rooms[i % 2]!,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
  })).reverse();
}

/** The benchmark's lines: a Markdown table. */
export async function benchConflicts(): Promise<string[]> {
  const lines = ['| what | talks | median |', '|---|---|---|'];
  const many = backToBack(20_000);
  const ms = median(() => findConflicts(many, ULB_SOLBOSCH));
  lines.push(`| findConflicts, back to back across campus | 20,000 | ${ms.toFixed(1)} ms |`);
  const file = resolve(SHARED_DATA_DIR, 'fosdem-2020-schedule.xml');
  if (!existsSync(file)) {
    lines.push('', `(planDay on FOSDEM 2020 not measured: ${file} is missing)`);
    return lines;
  }
  const conference = parseSchedule(readFileSync(file, 'utf8'));
  const venue = venueForConference(conference);
  for (const day of conference.days) {
    const keys = conference.talks.filter((t) => t.day === day.index).map((t) => t.key);
    const ms = median(() => planDay(conference, keys, day.index, venue, day.start));
    lines.push(
      `| planDay, every talk of FOSDEM 2020 ${day.date} bookmarked | ${keys.length} | ${ms.toFixed(1)} ms |`,
    );
  }
  return lines;
}
