import { describe, expect, it } from 'vitest';
import type { Conference, Talk } from '../../src/domain/model';
import { parseSchedule } from '../../src/domain/schedule';
import { buildSearchIndex, matchRanges, searchTalks } from '../../src/domain/search';
import { foldText, htmlToText } from '../../src/domain/text';
import { describeWithSharedData, readShared } from '../support/shared-data';

const HOUR = 3_600_000;
const SAT_9 = Date.UTC(2020, 1, 1, 8);

/** A talk with nothing in it but what the test says. */
function talk(id: string, fields: Partial<Talk> & { speakers?: string[] } = {}): Talk {
  const { speakers = [], ...rest } = fields;
  return {
    key: `slug:${id}`,
    id,
    title: `Talk ${id}`,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'devroom',
    track: '',
    language: 'en',
    persons: speakers.map((name) => ({ id: name, name })),
    start: SAT_9,
    end: SAT_9 + HOUR,
    day: 0,
    room: 'K.1.105',
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
    ...rest,
  };
}

const keysFor = (talks: Talk[], query: string, options = {}) =>
  searchTalks(buildSearchIndex({ talks }), query, options).map((hit) => hit.key);

describe('searching a hand-made schedule', () => {
  it('ranks a title match above speaker, track, subtitle, then abstract and description', () => {
    // Listed (and scheduled) in the reverse of the expected order, so start time cannot explain it.
    const talks = [
      talk('in-description', { description: '<p>Written in Rust.</p>' }),
      talk('in-abstract', { abstract: '<p>We port it to Rust.</p>', start: SAT_9 + 1 }),
      talk('in-subtitle', { subtitle: 'Rust edition', start: SAT_9 + 2 }),
      talk('in-track', { track: 'Rust devroom', start: SAT_9 + 3 }),
      talk('by-speaker', { speakers: ['Rusty Russell'], start: SAT_9 + 4 }),
      talk('in-title', { title: 'Rust for Linux', start: SAT_9 + 5 }),
    ];
    const hits = searchTalks(buildSearchIndex({ talks }), 'rust');
    expect(hits.map((h) => h.key)).toEqual([
      'slug:in-title',
      'slug:by-speaker',
      'slug:in-track',
      'slug:in-subtitle',
      'slug:in-description',
      'slug:in-abstract',
    ]);
    expect(hits.map((h) => h.fields)).toEqual([
      ['title'],
      ['speaker'],
      ['track'],
      ['subtitle'],
      ['description'],
      ['abstract'],
    ]);
  });

  it('needs every word somewhere in the talk, in any field', () => {
    const talks = [
      talk('both', { title: 'Rust in the kernel', speakers: ['Miguel Ojeda'] }),
      talk('rust-only', { title: 'Rust for the web' }),
      talk('kernel-only', { title: 'Kernel debugging' }),
    ];
    expect(keysFor(talks, 'rust kernel')).toEqual(['slug:both']);
    expect(keysFor(talks, 'ojeda kernel')).toEqual(['slug:both']);
    expect(keysFor(talks, 'rust kernel zig')).toEqual([]);
  });

  it('matches the word being typed as a prefix, and short finished words exactly', () => {
    const talks = [
      talk('k8s', { title: 'Kubernetes operators' }),
      talk('go', { title: 'The state of Go' }),
      talk('good', { title: 'Good first issues' }),
    ];
    expect(keysFor(talks, 'kube')).toEqual(['slug:k8s']);
    expect(keysFor(talks, 'kube oper')).toEqual(['slug:k8s']);
    expect(keysFor(talks, 'go')).toEqual(['slug:go', 'slug:good']);
    expect(keysFor(talks, 'go ')).toEqual(['slug:go']);
    expect(keysFor(talks, 'go state')).toEqual(['slug:go']);
  });

  it('puts the word typed in full above longer words it starts', () => {
    const talks = [
      talk('longer', { title: 'Nixpkgs internals' }),
      talk('exact', { title: 'Nix flakes', start: SAT_9 + HOUR }),
    ];
    expect(keysFor(talks, 'nix')).toEqual(['slug:exact', 'slug:longer']);
  });

  it('still finds cancelled talks, below the ones that happen', () => {
    const talks = [
      talk('cancelled', { title: 'Podman in depth', cancelled: true }),
      talk('on', { title: 'Podman in practice', start: SAT_9 + HOUR }),
    ];
    expect(keysFor(talks, 'podman')).toEqual(['slug:on', 'slug:cancelled']);
  });

  it('orders equally good matches by start time, whatever the schedule order', () => {
    const talks = [
      talk('late', { title: 'Matrix bridges', start: SAT_9 + 2 * HOUR }),
      talk('early', { title: 'Matrix bots', start: SAT_9 }),
      talk('middle', { title: 'Matrix rooms', start: SAT_9 + HOUR }),
    ];
    expect(keysFor(talks, 'matrix')).toEqual(['slug:early', 'slug:middle', 'slug:late']);
  });

  it('applies the limit, the day and the filter', () => {
    const talks = Array.from({ length: 80 }, (_, i) =>
      talk(`t${i}`, { title: 'Lightning talk', day: i % 2, start: SAT_9 + i, track: `T${i % 4}` }),
    );
    expect(keysFor(talks, 'lightning')).toHaveLength(50);
    expect(keysFor(talks, 'lightning', { limit: 5 })).toHaveLength(5);
    expect(keysFor(talks, 'lightning', { limit: Infinity })).toHaveLength(80);
    expect(keysFor(talks, 'lightning', { limit: Infinity, day: 1 })).toHaveLength(40);
    const filter = (t: Talk) => t.track === 'T3';
    expect(keysFor(talks, 'lightning', { limit: Infinity, day: 1, filter })).toHaveLength(20);
  });

  it('finds nothing for an empty query, blanks or punctuation only', () => {
    const talks = [talk('a', { title: 'Anything at all' })];
    for (const query of ['', '   ', '"', '-- ?!', '""']) expect(keysFor(talks, query)).toEqual([]);
  });

  it('keeps quoted phrases and joined words ("risc-v") together, in order', () => {
    const talks = [
      talk('phrase', { abstract: 'A fast container runtime for the edge.' }),
      talk('apart', { abstract: 'Every container needs a runtime of some kind.' }),
      talk('riscv', { title: 'Booting RISC-V boards' }),
      talk('risc-and-v', { title: 'RISC history', subtitle: 'V for vintage' }),
    ];
    expect(keysFor(talks, 'container runtime')).toEqual(['slug:phrase', 'slug:apart']);
    expect(keysFor(talks, '"container runtime"')).toEqual(['slug:phrase']);
    expect(keysFor(talks, '"runtime container"')).toEqual([]);
    expect(keysFor(talks, '"container run')).toEqual(['slug:phrase']);
    expect(keysFor(talks, 'risc-v')).toEqual(['slug:riscv']);
  });

  it('does not match the HTML of an abstract, only its text', () => {
    const talks = [
      talk('html', {
        abstract:
          '<p>Hello <strong>world</strong>, see <a href="https://example.org/x">the docs</a>&nbsp;&amp; more.</p><ul><li>caf&eacute; &#8211; cr&egrave;me</li></ul>',
      }),
    ];
    for (const query of [
      'p',
      'p ',
      'strong',
      'href',
      'https',
      'example',
      'ul',
      'li',
      'nbsp',
      'amp',
    ])
      expect(keysFor(talks, query), query).toEqual([]);
    for (const query of ['hello', 'world', 'docs', 'cafe', 'creme', 'café crème'])
      expect(keysFor(talks, query), query).toEqual(['slug:html']);
  });

  it('finds accented and special letters from plain ASCII, and the other way round', () => {
    const talks = [
      talk('fr', { speakers: ['Frédéric Descamps'] }),
      talk('de', { speakers: ['Marcus Müller'], title: 'Die Straße' }),
      talk('oe', { title: 'Œuvres complètes', speakers: ['Łukasz Nowak', 'Søren Ærø'] }),
    ];
    expect(keysFor(talks, 'Frederic')).toEqual(['slug:fr']);
    expect(keysFor(talks, 'FRÉDÉRIC desc')).toEqual(['slug:fr']);
    expect(keysFor(talks, 'MULLER')).toEqual(['slug:de']);
    expect(keysFor(talks, 'strasse')).toEqual(['slug:de']);
    expect(keysFor(talks, 'straße')).toEqual(['slug:de']);
    expect(keysFor(talks, 'oeuvres')).toEqual(['slug:oe']);
    expect(keysFor(talks, 'lukasz soren aero')).toEqual(['slug:oe']);
  });
});

describe('foldText', () => {
  it('folds case, accents, ligatures and compatibility forms', () => {
    expect(foldText('Frédéric MÜLLER')).toBe('frederic muller');
    expect(foldText('Straße ẞ')).toBe('strasse ss');
    expect(foldText('Œdipe cœur Æsir')).toBe('oedipe coeur aesir');
    expect(foldText('Søren Łódź Ðorđe Þór')).toBe('soren lodz dorde thor');
    expect(foldText('ﬁle ＦＵＬＬ İstanbul')).toBe('file full istanbul');
    expect(foldText('e\u0301te\u0301')).toBe('ete');
    expect(foldText('plain ascii 42')).toBe('plain ascii 42');
  });
});

describe('htmlToText', () => {
  it('drops tags, breaks lines at blocks, keeps inline words whole', () => {
    expect(
      htmlToText('<p>One <b>Pod</b>man</p><p>Two<br/>Three</p><ul><li>a</li><li>b</li></ul>'),
    ).toBe('One Podman\nTwo\nThree\na\nb');
  });

  it('decodes named, accented, decimal and hex entities and leaves unknown ones', () => {
    expect(
      htmlToText('caf&eacute; &Uuml;ber &amp; &lt;p&gt; &#8211; &#x1F680; &hellip; &bogus;'),
    ).toBe('café Über & <p> – 🚀 … &bogus;');
  });

  it('passes plain text through and leaves "a < b" alone', () => {
    expect(htmlToText('  if a < b and c > d  ')).toBe('if a < b and c > d');
  });

  it('drops scripts, styles and comments', () => {
    expect(htmlToText('x<script>alert(1)</script><style>p{}</style><!-- note -->y')).toBe('x y');
  });
});

describe('matchRanges', () => {
  it('marks the original characters a folded query word matched', () => {
    expect(matchRanges('Kubernetes for Frédéric', 'kube frederic')).toEqual([
      [0, 4],
      [15, 23],
    ]);
    expect(matchRanges('Die Straße', 'stras')).toEqual([[4, 9]]);
    expect(matchRanges('anything', '')).toEqual([]);
  });
});

describe('searching by room', () => {
  it('finds a talk by its room code with or without dots, below talks naming it in the title', () => {
    const talks = [
      talk('in-room', { room: 'UB5.132' }),
      talk('elsewhere', { room: 'UB5.230', start: SAT_9 + 1 }),
      talk('titled', { title: 'Why UB5.132 is always full', start: SAT_9 + 2 }),
    ];
    expect(keysFor(talks, 'ub5132')).toEqual(['slug:in-room']);
    expect(keysFor(talks, 'UB5.132')).toEqual(['slug:titled', 'slug:in-room']);
    const [hit] = searchTalks(buildSearchIndex({ talks }), 'ub5132');
    expect(hit?.fields).toEqual(['room']);
  });
});

describeWithSharedData('searching FOSDEM 2020', () => {
  const conference: Conference = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const index = buildSearchIndex(conference);
  const search = (query: string, options = {}) => searchTalks(index, query, options);
  const names = (t: Talk) => t.persons.map((p) => p.name);

  it('"podman" puts Sascha Grunert\'s Podman talk in the containers devroom first', () => {
    const [first, ...rest] = search('podman');
    expect(first?.talk.title).toBe('Podman - The Powerful Container Multi-Tool');
    expect(names(first!.talk)).toEqual(['Sascha Grunert']);
    expect(first?.talk.track).toBe('Containers');
    expect(first?.fields[0]).toBe('title');
    // Talks that only mention Podman in their abstract come after it.
    expect(rest.length).toBeGreaterThan(0);
    for (const hit of rest) expect(hit.fields).not.toContain('title');
  });

  it('"Grunert" finds the same talk through its speaker', () => {
    const hits = search('Grunert');
    expect(hits.map((h) => h.talk.title)).toEqual(['Podman - The Powerful Container Multi-Tool']);
    expect(hits[0]?.fields).toEqual(['speaker']);
  });

  it('"udica" finds Lukas Vrabec\'s SELinux talk from a word in its abstract', () => {
    const hits = search('udica');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.talk.title).toMatch(/SELinux/);
    expect(names(hits[0]!.talk)).toEqual(['Lukas Vrabec']);
    expect(hits[0]?.fields).toEqual(['abstract']);
  });

  it('a name typed without accents finds the accented speaker', () => {
    expect(search('Schiessle').map((h) => names(h.talk))).toEqual([['Björn Schießle']]);
    expect(search('jean-francois gagne').map((h) => names(h.talk))).toEqual([
      ['Jean-François Gagné'],
    ]);
    const descamps = search('frederic descamps');
    expect(descamps.length).toBeGreaterThanOrEqual(2);
    for (const hit of descamps) expect(names(hit.talk)).toContain('Frédéric Descamps');
  });

  it('"kube" finds the Kubernetes talks as it is typed, titles first', () => {
    const hits = search('kube', { limit: Infinity });
    expect(hits.length).toBeGreaterThan(20);
    const titled = hits.filter((h) => /kube/i.test(h.talk.title));
    expect(titled.length).toBeGreaterThan(10);
    // Every talk with "kube…" in its title comes before every talk without.
    expect(hits.slice(0, titled.length).every((h) => /kube/i.test(h.talk.title))).toBe(true);
    expect(hits.some((h) => h.talk.title.includes('Kubernetes'))).toBe(true);
  });

  it('a room\'s name or code lists the talks in it ("K.3.201", "k3201", "Rolin")', () => {
    const inK3201 = conference.talks.filter((t) => t.room === 'K.3.201');
    expect(inK3201).toHaveLength(22);
    for (const query of ['K.3.201', 'k3201', 'k.3.201']) {
      const hits = search(query, { limit: Infinity });
      expect(hits.map((h) => h.key).sort(), query).toEqual(inK3201.map((t) => t.key).sort());
      for (const hit of hits) expect(hit.fields).toContain('room');
    }
    const rolin = search('Rolin', { limit: Infinity });
    const inRolin = conference.talks.filter((t) => t.room === 'H.1308 (Rolin)');
    expect(rolin.filter((h) => h.talk.room === 'H.1308 (Rolin)')).toHaveLength(inRolin.length);
  });

  it('an empty query returns nothing', () => {
    expect(search('')).toEqual([]);
    expect(search('  ')).toEqual([]);
  });

  it('the HTML of abstracts is not searchable: tag names do not match', () => {
    const withHtml = conference.talks.filter((t) => t.abstract.includes('<p>')).length;
    expect(withHtml).toBeGreaterThan(500);
    // "p" as a whole word appears in a handful of talks' text, not in the hundreds with <p>.
    expect(search('p ', { limit: Infinity }).length).toBeLessThan(20);
    for (const tag of ['href ', 'ul ', 'br ', 'h2 ', 'nbsp '])
      expect(search(tag, { limit: Infinity }), tag).toEqual([]);
  });
});
