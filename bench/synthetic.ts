/**
 * A synthetic FOSDEM-shaped schedule of any size (Pentabarf XML), for benchmarks and for testing
 * long lists: `scale` 10 gives ~11,000 talks over two days in 350 rooms of the ULB buildings.
 * Deterministic: the same seed always gives the same file.
 */

const TOPICS = [
  'containers',
  'kubernetes',
  'rust',
  'postgresql',
  'webassembly',
  'observability',
  'matrix',
  'risc-v',
  'firmware',
  'compilers',
  'privacy',
  'gnunet',
  'openstreetmap',
  'accessibility',
  'embedded linux',
  'nix',
  'guix',
  'python',
  'go',
  'llvm',
  'kernel',
  'security',
  'sbom',
  'ci',
] as const;
const VERBS = [
  'Scaling',
  'Debugging',
  'Securing',
  'Packaging',
  'Testing',
  'Teaching',
  'Profiling',
  'Porting',
];
const NOUNS = [
  'in production',
  'on small boards',
  'for everyone',
  'without tears',
  'at the edge',
  'ten years on',
];
const FIRST = [
  'Ana',
  'Bram',
  'Chloé',
  'Dries',
  'Eleni',
  'Frédéric',
  'Gosia',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemal',
  'Lotte',
];
const LAST = [
  'Peeters',
  'Janssens',
  'Müller',
  'Dubois',
  'Novak',
  'Silva',
  'Kowalski',
  'Ngata',
  'Lambert',
  'Ivanova',
];
const BUILDINGS = [
  (i: number) => `AW1.${100 + i}`,
  (i: number) => `H.${2200 + i}`,
  (i: number) => `K.${1 + (i % 4)}.${101 + i}`,
  (i: number) => `UA2.${100 + i}`,
  (i: number) => `UB4.${100 + i}`,
  (i: number) => `UD2.${200 + i}`,
  (i: number) => `J.1.${100 + i}`,
];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const SENTENCES = [
  'We start from a real outage and walk through the logs, the metrics and the fix that finally held.',
  'The second part compares three approaches on the same workload, with numbers you can reproduce at home.',
  'Along the way we show the commands, the configuration and the mistakes we made so that you do not have to.',
  'This talk is for people who maintain infrastructure for a community project with few volunteers.',
  'Expect a live demo, a short history of the project, and an honest list of what still does not work.',
  'No prior knowledge is assumed beyond a working shell and some curiosity about how things fit together.',
];

// FOSDEM abstracts run to a few paragraphs (about 2.5 KB of escaped HTML per event with the rest).
function filler(random: () => number): string {
  const count = 4 + Math.floor(random() * 6);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(SENTENCES[Math.floor(random() * SENTENCES.length)]!);
  return `<p>${parts.join(' ')}</p><ul><li>See <a href="https://example.org/docs">the docs</a></li><li><code>make check</code></li></ul>`;
}

/** Options for syntheticFosdemXml. */
export interface SyntheticOptions {
  /** 1 ≈ FOSDEM (35 rooms, ~1,100 talks); 10 ≈ 11,000 talks. */
  scale: number;
  seed?: number;
}

/** Generates the XML text and reports how many talks it holds. */
export function syntheticFosdemXml({ scale, seed = 2026 }: SyntheticOptions): {
  xml: string;
  talks: number;
} {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const roomCount = Math.round(35 * scale);
  const rooms = Array.from({ length: roomCount }, (_, i) =>
    BUILDINGS[i % BUILDINGS.length]!(Math.floor(i / BUILDINGS.length)),
  );
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n  <conference>\n',
    `    <title>Synthetic FOSDEM ×${scale}</title>\n    <acronym>synthetic-fosdem-${scale}</acronym>\n`,
    '    <venue>ULB Solbosch</venue>\n    <city>Brussels</city>\n    <start>2027-02-06</start>\n',
    '    <end>2027-02-07</end>\n    <days>2</days>\n    <time_zone_name>Europe/Brussels</time_zone_name>\n  </conference>\n',
  ];
  let id = 100_000;
  let talks = 0;
  for (const [dayIndex, date] of ['2027-02-06', '2027-02-07'].entries()) {
    out.push(`  <day index="${dayIndex + 1}" date="${date}">\n`);
    for (const room of rooms) {
      const track = `${pick(TOPICS)} devroom`;
      out.push(`    <room name="${escapeXml(room)}">\n`);
      // Talks of 15–50 minutes from 09:00 to 19:00 with short breaks, as in real devrooms.
      let minute = 9 * 60 + Math.floor(random() * 4) * 15;
      while (minute < 19 * 60) {
        const duration = 15 + Math.floor(random() * 8) * 5;
        const topic = pick(TOPICS);
        const title = `${pick(VERBS)} ${topic} ${pick(NOUNS)}`;
        const speaker = `${pick(FIRST)} ${pick(LAST)}`;
        id += 1;
        talks += 1;
        const abstract = `<p>${title}: what we learned running ${topic} for ${Math.floor(random() * 90) + 2} projects.</p><p>Bring questions about ${pick(TOPICS)} and ${pick(TOPICS)}.</p>${filler(random)}`;
        out.push(
          `      <event id="${id}">\n        <start>${pad(Math.floor(minute / 60))}:${pad(minute % 60)}</start>\n` +
            `        <duration>00:${pad(duration)}</duration>\n        <room>${escapeXml(room)}</room>\n` +
            `        <slug>synthetic-${id}</slug>\n        <title>${escapeXml(title)}</title>\n        <subtitle/>\n` +
            `        <track>${escapeXml(track)}</track>\n        <type>devroom</type>\n        <language>en</language>\n` +
            `        <abstract>${escapeXml(abstract)}</abstract>\n        <description/>\n` +
            `        <persons>\n          <person id="${id}">${escapeXml(speaker)}</person>\n        </persons>\n` +
            `        <links>\n          <link href="https://example.org/slides/${id}.pdf">Slides</link>\n        </links>\n      </event>\n`,
        );
        minute += duration + 5 * Math.floor(random() * 3);
      }
      out.push('    </room>\n');
    }
    out.push('  </day>\n');
  }
  out.push('</schedule>\n');
  return { xml: out.join(''), talks };
}
