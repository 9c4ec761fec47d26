// The relay sends phones the normalized model instead of the XML: what the phone decodes must be
// exactly what it would have parsed itself, and a first screen can paint from the summaries
// before the abstracts have arrived.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../../../src/domain/errors';
import type { Conference } from '../../../src/domain/model';
import { parseSchedule } from '../../../src/domain/schedule';
import { CompactReader, decodeCompact, encodeCompact } from '../../../src/domain/schedule/compact';
import { describeWithSharedData, readShared } from '../../support/shared-data';

const demo = readFileSync(
  resolve(import.meta.dirname, '../../../data/demo/planb-demo.xml'),
  'utf8',
);
/** Plain data as IndexedDB stores it (undefined fields dropped, shared objects copied). */
const plain = (c: Conference) => JSON.parse(JSON.stringify(c)) as Conference;

describeWithSharedData('the compact schedule of real conferences', () => {
  for (const file of [
    'fosdem-2024-schedule.xml',
    'fosdem-2020-schedule.xml',
    '36c3-schedule.json',
    'lca2020-schedule.ics',
  ]) {
    it(`decodes ${file} to the same model the phone's own parser gives`, () => {
      const parsed = parseSchedule(readShared(file));
      const decoded = decodeCompact(encodeCompact(parsed));
      expect(plain(decoded)).toEqual(plain(parsed));
      expect(decoded.talks.length).toBe(parsed.talks.length);
      // Parsing a real file twice over: room for a busy CI machine (this is no timing test).
    }, 60_000);
  }

  it('puts FOSDEM 2024 talk summaries in a fifth of the text, before the abstracts', () => {
    const text = encodeCompact(parseSchedule(readShared('fosdem-2024-schedule.xml')));
    const [header, summaries] = text.split('\n');
    expect((header!.length + summaries!.length) / text.length).toBeLessThan(0.35);
  });
});

describe('reading a compact schedule as it arrives', () => {
  const parsed = parseSchedule(demo);
  const text = encodeCompact(parsed);

  it('knows the size to expect from the first line, and has every talk once the second is in', () => {
    const reader = new CompactReader();
    const [line1, line2] = text.split('\n');
    const first = reader.push(`${line1}\n${line2!.slice(0, 10)}`);
    expect(first.header?.talks).toBe(parsed.talks.length);
    expect(first.bytes).toBe(new TextEncoder().encode(text).length);
    expect(first.preview).toBeUndefined();
    const second = reader.push(text.slice(line1!.length + 11, line1!.length + line2!.length + 5));
    expect(second.preview?.talks.map((t) => t.title)).toEqual(parsed.talks.map((t) => t.title));
    expect(second.preview?.talks.every((t) => t.abstract === '')).toBe(true);
    reader.push(text.slice(line1!.length + line2!.length + 5));
    expect(plain(reader.finish())).toEqual(plain(parsed));
  });

  it('refuses a body cut short, saying so', () => {
    expect(() => decodeCompact(text.slice(0, text.length - 40))).toThrow(ScheduleError);
    expect(() => decodeCompact(text.slice(0, 200))).toThrow(/ends before its talks/);
  });

  it('refuses another version of the format, telling to reload the app', () => {
    const other = text.replace('"version":1', '"version":2');
    expect(() => decodeCompact(other)).toThrow(/version 2; this app reads version 1. Reload/);
    expect(() => decodeCompact('{"hello":1}\n[]\n[]')).toThrow(/not a compact Plan B schedule/);
  });
});
