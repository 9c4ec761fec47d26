/**
 * Picks a friend shared (#/picks/<token>): the talks the link names, from this phone's own copy
 * of the schedule (so it works offline once the app is loaded), by day and time, each with its
 * star, and one button to add them all to My day. Keys this schedule does not know are counted,
 * never invented.
 */
import { useState } from 'preact/hooks';
import type { Talk } from '../../../domain/model';
import { decodePicks } from '../../../domain/picks';
import { plural } from '../../../domain/text';
import { venueDate } from '../../../domain/time';
import { useStore } from '../../../state/context';
import { TalkRow } from '../../components/TalkRow';
import { longDay } from '../../format';
import { href } from '../../router';
import './Picks.css';

/** The view; `token` is the link's last path segment. */
export default function PicksView({ token }: { token: string }) {
  const store = useStore();
  const conference = store.conference.value!;
  const byKey = store.talksByKey.value;
  const bookmarks = store.bookmarks.value;
  const now = store.clock.now.value;
  const zone = conference.timeZone;
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<number | null>(null);

  const { keys, unreadable } = decodePicks(token);
  const talks = keys
    .map((k) => byKey.get(k))
    .filter((t): t is Talk => t !== undefined)
    .sort((a, b) => a.start - b.start || a.room.localeCompare(b.room));
  const unknown = keys.length - talks.length + unreadable;
  const toAdd = talks.filter((t) => !bookmarks.has(t.key));
  const days = new Map<string, Talk[]>();
  for (const t of talks) {
    const date = venueDate(t.start, zone);
    days.set(date, [...(days.get(date) ?? []), t]);
  }

  async function addAll() {
    setBusy(true);
    const before = bookmarks.size;
    for (const t of toAdd) {
      if (!store.bookmarks.value.has(t.key)) await store.toggleBookmark(t);
    }
    setAdded(store.bookmarks.value.size - before);
    setBusy(false);
  }

  return (
    <div class="picks-view">
      <h1>Shared picks</h1>
      {talks.length === 0 ? (
        <p role="alert">
          {keys.length + unreadable === 0
            ? 'This link names no talk.'
            : `None of the ${plural(keys.length + unreadable, 'talk')} in this link is in your schedule (${conference.title}): the link may be for another conference, or cut short.`}{' '}
          <a href={href(['schedule'])}>Browse the schedule</a>
        </p>
      ) : (
        <>
          <p>
            {plural(talks.length, 'talk')} someone picked at {conference.title}.{' '}
            {toAdd.length === 0
              ? 'All of them are on your My day.'
              : toAdd.length < talks.length
                ? `${talks.length - toAdd.length} of them ${talks.length - toAdd.length === 1 ? 'is' : 'are'} on your My day already.`
                : ''}
          </p>
          {unknown > 0 && (
            <p class="picks-unknown">
              {plural(unknown, 'talk')} of the link {unknown === 1 ? 'is' : 'are'} not in your
              schedule (the link may be cut short, or your schedule older).
            </p>
          )}
          <div class="row">
            <button
              type="button"
              class="button"
              disabled={busy || toAdd.length === 0}
              onClick={() => void addAll()}
            >
              {toAdd.length === 0
                ? 'All on My day'
                : `Add ${plural(toAdd.length, 'talk')} to My day`}
            </button>
            <a class="button button-quiet" href={href(['my-day'])}>
              Open My day
            </a>
          </div>
          <p role="status" class="picks-added">
            {added === null ? '' : `Added ${plural(added, 'talk')} to My day.`}
          </p>
          {[...days].map(([date, list]) => (
            <section key={date} aria-labelledby={`picks-${date}`}>
              <h2 id={`picks-${date}`} class="section-head">
                {longDay(list[0]!.start, zone)}
              </h2>
              <ul class="plain-list picks-list">
                {list.map((t) => (
                  <li key={t.key}>
                    <TalkRow talk={t} conference={conference} now={now} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
