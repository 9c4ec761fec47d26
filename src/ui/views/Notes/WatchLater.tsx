/**
 * "Watch later": the bookmarked talks the attendee missed (over, not attended, no notes), the
 * rooms they found full marked, each with its recording when the schedule has one, else its
 * page. It follows the schedule: a refresh that brings the recordings (FOSDEM publishes them in
 * the weeks after) turns "No recording yet" into a link, with nothing to do.
 */
import { useMemo } from 'preact/hooks';
import { selectForExport, WRITE_UP_KINDS } from '../../../domain/export/selection';
import { plural } from '../../../domain/text';
import { useStore } from '../../../state/context';
import { JumpSection } from '../../components/JumpSection';
import { shortDay, timeOf } from '../../format';
import { href } from '../../router';

/** The missed talks of the whole conference, as of the app's clock. */
export function WatchLater() {
  const store = useStore();
  const conference = store.conference.value!;
  const bookmarks = store.bookmarks.value;
  const notes = store.notes.all.value;
  const attended = store.notes.attended.value;
  const reports = store.crowd.reports.value;
  const now = store.clock.now.value;
  const minute = Math.floor(now / 60_000);
  const missed = useMemo(
    () =>
      selectForExport(
        conference,
        {
          bookmarks: [...bookmarks.values()],
          notes: [...notes.values()],
          attended: [...attended.values()],
          reports,
        },
        { kinds: WRITE_UP_KINDS, now },
      ).missed,
    // `minute` stands for `now`: the list changes when a talk ends, not every second.
    [conference, bookmarks, notes, attended, reports, minute],
  );
  const zone = conference.timeZone;
  const recordings = missed.filter((m) => m.watch?.kind === 'recording').length;

  return (
    <JumpSection headingId="notes-watch" class="notes-tool" title="Watch later">
      <p class="muted">
        {missed.length === 0
          ? 'Talks you bookmarked but did not attend show up here once they are over, with their recording when the schedule has one.'
          : `${plural(missed.length, 'talk')} you bookmarked and missed; ${recordings === missed.length ? 'all have a recording' : `${recordings} with a recording so far (they appear when the schedule brings them)`}.`}
      </p>
      {missed.length > 0 && (
        <ul class="plain-list watch-list">
          {missed.map((m) => (
            <li key={m.key} class="watch-item">
              <a class="watch-title" href={href(['talk', m.key])}>
                {m.title}
              </a>
              <p class="notes-item-meta">
                {[`${shortDay(m.start, zone)} ${timeOf(m.start, zone)}`, m.room]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p class="watch-links">
                {m.roomFull && <span class="badge badge-warn">Room was full</span>}
                {m.watch ? (
                  <a href={m.watch.url} target="_blank" rel="noopener noreferrer">
                    {m.watch.kind === 'recording' ? 'Watch the recording' : 'Talk page'}
                    <span class="visually-hidden"> of “{m.title}”</span>
                  </a>
                ) : (
                  <span class="muted">No recording yet</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </JumpSection>
  );
}
