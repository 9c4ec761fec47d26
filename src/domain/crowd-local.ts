/**
 * This phone's own reports count in its own view at once, before the relay has them (or while
 * offline). Pure: the relay's view and the outbox's reports are parameters.
 */
import { CROWD_DEFAULTS, type CrowdReport, decayWeight } from './crowd';
import type { RoomFullness } from './fullness';

/**
 * The relay's view with this phone's reports laid over it. Per room, the phone's latest report
 * (inside the window) wins when it is newer than everything the relay's entry reflects — it is
 * what the attendee just saw — with full confidence for this phone, fading with age. A current
 * official state is never overridden, and an own report the relay already counted changes
 * nothing.
 */
export function withOwnReports(
  relay: ReadonlyMap<string, RoomFullness>,
  own: Iterable<CrowdReport>,
  now: number,
  options: { halfLifeMs?: number; windowMs?: number } = {},
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
    // What the attendee saw themselves is certain to them: it counts with full confidence on
    // this phone (fading like any report), so the sheet, the badges and stay-or-go all treat a
    // room they just reported full as full. Other phones weigh it as one device among many.
    view.set(room, {
      room,
      level: mine.level,
      confidence: decayWeight(now - mine.at, o.halfLifeMs),
      source: 'crowd',
      reports: 1,
      updatedAt: mine.at,
    });
  }
  return view;
}
