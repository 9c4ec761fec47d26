// A friend at FOSDEM asks "what are you going to see?": the attendee sends a link (or shows a
// QR code) holding only the keys of their picks; the friend's phone shows the talks from its own
// schedule. The link must stay short enough to paste in a chat and to scan from a phone screen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePicks, encodePicks } from '../../src/domain/picks';
import { parseSchedule } from '../../src/domain/schedule/index';
import { describeWithSharedData, readShared } from '../support/shared-data';

describe('picks in a link', () => {
  it('round-trips every kind of key, in order, without repeats', () => {
    const keys = [
      'guid:5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039',
      'slug:containers_podman',
      'id:36c3/10526',
      'guid:NOT-A-UUID',
      'slug:with.dots and spaces/ü',
    ];
    const token = encodePicks([...keys, keys[1]!]);
    expect(token).toMatch(/^[\w.%-]+$/);
    expect(token.startsWith('gW7CqTgwOXM2VIw7RymeQOQ.scontainers_podman.i36c3%2F10526.')).toBe(
      true,
    );
    expect(decodePicks(token)).toEqual({ keys, unreadable: 0 });
  });

  it('round-trips any key (property)', () => {
    const key = fc.oneof(
      fc.uuid().map((u) => `guid:${u}`),
      fc.string({ minLength: 1 }).map((s) => `slug:${s}`),
      fc.string({ minLength: 1 }).map((s) => `id:${s}`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 12 }), (keys) => {
        const token = encodePicks(keys);
        return JSON.stringify(decodePicks(token)) === JSON.stringify({ keys, unreadable: 0 });
      }),
    );
  });

  it('counts damaged items instead of guessing (a link cut short in a chat)', () => {
    const token = encodePicks(['slug:a', 'guid:5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039', 'slug:b']);
    const cut = token.replace('gW7CqTgwOXM2VIw7RymeQOQ', 'gW7CqTgw');
    expect(decodePicks(cut)).toEqual({ keys: ['slug:a', 'slug:b'], unreadable: 1 });
    expect(decodePicks('x1.s%E0%A4%A')).toEqual({ keys: [], unreadable: 2 });
    expect(decodePicks('')).toEqual({ keys: [], unreadable: 0 });
  });
});

describeWithSharedData(
  'the length of a link with 10 picks (FOSDEM 2020 slugs, FOSDEM 2024 guids)',
  () => {
    const picks = (file: string) => {
      const talks = parseSchedule(readShared(file)).talks;
      // Ten talks spread over the conference, as a day's picks would be.
      return Array.from({ length: 10 }, (_, i) => talks[Math.floor((i * talks.length) / 10)]!.key);
    };

    for (const file of ['fosdem-2020-schedule.xml', 'fosdem-2024-schedule.xml']) {
      it(`${file}: 10 picks in at most 260 characters of token`, () => {
        const keys = picks(file);
        const token = encodePicks(keys);
        expect(decodePicks(token).keys).toEqual(keys);
        console.info(
          `[picks] ${file}: 10 picks → token ${token.length} chars (keys ${keys.join('').length} chars); ` +
            `link https://planb.example.org/#/picks/${token} = ${`https://planb.example.org/#/picks/${token}`.length} chars`,
        );
        expect(token.length).toBeLessThanOrEqual(260);
      });
    }
  },
);
