/**
 * Builds a RawConference straight from SAX events of a Pentabarf or frab/c3voc schedule XML,
 * with no tree in between. Context comes from the stack of open element names; leaf text is
 * read when its element closes (saxes hands the open tag's attributes back at that point).
 */
import { ScheduleError } from '../errors';
import type { ScheduleFormat } from '../model';
import { parseClock, parseIsoDate } from '../time';
import type { RawConference, RawTalk } from './normalize';
import type { EventDraft } from './xml-talk';
import { addLink, addPerson, tidy, toRawTalk } from './xml-talk';
import type { OffsetInstant } from './xml-time';
import { chooseTimeZone, parseOffsetDateTime } from './xml-time';

/** An element as saxes reports it (without namespaces). */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

/** Event children read as text. */
const EVENT_FIELDS = new Set([
  'date',
  'start',
  'duration',
  'room',
  'slug',
  'url',
  'title',
  'subtitle',
  'track',
  'type',
  'language',
  'abstract',
  'description',
  'feedback_url',
  'video_download_url',
]);

/** Conference children read as text. */
const CONFERENCE_FIELDS = new Set([
  'acronym',
  'title',
  'venue',
  'city',
  'start',
  'day_change',
  'base_url',
  'time_zone_name',
]);

/** A `<day_change>` at or before this hour means days run past midnight (frab/CCC style). */
const NIGHT_DAY_CHANGE_MAX_MS = 6 * 3_600_000;

interface DayContext {
  date?: string;
  startClock?: string;
}

/** Collects one schedule from SAX events; call finish() after the document closed. */
export class ScheduleXmlBuilder {
  private readonly stack: string[] = [];
  private text = '';
  private generator: string | undefined;
  private version: string | undefined;
  private readonly conference = new Map<string, string>();
  private readonly dayDates: string[] = [];
  private readonly roomNames: string[] = [];
  private readonly roomSlugs = new Map<string, string>();
  private readonly trackNames: string[] = [];
  private readonly trackSlugs = new Map<string, string>();
  private readonly drafts: EventDraft[] = [];
  private readonly offsets: OffsetInstant[] = [];
  private day: DayContext = {};
  private roomWrapper = '';
  private event: EventDraft | undefined;
  private eventDepth = 0;

  /** Text or CDATA inside the current element. */
  addText(chunk: string): void {
    this.text += chunk;
  }

  /** An element opens; `line` is where, for messages about its event. */
  open(tag: XmlTag, line: number): void {
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(tag.name);
    this.text = '';
    if (this.stack.length === 1) {
      this.checkRoot(tag.name, line);
      return;
    }
    if (this.event) return;
    if (tag.name === 'event') this.openEvent(tag, line);
    else if (tag.name === 'day' && parent === 'schedule') this.openDay(tag);
    else if (tag.name === 'room' && parent === 'day') this.openRoomWrapper(tag);
  }

  /** An element closes (with the attributes it opened with). */
  close(tag: XmlTag): void {
    const depth = this.stack.length;
    const parent = this.stack[depth - 2] ?? '';
    const text = this.text;
    this.text = '';
    if (this.event) this.closeInEvent(this.event, tag, parent, text, depth);
    else this.closeOutsideEvent(tag, parent, text);
    this.stack.pop();
  }

  private checkRoot(name: string, line: number): void {
    if (name !== 'schedule') {
      throw new ScheduleError(
        'not-a-schedule',
        `its root element is <${name}>, not <schedule>: it is XML, but not a Pentabarf or frab schedule.`,
        `line ${line}`,
      );
    }
  }

  private openDay(tag: XmlTag): void {
    const a = tag.attributes;
    const startClock = a.start ? /T(\d{1,2}:\d{2}(?::\d{2})?)/.exec(a.start)?.[1] : undefined;
    const date = [a.date?.trim(), a.start?.trim().slice(0, 10)].find((d) => d && parseIsoDate(d));
    this.day = { ...(date ? { date } : {}), ...(startClock ? { startClock } : {}) };
    if (date) this.dayDates.push(date);
    for (const edge of [a.start, a.end]) {
      const instant = edge ? parseOffsetDateTime(edge) : undefined;
      if (instant) this.offsets.push(instant);
    }
  }

  private openRoomWrapper(tag: XmlTag): void {
    const name = tidy(tag.attributes.name ?? '');
    this.roomWrapper = name;
    if (!name) return;
    this.roomNames.push(name);
    const slug = tag.attributes.slug?.trim();
    if (slug) this.roomSlugs.set(name, slug);
  }

  private openEvent(tag: XmlTag, line: number): void {
    this.eventDepth = this.stack.length;
    this.event = {
      line,
      attrs: tag.attributes,
      roomWrapper: this.roomWrapper,
      ...(this.day.date ? { dayDate: this.day.date } : {}),
      ...(this.day.startClock ? { dayStartClock: this.day.startClock } : {}),
      fields: {},
      persons: [],
      links: [],
    };
  }

  private closeInEvent(
    event: EventDraft,
    tag: XmlTag,
    parent: string,
    text: string,
    depth: number,
  ): void {
    if (depth === this.eventDepth) {
      if (tag.name === 'event') this.finishEvent(event);
      return;
    }
    if (parent === 'event' && depth === this.eventDepth + 1) {
      if (EVENT_FIELDS.has(tag.name)) event.fields[tag.name] = text;
      if (tag.name === 'track' && tag.attributes.slug) event.trackSlug = tag.attributes.slug;
    } else if (parent === 'persons' && tag.name === 'person') {
      addPerson(event.persons, tag.attributes, text);
    } else if (
      (parent === 'links' && tag.name === 'link') ||
      (parent === 'attachments' && tag.name === 'attachment')
    ) {
      addLink(event.links, tag.attributes.href, text);
    } else if (parent === 'recording' && (tag.name === 'url' || tag.name === 'link')) {
      addLink(event.links, text, 'Video recording');
    }
  }

  private finishEvent(event: EventDraft): void {
    const date = event.fields.date;
    const instant = date ? parseOffsetDateTime(date) : undefined;
    if (instant) {
      event.instant = instant;
      this.offsets.push(instant);
    }
    const track = tidy(event.fields.track);
    if (event.trackSlug && track && !this.trackSlugs.has(track)) {
      this.trackSlugs.set(track, event.trackSlug.trim());
    }
    this.drafts.push(event);
    this.event = undefined;
  }

  private closeOutsideEvent(tag: XmlTag, parent: string, text: string): void {
    if (parent === 'conference') this.closeConferenceChild(tag, text);
    else if (parent === 'tracks' && tag.name === 'track') this.addTrack(tag, text);
    else if (parent === 'schedule') this.closeScheduleChild(tag, text);
    else if (parent === 'day' && tag.name === 'room') this.roomWrapper = '';
  }

  private closeConferenceChild(tag: XmlTag, text: string): void {
    if (CONFERENCE_FIELDS.has(tag.name)) this.conference.set(tag.name, text.trim());
    else if (tag.name === 'track') this.addTrack(tag, text);
  }

  private closeScheduleChild(tag: XmlTag, text: string): void {
    if (tag.name === 'generator') this.generator = tag.attributes.name ?? '';
    else if (tag.name === 'version') this.version = text.trim();
    else if (tag.name === 'day') this.day = {};
  }

  /** A listed track: `<tracks><track>Name</track>` (FOSDEM) or `<track name slug/>` (c3voc). */
  private addTrack(tag: XmlTag, text: string): void {
    const name = tidy(tag.attributes.name ?? text);
    if (!name) return;
    this.trackNames.push(name);
    const slug = tag.attributes.slug?.trim();
    if (slug) this.trackSlugs.set(name, slug);
  }

  /** The RawConference; throws 'no-events' when events exist but none has a readable time. */
  finish(): RawConference {
    const timeZone = chooseTimeZone(this.conference.get('time_zone_name'), this.offsets);
    const rollover = this.nightDayChange();
    const talks: RawTalk[] = [];
    for (const [index, draft] of this.drafts.entries()) {
      const talk = toRawTalk(draft, timeZone, rollover, index);
      if (talk) talks.push(talk);
    }
    if (this.drafts.length > 0 && talks.length === 0) {
      throw new ScheduleError(
        'no-events',
        `none of its ${this.drafts.length} events has a readable time (a <date> with an offset, or a <start> inside a <day date>).`,
        `line ${this.drafts[0]!.line}`,
      );
    }
    const c = this.conference;
    return {
      format: this.format(),
      ...(this.version ? { version: this.version } : {}),
      acronym: c.get('acronym') ?? '',
      title: c.get('title') ?? '',
      timeZone,
      ...optional('baseUrl', c.get('base_url')),
      ...optional('venue', c.get('venue')),
      ...optional('city', c.get('city')),
      dayDates: this.dayDates,
      roomNames: this.roomNames,
      roomSlugs: this.roomSlugs,
      trackNames: this.trackNames,
      trackSlugs: this.trackSlugs,
      talks,
      skippedEvents: this.drafts.length - talks.length,
    };
  }

  /**
   * frab-xml when the file says so: a `<generator>` that is not Pentabarf (frab, pretalx, osem
   * and c3voc tools write one; Pentabarf and FOSDEM's exporter never do), or, for older frab
   * files without one, guid attributes on events and no Pentabarf `<day_change>`. Everything
   * else (FOSDEM 2007–2026 included, guids or not) is pentabarf-xml.
   */
  private format(): ScheduleFormat {
    if (this.generator !== undefined) {
      return /pentabarf/i.test(this.generator) ? 'pentabarf-xml' : 'frab-xml';
    }
    const hasGuids = this.drafts.some((d) => d.attrs.guid);
    return hasGuids && !this.conference.has('day_change') ? 'frab-xml' : 'pentabarf-xml';
  }

  /** `<day_change>` as a rollover clock, only when it falls in the night (see eventInstants). */
  private nightDayChange(): string | undefined {
    const text = this.conference.get('day_change');
    const clock = text ? parseClock(text) : undefined;
    if (!clock) return undefined;
    const ms = ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000;
    return ms > 0 && ms <= NIGHT_DAY_CHANGE_MAX_MS ? text : undefined;
  }
}

/** `{ [key]: value }` when the value is a non-empty string, else nothing (for spreading). */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value?.trim() ? ({ [key]: value } as { [P in K]?: string }) : {};
}
