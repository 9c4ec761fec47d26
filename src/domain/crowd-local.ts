/**
 * This phone's own reports count in its own view at once, before the relay has them (or while
 * offline). Pure: the relay's view and the outbox's reports are parameters.
 */
import { CROWD_DEFAULTS, type CrowdReport, decayWeight } from './crowd';
import type { RoomFullness } from './fullness';

/**
 * The relay's view with this phone's reports laid over it. Per room, the phone's latest report
 * (inside the window) wins when it is newer than everything the relay's entry reflects — it is
 * what the attendee just saw — shown with a lone device's confidence (at most 1/3). A current
 * official state is never overridden, and an own report the relay already counted changes
 * nothing.
 */
export function withOwnReports(
  relay: ReadonlyMap<string, RoomFullness>,
  own: Iterable<CrowdReport>,
  now: number,
  options: { halfLifeMs?: number; windowMs?: number; fullConfidenceWeight?: number } = {},
): Map<string, RoomFullness> {
  const o = { ...CROWD_DEFAULTS, ...options };
  const latest = new Map<string, CrowdReport>();
  for (const r of own) {
    if (r.at < now - o.windowMs || r.at > now + o.futureSkewMs) continue;
    const seen = latest.get(r.room);
    if (!seen || r.at > seen.at) latest.set(r.room, r);
  }
  const view = new Map(relay);
  for (const [room, mine] of latest) {
    const theirs = relay.get(room);
    if (theirs?.source === 'official') continue;
    if (theirs?.updatedAt !== undefined && theirs.updatedAt >= mine.at) continue;
    if (theirs?.level === mine.level) {
      view.set(room, { ...theirs, updatedAt: mine.at });
      continue;
    }
    view.set(room, {
      room,
      level: mine.level,
      confidence: decayWeight(now - mine.at, o.halfLifeMs) / o.fullConfidenceWeight,
      source: 'crowd',
      reports: 1,
      updatedAt: mine.at,
    });
  }
  return view;
}
