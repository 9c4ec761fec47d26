// After the conference the attendee publishes "my notes": one tap gives a Markdown draft with a
// section per day and a heading per talk, their notes and commands intact. It must render as
// intended in any CommonMark renderer, whatever the schedule's titles and the notes contain.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { UserRecords } from '../../../src/domain/export/backup';
import { closeOpenBlocks } from '../../../src/domain/export/commonmark';
import { exportMarkdown } from '../../../src/domain/export/markdown';
import { selectForExport, WRITE_UP_KINDS } from '../../../src/domain/export/selection';
import type { Conference } from '../../../src/domain/model';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { describeWithSharedData, readShared } from '../../support/shared-data';
import { demoBackup, demoConference, demoTalk, expectGolden } from './support';

const md = new MarkdownIt('commonmark');
type Token = ReturnType<typeof md.parse>[number];

function tokens(markdown: string): Token[] {
  return md.parse(markdown, {});
}

/** Headings in document order as "h2 Saturday 6 February 2027", text as rendered. */
function headings(markdown: string): string[] {
  const all = tokens(markdown);
  return all.flatMap((t, i) =>
    t.type === 'heading_open' ? [`${t.tag} ${plainText(all[i + 1]!)}`] : [],
  );
}

/** The rendered text of an inline token; throws if it holds anything but text (markup leaked). */
function plainText(inline: Token): string {
  const kinds = new Set((inline.children ?? []).map((c) => c.type));
  kinds.delete('text');
  expect([...kinds], `markup in "${inline.content}"`).toEqual([]);
  return (inline.children ?? []).map((c) => c.content).join('');
}

/** Notes on the given demo talks (by slug), nothing else. */
function notesOn(notes: Record<string, string>): UserRecords {
  return {
    bookmarks: [],
    attended: [],
    notes: Object.entries(notes).map(([slug, text]) => ({
      talk: demoTalk(slug).key,
      text,
      updatedAt: 1,
    })),
  };
}

function writeUp(records: UserRecords, conference: Conference = demoConference()): string {
  return exportMarkdown(selectForExport(conference, records));
}

describe('the Markdown write-up of the demo conference', () => {
  it('matches the golden file (whole conference, and Sunday only)', () => {
    const conference = demoConference();
    const kinds = WRITE_UP_KINDS;
    expectGolden(
      'demo-notes.md.txt',
      exportMarkdown(selectForExport(conference, demoBackup(), { kinds })),
    );
    expectGolden(
      'demo-notes-sunday.md.txt',
      exportMarkdown(selectForExport(conference, demoBackup(), { day: '2027-02-07', kinds })),
    );
  });

  it('has a title, a section per day and a heading per talk, in time order', () => {
    const out = writeUp(demoBackup());
    expect(headings(out)).toEqual([
      'h1 Plan B Demo Conference 2027 — my notes',
      'h2 Saturday 6 February 2027',
      'h3 Welcome to the Plan B Demo Conference',
      'h3 Confining containers with generated SELinux policies',
      'h3 Pods without a daemon: from compose files to pod specs',
      'h3 Live-migrating containers with checkpoint and restore',
      'h3 Kubernetes cluster observability on a budget',
      'h2 Sunday 7 February 2027',
      'h3 Sharding without tears',
      'h3 P2P Matrix: a [live] demo',
      'h3 Closing: see you next year',
      'h2 Other talks',
      'h3 5f0c7a52-0000-4000-8000-00000000c0de',
    ]);
  });

  it('gives speakers, venue-local time, room and building, track and links as a list', () => {
    const out = writeUp(demoBackup());
    const section = out.slice(out.indexOf('### Live-migrating'), out.indexOf('### Kubernetes'));
    expect(section).toContain('- Speaker: Pieter Claes\n');
    expect(section).toContain('- Time: 12:00–12:25\n');
    expect(section).toContain('- Room: UB2.252A (Lameere), Building U\n');
    expect(section).toContain('- Track: Containers\n');
    expect(section).toContain(
      '- Links: [Slides](https://slides.example.org/2027/containers_live_migration.pdf)\n',
    );
    expect(section).toContain('- Attended\n');
    const html = md.render(section);
    expect(html).toContain(
      '<a href="https://slides.example.org/2027/containers_live_migration.pdf">Slides</a>',
    );
    // Janson is both the room and the building: named once.
    expect(out).toContain('- Room: Janson\n');
  });

  it('keeps code blocks intact: the commands come out as fenced code, character for character', () => {
    const fences = tokens(writeUp(demoBackup())).filter((t) => t.type === 'fence');
    expect(fences.map((f) => f.info)).toEqual(['', 'sh', 'yaml']);
    expect(fences[1]!.content).toBe(
      'podman run --pid container:containername --name myname -d alpine\n' +
        'podman pod create --name mypod\n' +
        'podman generate kube -f pod.yml mypod\n' +
        'podman play kube pod.yml\n',
    );
    expect(fences[0]!.content).toBe(
      'podman inspect -l | udica my_container\nsemodule -i my_container.cil\n',
    );
  });

  it('puts the notes in verbatim', () => {
    const backup = demoBackup();
    const out = writeUp(backup);
    for (const note of backup.notes) {
      if (!note.text.includes('Ran out of battery')) expect(out).toContain(note.text.trim());
    }
  });

  it('shows a note whose talk left the schedule with its last known title, time and room', () => {
    const out = writeUp(demoBackup());
    expect(out).toContain(
      '### P2P Matrix: a \\[live\\] demo\n\n- Time: 14:00–14:25\n- Room: UD2.208 (Decroly), Building U\n' +
        '- Track: Decentralized Internet\n- No longer in the schedule: shown as last seen\n\n' +
        'The *live* demo failed',
    );
    expect(out).toContain(
      '- No longer in the schedule (talk guid:5f0c7a52-0000-4000-8000-00000000c0de)',
    );
  });

  it('says so when there is nothing to write up', () => {
    const out = writeUp({ bookmarks: [], notes: [], attended: [] });
    expect(out).toBe(
      '# Plan B Demo Conference 2027 — my notes\n\n' +
        'Nothing to write up yet: bookmark talks, mark them attended or take notes.\n',
    );
  });
});

describe('text from the schedule renders literally', () => {
  const titles = [
    'Kubernetes Clusterf*ck',
    'C++ & Rust',
    '<script>alert("hi")</script>',
    '_underscores_ and snake_case_names',
    '# hash at the start',
    'Learn C #',
    '[brackets](https://example.org) and ![image](x.png)',
    '`code` and ``more``',
    '&amp; &#35; &copy; entities',
    '**bold** ~~strike~~ \\backslash\\',
    '1. Not a list',
    '> not a quote',
    '<https://example.org> autolink',
  ];
  const conference = demoConference();
  const tricky: Conference = {
    ...conference,
    talks: conference.talks.map((t, i) =>
      i < titles.length
        ? {
            ...t,
            title: titles[i]!,
            track: `Track *${i}* <b>`,
            persons: [{ id: 'x', name: `Ann_${i}_ [Dev] & *Co*` }],
          }
        : t,
    ),
  };
  const records: UserRecords = {
    bookmarks: tricky.talks.slice(0, titles.length).map((t) => ({ talk: t.key })),
    notes: [],
    attended: [],
  };
  const out = writeUp(records, tricky);

  it('titles: every heading renders exactly its title, with no markup or HTML', () => {
    const h3 = headings(out).filter((h) => h.startsWith('h3 '));
    expect(h3.map((h) => h.slice(3)).sort()).toEqual([...titles].sort());
    expect(out).toContain('### Kubernetes Clusterf\\*ck\n');
    expect(out).toContain('### C++ & Rust\n');
    expect(md.render(out)).toContain('<h3>&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;</h3>');
  });

  it('speakers and tracks render exactly as given', () => {
    const items = tokens(out).filter(
      (t) => t.type === 'inline' && /^(Speaker|Track):/.test(t.content),
    );
    expect(items).toHaveLength(titles.length * 2);
    for (const item of items) {
      expect(plainText(item)).toMatch(
        /^(Speaker: Ann_\d+_ \[Dev\] & \*Co\*|Track: Track \*\d+\* <b>)$/,
      );
    }
  });
});

describe('notes that are not well-formed Markdown do not swallow the rest of the document', () => {
  const cases: Record<string, string> = {
    'an unclosed ``` fence': 'Try this:\n\n```sh\npodman pod create --name mypod',
    'an unclosed ~~~ fence': '~~~\nlong output',
    'a ```` fence holding a ``` line': '````md\n```\nstill code',
    'an indented unclosed fence': '   ```\ncode',
    'an unclosed fence in a list item': '- step one\n\n  ```\n  make',
    'an unclosed fence in a nested list item': '- a\n  - b\n\n    ```\n    code',
    'an unclosed HTML comment': 'see below <!-- not this\n\n<!-- TODO: finish',
    'an unclosed <script>': '<script>\nalert(1)',
    'an unclosed <pre>': '<pre>\nkeep spacing',
    'a closed fence then an unclosed one': '```\na\n```\n\n```js\nb',
  };
  for (const [name, note] of Object.entries(cases)) {
    it(name, () => {
      const out = writeUp(
        notesOn({ containers_rootless_practice: note, containers_pods_no_daemon: 'After.' }),
      );
      expect(headings(out)).toEqual([
        'h1 Plan B Demo Conference 2027 — my notes',
        'h2 Saturday 6 February 2027',
        'h3 Rootless containers in practice',
        'h3 Pods without a daemon: from compose files to pod specs',
      ]);
      expect(out).toContain(note);
      expect(md.render(out)).toContain('<p>After.</p>');
    });
  }

  it('a fence closed by the end of its list item is not closed twice', () => {
    const note = '- item\n  ```\n  code\nafter the list';
    const out = writeUp(notesOn({ containers_rootless_practice: note }));
    expect(out).toContain(`${note}\n`);
    expect(tokens(out).some((t) => t.type === 'fence' && t.content === 'code\n')).toBe(true);
    expect(md.render(out)).toContain('<p>after the list</p>');
  });

  it('"```" inside an HTML block is HTML, not a fence to close', () => {
    const note = '<div>\n```\n</div>';
    const out = writeUp(notesOn({ containers_rootless_practice: note }));
    expect(out.endsWith(`${note}\n`)).toBe(true);
  });

  // Lines that open, close or nest blocks. Long runs of these properties (500,000 cases each)
  // found the container rules closeOpenBlocks follows (lazy lines, empty list items, bad fences).
  const blockLines = [
    ...['```', '```sh', '````', '~~~', '~~~~', '  ```', '   ```', '    ```', '\t```', '``` `x`'],
    ...['- item', '  - nested', '    - deep', '1. first', '2. second', '10) x', '1.', '-', '*'],
    ...['- ```', '1. ```', '-   ```', '-     code', '- \t```', '+ x', '- - -', '* * *', '---'],
    ...['> quote', '> ```', '> - ```', '>', '  > q', '>\t```', '===', '--', '  ==='],
    ...['<!-- c', '<!-- x -->', '-->', '<?php', '?>', '<![CDATA[', '<!DOCTYPE', '<script>'],
    ...['</script>', '<div>', '</div>', '<pre>', '</pre>', '<span>', '<a href="x">', '<x-y>'],
    ...['text', 'text ```', '    indented', '\tcode', '', '  ', '# heading'],
  ];

  it('for any notes, the next talk still gets its heading (property)', () => {
    const line = fc.constantFrom(...blockLines, '> > ```', '>> x');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 16 }), (lines) => {
        const out = writeUp(
          notesOn({
            containers_rootless_practice: lines.join('\n'),
            containers_pods_no_daemon: 'After.',
          }),
        );
        const all = tokens(out);
        const last = all.findLastIndex((t) => t.type === 'heading_open');
        return (
          last > 0 &&
          all[last]!.tag === 'h3' &&
          all[last]!.level === 0 &&
          all[last + 1]!.content === 'Pods without a daemon: from compose files to pod specs'
        );
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('notes are changed exactly when they would swallow what follows (property)', () => {
    // Nested block quotes are left out: for ">> x" followed by a line indented 4 or more,
    // markdown-it ends the quotes where CommonMark reads a lazy continuation line; the closing
    // fence added then is harmless (it lands inside an HTML block or a paragraph).
    const swallows = (notes: string) => {
      const all = tokens(`${notes}\n\n### Next\n`);
      const last = all.findLastIndex((t) => t.type === 'heading_open');
      return last < 0 || all[last]!.level !== 0 || all[last + 1]!.content !== 'Next';
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...blockLines), { maxLength: 16 }), (lines) => {
        const notes = lines.join('\n').replace(/\s+$/, '');
        return (closeOpenBlocks(notes) !== notes) === swallows(notes);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('notes next to the talk details', () => {
  it('a note that starts with a list is a list of its own, not more details', () => {
    const out = writeUp(notesOn({ containers_rootless_practice: '- first point\n- second' }));
    const lists = tokens(out).filter((t) => t.type === 'bullet_list_open' && t.level === 0);
    expect(lists.map((l) => l.markup)).toEqual(['*', '-']);
  });

  it('a note that starts indented is a code block, not part of the last detail', () => {
    const out = writeUp(notesOn({ containers_rootless_practice: '    $ make\n\nDone.' }));
    const code = tokens(out).find((t) => t.type === 'code_block');
    expect(code?.level).toBe(0);
    expect(code?.content).toBe('$ make\n');
  });
});

describeWithSharedData('the write-up of a FOSDEM 2020 talk', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const talk = fosdem.talks.find((t) => t.slug === 'kubernetes')!;
  const out = exportMarkdown(
    selectForExport(fosdem, {
      bookmarks: [],
      attended: [{ talk: talk.key, rating: 5 }],
      notes: [{ talk: talk.key, text: 'Kris Nova live-coded a syscall auditor.', updatedAt: 1 }],
    }),
  );

  it('names the building and one recording (the MP4), no livestream after the fact', () => {
    expect(out).toContain(
      '# FOSDEM 2020 — my notes\n\n' +
        '1 talk attended in Building K and the Containers and Security track.\n\n' +
        '## Saturday 1 February 2020\n\n',
    );
    expect(out).toContain('### Fixing the Kubernetes clusterfuck\n\n- Speaker: Kris Nova\n');
    expect(out).toContain('- Time: 15:00–15:50\n- Room: K.1.105 (La Fontaine), Building K\n');
    expect(out).toContain(
      '- Links: [Recording](https://video.fosdem.org/2020/K.1.105/kubernetes.mp4)\n',
    );
    expect(out).not.toContain('webm');
    expect(out).not.toContain('live.fosdem.org');
    expect(out).toContain('- Attended, rated 5/5\n\nKris Nova live-coded a syscall auditor.\n');
  });
});
