import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Conference } from '../../src/domain/model';
import type { DayPlan } from '../../src/domain/my-day';
import { formatMinutes, planDay } from '../../src/domain/my-day';
import { parseSchedule } from '../../src/domain/schedule';
import { parseVenueDateTime } from '../../src/domain/time';
import { venueForConference } from '../../src/domain/venue';
import { describeWithSharedData, readShared } from '../support/shared-data';

/** The plan as short lines: "talk <key> [status] {conflict kinds}" or the gap label. */
function lines(plan: DayPlan): string[] {
  return plan.items.map((i) => {
    const status = i.status ? ` [${i.status}]` : '';
    if (i.kind === 'gap') return `${i.label}${status}`;
    const kinds = i.conflicts.map((c) => c.kind).join(',');
    const cancelled = i.talk.cancelled ? ' (cancelled)' : '';
    return `${i.talk.key.replace(/^slug:/, '')}${cancelled}${status}${kinds ? ` {${kinds}}` : ''}`;
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

  // Talks starting together are listed by room: H.1308 before UB2.252A.
  it('lists talks in time order with their conflicts, and the gaps between them', () => {
    const plan = planDay(conf, [...saturday, 'slug:gone_for_good'], 0, venue);
    expect(plan.day?.date).toBe('2027-02-06');
    expect(lines(plan)).toEqual([
      'keynote_welcome',
      'free 09:55–11:00 (1 h 5 min)',
      'security_selinux_containers {overlap}',
      'containers_pods_no_daemon {overlap}',
      'free 11:25–14:00 (2 h 35 min)',
      'collab_office_suite_part1 {tight-transfer}',
      'monitoring_office_suite_part2 {tight-transfer}',
    ]);
    expect(plan.conflicts.map((c) => [c.kind, c.minutes])).toEqual([
      ['overlap', 25],
      ['tight-transfer', 7],
    ]);
    expect(plan.missing).toEqual(['slug:gone_for_good']);
    const gap = plan.items[1]!;
    expect(gap).toMatchObject({ kind: 'gap', minutes: 65 });
  });

  it('marks past, now and next against the clock; gaps can be now', () => {
    expect(lines(planDay(conf, saturday, 0, venue, at('2027-02-06 11:10')))).toEqual([
      'keynote_welcome [past]',
      'free 09:55–11:00 (1 h 5 min) [past]',
      'security_selinux_containers [now] {overlap}',
      'containers_pods_no_daemon [now] {overlap}',
      'free 11:25–14:00 (2 h 35 min) [later]',
      'collab_office_suite_part1 [next] {tight-transfer}',
      'monitoring_office_suite_part2 [later] {tight-transfer}',
    ]);
    const lunch = planDay(conf, saturday, 0, venue, at('2027-02-06 12:00'));
    expect(lines(lunch).slice(2, 5)).toEqual([
      'security_selinux_containers [past] {overlap}',
      'containers_pods_no_daemon [past] {overlap}',
      'free 11:25–14:00 (2 h 35 min) [now]',
    ]);
  });

  it('two talks starting together are both next', () => {
    const plan = planDay(conf, saturday, 0, venue, at('2027-02-06 10:00'));
    expect(plan.items.filter((i) => i.status === 'next').length).toBe(2);
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
      'free 10:55–11:30 (35 min) [later]',
      'db_sharding_tears (cancelled) [later]',
      'db_embedded_phones [next]',
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('honours minGapMinutes and the conflict options', () => {
    const plan = planDay(conf, saturday, 0, venue, undefined, {
      minGapMinutes: 90,
      seatMarginMinutes: 2,
    });
    expect(plan.items.filter((i) => i.kind === 'gap').map((g) => g.minutes)).toEqual([155]);
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
      'free 09:55–10:30 (35 min) [past]',
      'containers_podman [past]',
      'containers_lazy_image_distribution [past]',
      'free 11:15–11:30 (15 min) [past]',
      'onlyoffice_securly_collaborate [past]',
      'dozen_more_things_nextcloud [now]',
      'free 12:25–12:55 (30 min) [later]',
      'containers_live_migration [next]',
      'free 13:15–13:45 (30 min) [later]',
      'containers_k8s_runtimes [later]',
      'free 14:05–14:30 (25 min) [later]',
      'immutable [later] {tight-transfer}',
      'kubernetes [later] {tight-transfer}',
      'free 15:50–17:00 (1 h 10 min) [later]',
      'security_using_selinux_with_container_runtimes [later]',
      'security_the_hairy_issue_of_e2e_encryption_in_instant_messaging [later]',
      'security_what_you_most_likely_did_not_know_about_sudo [later]',
    ]);
    expect(plan.conflicts.map((c) => c.message)).toEqual([
      'You need 10 min to walk from UD2.120 (Chavanne) to K.1.105 (La Fontaine, building K, floor 1) but have 5.',
    ]);
    expect(plan.missing).toEqual(['slug:an_orphan']);
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
