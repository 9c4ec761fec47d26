import { readFileSync } from 'node:fs';
import { buildTopics } from '../src/domain/planb/topics';
import { parseSchedule } from '../src/domain/schedule';

for (const f of ['fosdem-2024-schedule.xml', 'fosdem-2020-schedule.xml', '36c3-schedule.json']) {
  const conf = parseSchedule(readFileSync(`/work/shared/data/${f}`, 'utf8'));
  const times = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    buildTopics(conf);
    times.push((performance.now() - t0).toFixed(0));
  }
  console.log(f, times.join(' '));
}
