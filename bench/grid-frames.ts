/**
 * The timetable grid's frame times on a throttled phone (4× CPU, 390×844): the grid is scrolled
 * down through Saturday and across every room, one step per animation frame, on FOSDEM 2024 and
 * on the synthetic 10× schedule (350 rooms, ~5,500 talks a day). A frame is the time between two
 * animation frames while scrolling; a dropped frame is a 60 Hz vsync missed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { phoneContext, startRelay } from '../test/e2e/harness';
import { percentile, SHARED } from './parse';
import { syntheticFosdemXml } from './synthetic';

const VSYNC_MS = 1000 / 60;

/** Scroll steps per frame: a brisk flick down the day, a fast swipe across the rooms. */
const STEP = { down: 40, across: 60 } as const;

interface Sweep {
  frames: number[];
  /** Blocks in the DOM at the end of the sweep (the grid's windowing at work). */
  blocks: number;
}

/** In the page: scrolls the grid one step per frame from start to end and times each frame. */
// No named inner functions: the bundler's name helper does not exist in the page.
async function sweep([direction, step]: readonly ['down' | 'across', number]): Promise<Sweep> {
  const box = document.querySelector('.grid-scroll') as HTMLElement;
  const down = direction === 'down';
  // Down through the day in the middle of the rooms; across the rooms at midday.
  if (down) {
    box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
    box.scrollTop = 0;
  } else {
    box.scrollTop = (box.scrollHeight - box.clientHeight) / 3;
    box.scrollLeft = 0;
  }
  await new Promise<number>((r) => requestAnimationFrame(r));
  const end = down ? box.scrollHeight - box.clientHeight : box.scrollWidth - box.clientWidth;
  const frames: number[] = [];
  let last = await new Promise<number>((r) => requestAnimationFrame(r));
  for (let at = step; at <= end + step - 1; at += step) {
    if (down) box.scrollTop = Math.min(at, end);
    else box.scrollLeft = Math.min(at, end);
    const now = await new Promise<number>((r) => requestAnimationFrame(r));
    frames.push(now - last);
    last = now;
  }
  return { frames, blocks: document.querySelectorAll('.grid-talk').length };
}

function row(name: string, s: Sweep): string {
  const vsyncs = s.frames.reduce((n, f) => n + Math.max(1, Math.round(f / VSYNC_MS)), 0);
  const dropped = vsyncs - s.frames.length;
  const fmt = (ms: number) => ms.toFixed(1);
  return `| ${name} | ${s.frames.length} | ${fmt(percentile(s.frames, 50))} | ${fmt(percentile(s.frames, 95))} | ${fmt(Math.max(...s.frames))} | ${((100 * dropped) / vsyncs).toFixed(1)} % | ${s.blocks} |`;
}

/** Opens the grid of `url` (imported unthrottled), throttles the CPU 4× and sweeps it. */
async function measure(browser: Browser, url: string): Promise<Record<'down' | 'across', Sweep>> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('.grid-talk', { timeout: 180_000 });
    // Measured once the app is idle: after the import, the search index and the Plan B model.
    await page.waitForFunction(
      () => performance.getEntriesByName('planb-topics-adopted').length > 0,
      undefined,
      { timeout: 180_000 },
    );
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    // A first pass warms the code up; the measured ones run throttled.
    await page.evaluate(sweep, ['down', 200] as const);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const down = await page.evaluate(sweep, ['down', STEP.down] as const);
    const across = await page.evaluate(sweep, ['across', STEP.across] as const);
    return { down, across };
  } finally {
    await context.close();
  }
}

/** The grid rows of the browser benchmark, as a Markdown table. */
export async function benchGridFrames(browser: Browser): Promise<string[]> {
  // Frame times are wall-clock: other work on the machine shows in them, so say how busy it was.
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the start`;
  const lines = [
    '',
    `Timetable grid, scrolled one step per frame at 4× CPU throttling (down: ${STEP.down} px a frame, across: ${STEP.across} px a frame; a dropped frame is a missed 60 Hz vsync; ${load}):`,
    '',
    '| sweep | frames | p50 ms | p95 ms | max ms | dropped frames | blocks in the DOM |',
    '|---|---|---|---|---|---|---|',
  ];
  const fosdem = await startRelay({ schedule: resolve(SHARED, 'fosdem-2024-schedule.xml') });
  try {
    const s = await measure(browser, `${fosdem.url}/?now=2024-02-03T11:00#/grid?day=0`);
    lines.push(
      row('FOSDEM 2024 Saturday (29 rooms, 432 talks), down through the day', s.down),
      row('FOSDEM 2024 Saturday, across every room', s.across),
    );
  } finally {
    await fosdem.stop();
  }
  const { xml, talks } = syntheticFosdemXml({ scale: 10 });
  const file = join(mkdtempSync(join(tmpdir(), 'planb-grid-bench-')), 'synthetic-10.xml');
  writeFileSync(file, xml);
  const synthetic = await startRelay({ schedule: file });
  try {
    const s = await measure(browser, `${synthetic.url}/?now=2027-02-06T11:00#/grid?day=0`);
    lines.push(
      row(`synthetic 10× Saturday (350 rooms, ~${Math.round(talks / 2)} talks), down`, s.down),
      row('synthetic 10× Saturday, across every room', s.across),
    );
  } finally {
    await synthetic.stop();
  }
  return lines;
}
