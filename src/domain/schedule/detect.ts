/**
 * Which format a text is, from its content (never from a file name), and the first checks that
 * every format shares: empty, too large, an HTML page, entity declarations.
 */
import { MAX_SCHEDULE_CHARS, ScheduleError } from '../errors';
import type { ScheduleFormat } from '../model';

/** A detected input, ready for its adapter: XML/ICS as text, JSON already parsed. */
export type DetectedInput =
  | { kind: 'xml'; text: string }
  | { kind: 'ics'; text: string }
  | { kind: 'json'; format: Extract<ScheduleFormat, 'frab-json' | 'pretalx-json'>; data: unknown };

/** Classifies a schedule text; throws ScheduleError for anything no adapter should see. */
export function detectSchedule(input: string): DetectedInput {
  if (input.length > MAX_SCHEDULE_CHARS) {
    const mb = (input.length / 1024 / 1024).toFixed(0);
    throw new ScheduleError(
      'too-large',
      `it is ${mb} MB, more than the ${MAX_SCHEDULE_CHARS / 1024 / 1024} MB a schedule may be (FOSDEM's is under 3 MB).`,
    );
  }
  const text = input.replace(/^\uFEFF/, '');
  const head = text.slice(0, 2048).trimStart();
  if (head === '') throw new ScheduleError('empty', 'the file is empty.');

  if (/^BEGIN:VCALENDAR/i.test(head)) return { kind: 'ics', text };

  if (head.startsWith('{') || head.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ScheduleError('malformed', `the JSON is broken (${(e as Error).message}).`);
    }
    const schedule = (data as { schedule?: { conference?: unknown } } | null)?.schedule;
    if (
      !schedule ||
      typeof schedule !== 'object' ||
      !schedule.conference ||
      typeof schedule.conference !== 'object'
    ) {
      throw new ScheduleError(
        'wrong-shape',
        'this JSON is not a frab or pretalx schedule (it has no "schedule.conference" object).',
      );
    }
    return { kind: 'json', format: isPretalx(data) ? 'pretalx-json' : 'frab-json', data };
  }

  if (head.startsWith('<')) {
    if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html|<html[\s>]/i.test(head)) {
      throw new ScheduleError(
        'html-page',
        'it is a web page (HTML), not a schedule: the server may have answered with an error or login page.',
      );
    }
    if (/<!ENTITY/i.test(text.slice(0, 65_536))) {
      throw new ScheduleError(
        'entity-expansion',
        'it declares XML entities, which a schedule never needs and which can be used to exhaust memory ("billion laughs"); it was not read.',
      );
    }
    return { kind: 'xml', text };
  }

  throw new ScheduleError(
    'not-a-schedule',
    'it is neither XML (Pentabarf/frab), JSON (frab/pretalx) nor iCalendar (ICS).',
    'start of file',
  );
}

function isPretalx(data: unknown): boolean {
  const s = (data as { schedule?: Record<string, unknown> }).schedule ?? {};
  const text = `${String(s.base_url ?? '')} ${JSON.stringify((data as Record<string, unknown>).$schema ?? '')}`;
  const gen = (s.generator as { name?: string } | undefined)?.name ?? '';
  return /pretalx/i.test(text) || /pretalx/i.test(gen);
}
