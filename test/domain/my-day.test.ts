import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Conference } from '../../src/domain/model';
import type { DayPlan } from '../../src/domain/my-day';
import { formatMinutes, planDay } from '../../src/domain/my-day';
import { parseSchedule } from '../../src/domain/schedule';
import { parseVenueDateTime } from '../../src/domain/time';
import { venueForConference } from '../../src/domain/venue';
import { describeWithSharedData, readShared } from '../support/shared-data';

/**
 * The plan as short lines: "<slug> (cancelled|not followed) [status] {overlaps <slug>}" for a
 * talk; for the move before a talk "  ↳ stay|<n> min walk|tight <n> min walk|unknown walk, <m> min
 * between, free hh:mm–hh:mm (…) [status]".
 */
function lines(plan: DayPlan): string[] {
  const short = (key: string) => key.replace(/^slug:/, '');
  return plan.items.map((i) => {
    const status = i.status ? ` [${i.status}]` : '';
    if (i.kind === 'move') {
      const walk = `${i.walkingMinutes ?? '?'} min walk`;
      const how = i.stay
        ? 'stay'
        : i.conflict?.kind === 'tight-transfer'
          ? `tight ${walk}`
          : i.conflict
            ? 'unknown walk'
            : walk;
      const free = i.freeLabel ? `, ${i.freeLabel}` : '';
      return `  ↳ ${how}, ${i.minutes} min between${free}${status}`;
    }
    const notes = [i.talk.cancelled ? 'cancelled' : !i.followed ? 'not followed' : ''].filter(
      Boolean,
    );
    const said = notes.length ? ` (${notes.join(', ')})` : '';
    const overlaps = i.overlaps.map((o) => `overlaps ${short(o.other)}`).join(', ');
    return `${short(i.talk.key)}${said}${status}${overlaps ? ` {${overlaps}}` : ''}`;
  });
}

describe('planDay on the demo conference', () => {
  const conf = parseSchedule(
    readFileSync(new URL('../../data/demo/planb-demo.xml', import.meta.url), 'utf8'),
  );
  const venue = venueForConference(conf);
  const at = (text: string) => parseVenueDateTime(text, conf.timeZone)!;
  const saturday = [
    'monitoring_office_suite_part2',
    'keynote_welcome',
    'containers_pods_no_daemon',
    'security_selinux_containers',
    'collab_office_suite_part1',
    'db_indexes_pictures', // Sunday: not shown on Saturday
  ].map((s) => `slug:${s}`);

  // Pods (UB2.252A) and SELinux (H.1308) both run 11:00–11:25: the day follows Pods (same
  // times: the key decides), so SELinux is listed after it, with the overlap said once.
  it('lists talks in time order, each overlap once, and a move before each followed talk', () => {
    const plan = planDay(conf, [...saturday, 'slug:gone_for_good'], 0, venue);
    expect(plan.day?.date).toBe('2027-02-06');
    expect(lines(plan)).toEqual([
      'keynote_welcome',
      '  ↳ 8 min walk, 65 min between, free 09:55–11:00 (1 h 5 min)',
      'containers_pods_no_daemon',
      'security_selinux_containers (not followed) {overlaps containers_pods_no_daemon}',
      '  ↳ 8 min walk, 155 min between, free 11:25–14:00 (2 h 35 min)',
      'collab_office_suite_part1',
      '  ↳ tight 12 min walk, 5 min between',
      'monitoring_office_suite_part2',
    ]);
    expect(plan.conflicts.map((c) => [c.kind, c.minutes])).toEqual([
      ['overlap', 25],
      ['tight-transfer', 7],
    ]);
    expect(plan.missing).toEqual(['slug:gone_for_good']);
    const selinux = plan.items[3]!;
    expect(selinux.kind === 'talk' && selinux.overlaps[0]).toMatchObject({
      other: 'slug:containers_pods_no_daemon',
      otherFollowed: true,
      conflict: { kind: 'overlap', minutes: 25 },
    });
    const run = plan.items[6]!;
    expect(run).toMatchObject({
      kind: 'move',
      from: { room: 'AW1.120' },
      to: { room: 'K.3.401' },
      minutes: 5,
      walkingMinutes: 12,
      conflict: { kind: 'tight-transfer', minutes: 7 },
    });
  });

  it('marks past, now and next against the clock; moves can be now', () => {
    expect(lines(planDay(conf, saturday, 0, venue, at('2027-02-06 11:10')))).toEqual([
      'keynote_welcome [past]',
      '  ↳ 8 min walk, 65 min between, free 09:55–11:00 (1 h 5 min) [past]',
      'containers_pods_no_daemon [now]',
      'security_selinux_containers (not followed) [now] {overlaps containers_pods_no_daemon}',
      '  ↳ 8 min walk, 155 min between, free 11:25–14:00 (2 h 35 min) [later]',
      'collab_office_suite_part1 [next]',
      '  ↳ tight 12 min walk, 5 min between [later]',
      'monitoring_office_suite_part2 [later]',
    ]);
    const lunch = planDay(conf, saturday, 0, venue, at('2027-02-06 12:00'));
    expect(lines(lunch).slice(2, 5)).toEqual([
      'containers_pods_no_daemon [past]',
      'security_selinux_containers (not followed) [past] {overlaps containers_pods_no_daemon}',
      '  ↳ 8 min walk, 155 min between, free 11:25–14:00 (2 h 35 min) [now]',
    ]);
  });

  it('of two talks starting together only the followed one is next', () => {
    const plan = planDay(conf, saturday, 0, venue, at('2027-02-06 10:00'));
    const next = plan.items.filter((i) => i.status === 'next');
    expect(next.map((i) => i.kind === 'talk' && i.talk.key)).toEqual([
      'slug:containers_pods_no_daemon',
    ]);
  });

  it('a talk marked attended is followed instead, and the overlap moves to the other one', () => {
    const attended = new Set(['slug:security_selinux_containers']);
    const plan = planDay(conf, saturday, 0, venue, at('2027-02-06 12:00'), { attended });
    expect(lines(plan).slice(1, 5)).toEqual([
      '  ↳ 5 min walk, 65 min between, free 09:55–11:00 (1 h 5 min) [past]',
      'security_selinux_containers [past]',
      'containers_pods_no_daemon (not followed) [past] {overlaps security_selinux_containers}',
      '  ↳ 5 min walk, 155 min between, free 11:25–14:00 (2 h 35 min) [now]',
    ]);
  });

  it('keeps a cancelled bookmark in the list, without conflicts, and its time free', () => {
    const sunday = ['db_indexes_pictures', 'db_sharding_tears', 'db_embedded_phones'];
    const plan = planDay(
      conf,
      sunday.map((s) => `slug:${s}`),
      1,
      venue,
      at('2027-02-07 10:40'),
    );
    expect(lines(plan)).toEqual([
      'db_indexes_pictures [now]',
      'db_sharding_tears (cancelled) [later]',
      '  ↳ stay, 35 min between, free 10:55–11:30 (35 min) [later]',
      'db_embedded_phones [next]',
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('honours minGapMinutes and the conflict options', () => {
    const plan = planDay(conf, saturday, 0, venue, undefined, {
      minGapMinutes: 90,
      seatMarginMinutes: 2,
    });
    const moves = plan.items.filter((i) => i.kind === 'move');
    expect(moves.map((m) => [m.minutes, m.freeLabel])).toEqual([
      [65, undefined],
      [155, 'free 11:25–14:00 (2 h 35 min)'],
      [5, undefined],
    ]);
    expect(plan.conflicts.find((c) => c.kind === 'tight-transfer')?.minutes).toBe(9);
  });

  it('an unknown day gives an empty plan; missing keys are still reported once', () => {
    const plan = planDay(conf, ['slug:nope', 'slug:nope', ...saturday], 7, venue);
    expect(plan).toEqual({ day: undefined, items: [], conflicts: [], missing: ['slug:nope'] });
  });
});

describeWithSharedData('planDay on FOSDEM 2020: the user story Saturday', () => {
  const conf: Conference = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const venue = venueForConference(conf);
  const titles = [
    /^Welcome to FOSDEM 2020$/,
    /^Podman - The Powerful Container Multi-Tool$/,
    /^Lazy distribution of container images$/,
    /^ONLYOFFICE: How to securely collaborate/,
    /^A dozen more things you didn't know Nextcloud could do$/,
    /^Container Live Migration$/,
    /^Below Kubernetes: Demystifying container runtimes$/,
    /^Immutable deployments/,
    /^Fixing the Kubernetes clusterfuck$/,
    /^Using SELinux with container runtimes$/,
    /^The hairy issue of e2e encryption in instant messaging$/,
    /^What you most likely did not know about sudo/,
  ];
  const keys = titles.map((re) => {
    const found = conf.talks.filter((t) => t.day === 0 && re.test(t.title));
    expect(found).toHaveLength(1);
    return found[0]!.key;
  });

  it('plans the day: gaps, the run to building K flagged, and where they are at 12:10', () => {
    const now = parseVenueDateTime('2020-02-01 12:10', conf.timeZone);
    const plan = planDay(conf, [...keys, 'slug:an_orphan'], 0, venue, now);
    expect(lines(plan)).toEqual([
      'keynotes_welcome [past]',
      '  ↳ 8 min walk, 35 min between, free 09:55–10:30 (35 min) [past]',
      'containers_podman [past]',
      '  ↳ stay, 5 min between [past]',
      'containers_lazy_image_distribution [past]',
      '  ↳ 8 min walk, 15 min between, free 11:15–11:30 (15 min) [past]',
      'onlyoffice_securly_collaborate [past]',
      '  ↳ stay, 5 min between [past]',
      'dozen_more_things_nextcloud [now]',
      '  ↳ 8 min walk, 30 min between, free 12:25–12:55 (30 min) [later]',
      'containers_live_migration [next]',
      '  ↳ stay, 30 min between, free 13:15–13:45 (30 min) [later]',
      'containers_k8s_runtimes [later]',
      '  ↳ 1 min walk, 25 min between, free 14:05–14:30 (25 min) [later]',
      'immutable [later]',
      '  ↳ tight 10 min walk, 5 min between [later]',
      'kubernetes [later]',
      '  ↳ 10 min walk, 70 min between, free 15:50–17:00 (1 h 10 min) [later]',
      'security_using_selinux_with_container_runtimes [later]',
      '  ↳ stay, 5 min between [later]',
      'security_the_hairy_issue_of_e2e_encryption_in_instant_messaging [later]',
      '  ↳ stay, 5 min between [later]',
      'security_what_you_most_likely_did_not_know_about_sudo [later]',
    ]);
    expect(plan.conflicts.map((c) => c.message)).toEqual([
      'You need 10 min to walk from UD2.120 (Chavanne) to K.1.105 (La Fontaine, building K, floor 1) but have 5.',
    ]);
    expect(plan.missing).toEqual(['slug:an_orphan']);
  });

  // The e2e test's six bookmarks: Extending sudo in Python starts with Podman but ends later,
  // so the day follows Podman; the Python talk says the overlap and starts no walk to stargz.
  it('six bookmarks with a clash: the overlap once, stay here, the run to K once', () => {
    const six = [
      'containers_podman',
      'python2020_sudo',
      'containers_lazy_image_distribution',
      'onlyoffice_securly_collaborate',
      'immutable',
      'kubernetes',
    ].map((s) => `slug:${s}`);
    expect(lines(planDay(conf, six, 0, venue))).toEqual([
      'containers_podman',
      'python2020_sudo (not followed) {overlaps containers_podman}',
      '  ↳ stay, 5 min between',
      'containers_lazy_image_distribution',
      '  ↳ 8 min walk, 15 min between, free 11:15–11:30 (15 min)',
      'onlyoffice_securly_collaborate',
      '  ↳ 8 min walk, 155 min between, free 11:55–14:30 (2 h 35 min)',
      'immutable',
      '  ↳ tight 10 min walk, 5 min between',
      'kubernetes',
    ]);
  });

  it('on Sunday none of these Saturday bookmarks show', () => {
    expect(planDay(conf, keys, 1, venue).items).toEqual([]);
  });
});

describe('formatMinutes', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [75, '1 h 15 min'],
    [150, '2 h 30 min'],
  ])('%i → %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));
});
