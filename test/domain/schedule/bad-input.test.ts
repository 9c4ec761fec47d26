// An organizer or attendee hands Plan B something that is not a usable schedule. Each case must
// end in a ScheduleError with a message that says what is wrong (and where, when known), never
// in an uncaught exception or a half-read conference.
import { describe, expect, it } from 'vitest';
import { scheduleErrorOf } from '../../support/errors';
import { describeWithSharedData, readShared } from '../../support/shared-data';

describe('a file that is not a usable schedule', () => {
  it('an empty file (or only white space) is reported as empty', () => {
    expect(scheduleErrorOf('').code).toBe('empty');
    const e = scheduleErrorOf('  \n\t\n');
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(/empty/);
  });

  it('plain text is not a schedule, and the message names the formats we read', () => {
    const e = scheduleErrorOf('Hello, this is my shopping list.\nMilk\n');
    expect(e.code).toBe('not-a-schedule');
    expect(e.message).toMatch(/XML.*JSON.*iCalendar/);
  });

  it('an HTML error page from a captive portal or a 500 is recognised as a web page', () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const e = scheduleErrorOf(page);
    expect(e.code).toBe('html-page');
    expect(e.message).toMatch(/web page/);
    expect(scheduleErrorOf('<html><body>Login to the Wi-Fi</body></html>').code).toBe('html-page');
  });

  it('XML that declares entities ("billion laughs") is refused without expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE schedule [',
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`,
      ),
      ']>',
      '<schedule><conference><title>&lol9;</title></conference></schedule>',
    ].join('\n');
    const e = scheduleErrorOf(lol);
    expect(e.code).toBe('entity-expansion');
  });

  it('XML with an undeclared entity is malformed, with its line', () => {
    const e = scheduleErrorOf(
      '<schedule>\n<conference><title>&nope;</title></conference>\n</schedule>',
    );
    expect(e.code).toBe('malformed');
    expect(e.where).toMatch(/line 2/);
  });

  it('a well-formed schedule with no events says so', () => {
    const xml =
      '<?xml version="1.0"?><schedule><conference><title>Empty Con</title><start>2020-02-01</start>' +
      '<end>2020-02-01</end><days>1</days></conference><day index="1" date="2020-02-01"><room name="Janson"/></day></schedule>';
    const e = scheduleErrorOf(xml);
    expect(e.code).toBe('no-events');
    expect(e.message).toMatch(/0 events/);
  });

  it('XML that is not a schedule names its root element', () => {
    const e = scheduleErrorOf(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>',
    );
    expect(e.code).toBe('not-a-schedule');
    expect(e.message).toMatch(/rss/);
  });

  it('JSON of the wrong shape says which part is missing', () => {
    expect(scheduleErrorOf('{"talks": []}').code).toBe('wrong-shape');
    expect(scheduleErrorOf('[1, 2, 3]').code).toBe('wrong-shape');
    expect(scheduleErrorOf('{"schedule": {"conference": {"days": "soon"}}}').code).toBe(
      'wrong-shape',
    );
    const broken = scheduleErrorOf('{"schedule": {"conference": ');
    expect(broken.code).toBe('malformed');
    expect(broken.message).toMatch(/JSON/);
  });

  it('a 50 MB file is refused before parsing', () => {
    const huge = `<?xml version="1.0"?><schedule>${' '.repeat(50 * 1024 * 1024)}</schedule>`;
    const e = scheduleErrorOf(huge);
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/50 MB/);
  });

  it('an ICS that breaks off is an error, not a partial calendar', () => {
    const e = scheduleErrorOf(
      'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Half a talk\nDTSTART:2020020',
    );
    expect(['malformed', 'truncated', 'no-events']).toContain(e.code);
  });
});

describeWithSharedData('a real FOSDEM file cut short (a download that stopped half-way)', () => {
  it('is reported as truncated, with the line where it stops', () => {
    const full = readShared('fosdem-2020-schedule.xml');
    const e = scheduleErrorOf(full.slice(0, Math.floor(full.length / 2)));
    expect(e.code).toBe('truncated');
    expect(e.where).toMatch(/line \d+/);
  });
});
