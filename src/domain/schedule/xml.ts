/**
 * The schedule XML adapter: Pentabarf (every FOSDEM shape, 2007–2026) and frab/c3voc
 * schedule.xml, read with saxes (a streaming tokenizer) straight into a RawConference.
 *
 * Shapes read: events in `<room name>` wrappers inside `<day>`, or directly in `<day>` with a
 * `<room>` child; times from the event's `<date>` (ISO with offset) or the day's date plus a
 * venue-local `<start>` (HH:MM or HH:MM:SS). Unknown elements are ignored; events with no
 * readable time are skipped (all of them unreadable: 'no-events'). The zone is
 * `<time_zone_name>`, else implied by the offsets, else Europe/Brussels (see xml-time.ts);
 * the format rule is on ScheduleXmlBuilder.format.
 */
import { SaxesParser } from 'saxes';
import { ScheduleError } from '../errors';
import type { RawConference } from './normalize';
import { ScheduleXmlBuilder } from './xml-builder';

/**
 * Parses Pentabarf or frab schedule XML into a RawConference (finishConference does the rest).
 * Throws ScheduleError only: 'malformed' (broken XML, undefined entity), 'truncated' (the text
 * ends inside an element), 'not-a-schedule' (another root element), 'no-events'.
 */
export function parseScheduleXml(text: string): RawConference {
  const builder = new ScheduleXmlBuilder();
  const parser = new SaxesParser({ xmlns: false });
  let atEnd = false;
  parser.on('error', (error) => {
    throw toScheduleError(error.message, parser.line, parser.column, atEnd);
  });
  parser.on('text', (chunk) => builder.addText(chunk));
  parser.on('cdata', (chunk) => builder.addText(chunk));
  parser.on('opentag', (tag) => builder.open(tag, parser.line));
  parser.on('closetag', (tag) => builder.close(tag));
  try {
    parser.write(text);
    atEnd = true;
    parser.close();
    return builder.finish();
  } catch (e) {
    if (e instanceof ScheduleError) throw e;
    throw new ScheduleError(
      'malformed',
      `the XML could not be read (${(e as Error)?.message ?? String(e)}).`,
    );
  }
}

/**
 * A saxes error in words. Errors raised while closing the document mean the text stopped
 * inside an element: 'truncated'. Everything else is 'malformed'.
 */
export function toScheduleError(
  saxesMessage: string,
  line: number,
  column: number,
  atEnd: boolean,
): ScheduleError {
  const where = `line ${line}, column ${column}`;
  const message = saxesMessage.replace(/^\d+:\d+:\s*/, '');
  if (atEnd) {
    const unclosed = /^unclosed tag: (.+)$/.exec(message)?.[1];
    const problem = unclosed
      ? `the file ends before <${unclosed}> is closed: it was cut off (an interrupted download?).`
      : /root element/.test(message)
        ? 'the file ends before its first element: it is empty or was cut off.'
        : `the file ends in the middle of the XML (${message}): it was cut off (an interrupted download?).`;
    return new ScheduleError('truncated', problem, where);
  }
  return new ScheduleError('malformed', `the XML is broken: ${message}`, where);
}
