/**
 * `npm run bench`: every benchmark, printed as Markdown tables. Sections whose inputs are missing
 * (no ../shared/data, no Chromium) say so instead of failing. BENCH_ONLY=parse,search limits it.
 */
import { benchParse } from './parse';

type Section = [name: string, title: string, run: () => Promise<string[]>];

const sections: Section[] = [
  ['parse', 'Schedule parsing and import', benchParse],
  ['search', 'Search', async () => (await import('./search')).benchSearch()],
  ['suggest', 'Plan B suggestions', async () => (await import('./suggest')).benchSuggest()],
  ['conflicts', 'My day', async () => (await import('./conflicts')).benchConflicts()],
  ['relay', 'Relay under load', async () => (await import('./relay')).benchRelay()],
  [
    'fanout',
    'FOSDEM scale: 10,000 live clients on one relay',
    async () => (await import('./fanout')).benchFanout(),
  ],
  [
    'scroll',
    'Schedule list scrolling (Chromium, 4× CPU throttling, 390×844)',
    async () => (await import('./schedule-scroll')).benchScheduleScroll(),
  ],
  [
    'first-open',
    'First open at the venue (Chromium, 4× CPU, throttling proxy)',
    async () => (await import('./first-open')).benchFirstOpen(),
  ],
  [
    'browser',
    'In the browser (Chromium, 4× CPU throttling, 390×844)',
    async () => (await import('./browser')).benchBrowser(),
  ],
  [
    'paint',
    'First paint and second open (Chromium, 4× CPU throttling, 390×844, loopback)',
    async () => (await import('./paint')).benchPaint(),
  ],
];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
console.log(`# Plan B benchmarks (${new Date().toISOString()}, node ${process.version})\n`);
for (const [name, title, run] of sections) {
  if (only && !only.includes(name)) continue;
  console.log(`## ${title}\n`);
  try {
    for (const line of await run()) console.log(line);
  } catch (error) {
    console.log(`(not measured: ${(error as Error).message})`);
  }
  console.log('');
}
process.exit(0);
