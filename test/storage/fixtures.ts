/**
 * Small hand-made schedules and fresh database names for storage tests.
 */
import { parseSchedule } from '../../src/domain/schedule/index';
import { openPlanBDb } from '../../src/storage/db';
import { ImportError } from '../../src/storage/errors';
import {
  type ImportResult,
  type ImportSource,
  importConference,
} from '../../src/storage/schedule-repo';
import type { PlanBDb } from '../../src/storage/schema';

/** One event of a tiny Pentabarf schedule. */
export interface TinyEvent {
  slug: string;
  title: string;
  room?: string;
  start?: string;
  track?: string;
}

/** A minimal valid Pentabarf XML (FOSDEM-style) with the given events on 2024-02-03. */
export function tinySchedule(events: TinyEvent[], title = 'Tiny Conf 2024'): string {
  const body = events
    .map(
      (e, i) => `
    <room name="${e.room ?? 'K.3.201'}">
      <event id="${i + 1}">
        <start>${e.start ?? '10:00'}</start>
        <duration>00:30</duration>
        <room>${e.room ?? 'K.3.201'}</room>
        <slug>${e.slug}</slug>
        <title>${e.title}</title>
        <track>${e.track ?? 'Go devroom'}</track>
        <type>devroom</type>
        <language>en</language>
        <persons><person id="${i + 1}">Speaker ${i + 1}</person></persons>
      </event>
    </room>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>${title}</title>
    <start>2024-02-03</start>
    <end>2024-02-03</end>
    <days>1</days>
  </conference>
  <day index="1" date="2024-02-03">${body}
  </day>
</schedule>
`;
}

let counter = 0;

/** A database name no other test in this file uses. */
export function freshName(prefix = 'planb-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens a fresh, empty Plan B database. */
export function openFresh(): Promise<PlanBDb> {
  return openPlanBDb(freshName());
}

/** Number of records in one store. */
export function countAll(db: PlanBDb, store: 'talks' | 'conferences' | 'bookmarks' | 'notes') {
  return db.count(store);
}

/** Parses a schedule text and makes it the current one, as an import of a file does. */
export async function importSchedule(
  db: PlanBDb,
  text: string,
  from: ImportSource,
): Promise<ImportResult> {
  let conference: ReturnType<typeof parseSchedule>;
  try {
    conference = parseSchedule(text);
  } catch (error) {
    throw ImportError.from(error);
  }
  return importConference(db, conference, from);
}
