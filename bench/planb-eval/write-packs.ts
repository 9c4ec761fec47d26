/**
 * Writes the grading packs for the Plan B evaluation set: per scenario, the full talk and every
 * candidate with its title, track, speakers and abstract, and nothing from the engine, so the
 * grades are blind to its output. Usage: `npx tsx bench/planb-eval/write-packs.ts <out dir> <packs>`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Talk } from '../../src/domain/model';
import { parseSchedule } from '../../src/domain/schedule';
import { htmlToText } from '../../src/domain/text';
import { candidatesAt, EVAL_SOURCES, pickScenarios } from './scenarios';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.PLANB_SHARED_DATA ?? resolve(here, '../../../shared/data');
const [outDir = '/tmp/planb-grading', packsArg = '5', skipFile] = process.argv.slice(2);
/** Scenarios already graded (a grades.json): left out of the packs. */
const skip = new Set<string>(
  skipFile
    ? JSON.parse(readFileSync(skipFile, 'utf8')).scenarios.map((s: { id: string }) => s.id)
    : [],
);

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s);
const text = (t: Talk, n: number) =>
  clip(
    htmlToText(t.abstract.trim() ? t.abstract : t.description)
      .replace(/\s+/g, ' ')
      .trim(),
    n,
  );
const describe = (t: Talk, n: number) =>
  [
    `"${t.title}"${t.subtitle ? ` — ${t.subtitle}` : ''}`,
    `track: ${t.track || '(none)'} · type: ${t.type || '?'} · speakers: ${t.persons.map((p) => p.name).join(', ') || '?'}`,
    text(t, n) || '(no abstract)',
  ].join('\n   ');

const scenarios: {
  id: string;
  file: string;
  fullId: string;
  fullTitle: string;
  at: string;
  body: string;
  candidates: { id: string; title: string }[];
}[] = [];
let seed = 7;
for (const source of EVAL_SOURCES) {
  const conference = parseSchedule(readFileSync(join(dataDir, source.file), 'utf8'));
  const prefix = source.file.replace(/-schedule.*$/, '');
  pickScenarios(conference, source.scenarios, seed++).forEach((s, i) => {
    const id = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    if (skip.has(id)) return;
    const candidates = candidatesAt(conference, s.full, s.at);
    const body = [
      `## Scenario ${id}`,
      `FULL TALK (id ${s.full.id}):\n   ${describe(s.full, 900)}`,
      '',
      'CANDIDATES:',
      ...candidates.map((c) => `- id ${c.id}: ${describe(c, 450)}`),
      '',
    ].join('\n');
    scenarios.push({
      id,
      file: source.file,
      fullId: s.full.id,
      fullTitle: s.full.title,
      at: new Date(s.at).toISOString(),
      body,
      candidates: candidates.map((c) => ({ id: c.id, title: c.title })),
    });
  });
}

mkdirSync(outDir, { recursive: true });
const packs = Number(packsArg);
for (let p = 0; p < packs; p++) {
  const mine = scenarios.filter((_, i) => i % packs === p);
  writeFileSync(join(outDir, `pack-${p + 1}.md`), mine.map((s) => s.body).join('\n'));
  writeFileSync(
    join(outDir, `pack-${p + 1}.skeleton.json`),
    JSON.stringify(
      Object.fromEntries(
        mine.map((s) => [s.id, Object.fromEntries(s.candidates.map((c) => [c.id, null]))]),
      ),
      null,
      1,
    ),
  );
}
writeFileSync(
  join(outDir, 'scenarios.json'),
  JSON.stringify(
    scenarios.map(({ body: _b, ...s }) => s),
    null,
    1,
  ),
);
console.log(
  `${scenarios.length} scenarios, ${scenarios.reduce((n, s) => n + s.candidates.length, 0)} candidate pairs, ${packs} packs in ${outDir}`,
);
