// Home from FOSDEM 2020, the attendee publishes "main takeaways": one tap gives a draft whose
// outline holds (their notes' own "## Takeaways" sits under the talk, not beside the day), with
// one link per recording, only the talks they saw or wrote about, and apart from those the
// bookmarked talks they missed, the full rooms first in their mind, with the recordings to watch.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ReportRecord, UserRecords } from '../../../src/domain/export/backup-format';
import { demoteHeadings } from '../../../src/domain/export/demote';
import { exportMarkdown } from '../../../src/domain/export/markdown';
import { selectForExport, WRITE_UP_KINDS } from '../../../src/domain/export/selection';
import type { Conference } from '../../../src/domain/model';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { parseVenueDateTime } from '../../../src/domain/time';
import { describeWithSharedData, readShared } from '../../support/shared-data';
import { demoConference, demoTalk } from './support';

const md = new MarkdownIt('commonmark');

/** Headings as "h3 Title", in document order. */
function outline(markdown: string): string[] {
  const tokens = md.parse(markdown, {});
  return tokens.flatMap((t, i) =>
    t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1]!.content}`] : [],
  );
}

/** Fails unless the document starts at h1 and never goes more than one level deeper at once. */
function expectStrictlyNested(markdown: string): void {
  const levels = outline(markdown).map((h) => Number(h[1]));
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0)
      expect(level, `heading ${i} of ${outline(markdown)}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

const NOTE = [
  '# Podman',
  '',
  'Daemonless, rootless.',
  '',
  '## Takeaways',
  '',
  '#### Commands to try',
  '',
  '```sh',
  '# run in the pod of another container',
  'podman run --pid container:containername --name myname -d alpine',
  '## not a heading either',
  '```',
  '',
  'Questions',
  '---------',
  '',
  '> ### From the hall',
  '> Is it faster than Docker?',
].join('\n');

describe('notes inside the write-up keep their outline, one level below the talk', () => {
  it('the note outline starts at h4 and never skips a level', () => {
    const out = demoteHeadings(NOTE, 4);
    expect(outline(out)).toEqual([
      'h4 Podman',
      'h5 Takeaways',
      'h6 Commands to try',
      'h5 Questions',
      'h6 From the hall',
    ]);
  });

  it('keeps code blocks verbatim, "#" lines inside fences included', () => {
    const fence = md.parse(demoteHeadings(NOTE, 4), {}).find((t) => t.type === 'fence')!;
    expect(fence.content).toBe(
      '# run in the pod of another container\n' +
        'podman run --pid container:containername --name myname -d alpine\n' +
        '## not a heading either\n',
    );
  });

  it('never goes deeper than h6', () => {
    const out = demoteHeadings('# a\n## b\n### c\n#### d\n##### e', 4);
    expect(outline(out)).toEqual(['h4 a', 'h5 b', 'h6 c', 'h6 d', 'h6 e']);
  });

  it('leaves notes without headings as they are', () => {
    const plain = 'Just text.\n\n    # indented code\n\n- a list';
    expect(demoteHeadings(plain, 4)).toBe(plain);
  });
});

describe('the demo write-up: the outline holds whatever the notes contain', () => {
  it('a note starting with "## Takeaways" lands under its talk, not beside the day', () => {
    const conference = demoConference();
    const talk = demoTalk('containers_pods_no_daemon');
    const out = exportMarkdown(
      selectForExport(conference, {
        bookmarks: [],
        attended: [{ talk: talk.key }],
        notes: [
          { talk: talk.key, text: '## Takeaways\n\nPods!\n\n# Links\n\nSee docs.', updatedAt: 1 },
        ],
      }),
    );
    expect(outline(out)).toEqual([
      'h1 Plan B Demo Conference 2027 — my notes',
      'h2 Saturday 6 February 2027',
      'h3 Pods without a daemon: from compose files to pod specs',
      'h4 Takeaways',
      'h4 Links',
    ]);
    expectStrictlyNested(out);
  });
});

describeWithSharedData(
  'the FOSDEM 2020 write-up (the post-conference schedule, with recordings)',
  () => {
    const fosdem: Conference = parseSchedule(readShared('fosdem-2020-schedule.xml'));
    const key = (slug: string) => fosdem.talks.find((t) => t.slug === slug)!.key;
    const at = (local: string) => parseVenueDateTime(local, fosdem.timeZone)!;
    const bookmarked = [
      'keynotes_welcome',
      'containers_podman',
      'containers_live_migration', // the queue was too long
      'immutable',
      'kubernetes',
      'containers_k8s_crio_lxc', // overlaps Kubernetes, which they attended
      'tracing_grafana', // Sunday morning; no recording in the file
      'grafana_as_code', // Sunday 15:50: not over at the time of the export
    ];
    const records: UserRecords & { reports: ReportRecord[] } = {
      bookmarks: bookmarked.map((slug) => ({ talk: key(slug) })),
      attended: ['keynotes_welcome', 'containers_podman', 'kubernetes'].map((slug) => ({
        talk: key(slug),
      })),
      notes: [{ talk: key('containers_podman'), text: NOTE, updatedAt: 1 }],
      reports: [
        // "Pretty hard to get in, as the queue was very long": door closed + queue, at 12:52.
        { id: 'r1', room: 'ud2208', level: 3, at: at('2020-02-01T12:52'), device: 'me' },
        // Standing room only in Chavanne for Immutable deployments: not full.
        { id: 'r2', room: 'ud2120', level: 1, at: at('2020-02-01T14:31'), device: 'me' },
      ],
    };
    const now = at('2020-02-02T12:00');
    const selection = selectForExport(fosdem, records, { kinds: WRITE_UP_KINDS, now });
    const out = exportMarkdown(selection);
    const missedSection = out.slice(out.indexOf('## What I missed'));

    it('by default holds the talks attended, not the other bookmarks', () => {
      expect(outline(out).filter((h) => h.startsWith('h3'))).toEqual([
        'h3 Welcome to FOSDEM 2020',
        'h3 Podman - The Powerful Container Multi-Tool',
        'h3 Fixing the Kubernetes clusterfuck',
      ]);
      expect(out).toContain(
        '3 talks attended in 3 buildings (Janson, Building U, Building K) and 3 tracks ' +
          '(Keynotes, Containers, Containers and Security). 4 bookmarked talks missed.',
      );
    });

    it('has a strictly nested outline: title, days, talks, the notes’ own headings, then What I missed', () => {
      expectStrictlyNested(out);
      expect(outline(out)).toEqual([
        'h1 FOSDEM 2020 — my notes',
        'h2 Saturday 1 February 2020',
        'h3 Welcome to FOSDEM 2020',
        'h3 Podman - The Powerful Container Multi-Tool',
        'h4 Podman',
        'h5 Takeaways',
        'h6 Commands to try',
        'h5 Questions',
        'h6 From the hall',
        'h3 Fixing the Kubernetes clusterfuck',
        'h2 What I missed',
      ]);
    });

    it('gives each talk one line of links with one recording, the one filed under its room', () => {
      const podman = out.slice(out.indexOf('### Podman'), out.indexOf('#### Podman'));
      expect(podman).toContain(
        '- Links: [Recording](https://video.fosdem.org/2020/UD2.208/containers_podman.mp4)\n',
      );
      expect(out).not.toMatch(/\.webm\)/);
      for (const line of out.split('\n').filter((l) => l.startsWith('- Links:'))) {
        expect(line.match(/\[Recording\]/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }
    });

    it('keeps the commands verbatim', () => {
      const fence = md.parse(out, {}).find((t) => t.type === 'fence')!;
      expect(fence.info).toBe('sh');
      expect(fence.content).toContain('# run in the pod of another container\n');
    });

    it('lists the missed talks in time order, the full room said, with the recording to watch', () => {
      expect(selection.missed.map((m) => [m.title, m.roomFull, m.watch?.url])).toEqual([
        [
          'Container Live Migration',
          true,
          'https://video.fosdem.org/2020/UD2.208/containers_live_migration.mp4',
        ],
        [
          'Immutable deployments: the new classic way for service deployment',
          false,
          'https://video.fosdem.org/2020/UD2.120/immutable.mp4',
        ],
        [
          'Using crio-lxc with Kubernetes',
          false,
          'https://video.fosdem.org/2020/UD2.208/containers_k8s_crio_lxc.mp4',
        ],
        ['Grafana: Successfully correlate metrics, logs, and traces', false, undefined],
      ]);
      expect(missedSection).toContain(
        '- Container Live Migration — Saturday 12:55, UD2.208 (Decroly), Building U; the room was full' +
          ' · [Recording](https://video.fosdem.org/2020/UD2.208/containers_live_migration.mp4)\n',
      );
      expect(missedSection).not.toContain('Grafana-As-Code');
      const items = md.parse(missedSection, {}).filter((t) => t.type === 'list_item_open');
      expect(items).toHaveLength(4);
    });

    it('the missed list follows the day chosen', () => {
      const sunday = selectForExport(fosdem, records, {
        kinds: WRITE_UP_KINDS,
        now,
        day: '2020-02-02',
      });
      expect(sunday.missed.map((m) => m.key)).toEqual([key('tracing_grafana')]);
    });
  },
);
