/**
 * One talk: what it is, when and where (venue time, room, building), who speaks, the abstract
 * (sanitized), and every useful link: slides, recording, livestream, indoor navigation.
 */

import { describeRoom } from '../../../domain/conflicts';
import type { Conference, Link, Talk } from '../../../domain/model';
import { foldText, talkTypeLabel } from '../../../domain/text';
import { roomLinks } from '../../../domain/venue';
import { useStore } from '../../../state/context';
import { AttendedControl } from '../../components/AttendedControl';
import { BookmarkButton } from '../../components/BookmarkButton';
import { NoteEditor } from '../../components/NoteEditor';
import { TalkPlanB } from '../../components/PlanBSheet';
import { ReminderSwitch } from '../../components/ReminderSwitch';
import { longDay, minutesText, spanOf, speakersOf } from '../../format';
import { href, route } from '../../router';
import { sanitizeAbstract } from '../../sanitize';
import './Talk.css';

/** True when a room's name already says its building ("Janson" in building "Janson"). */
function sameName(building: string, room: string): boolean {
  return foldText(room).startsWith(foldText(building));
}

/** The Talk view for a TalkKey from the route. */
export default function TalkView({ talkKey }: { talkKey: string }) {
  const store = useStore();
  const conference = store.conference.value!;
  const talk = store.talksByKey.value.get(talkKey);
  if (!talk) return <MissingTalk talkKey={talkKey} />;
  const now = store.clock.now.value;
  const zone = conference.timeZone;
  const room = conference.rooms.find((r) => r.name === talk.room);
  const venue = store.venue.value;
  const building = room && venue?.buildings.find((b) => b.id === room.building);
  const links = room ? roomLinks(conference, room) : {};
  const running = now >= talk.start && now < talk.end;
  const abstract = [talk.abstract, talk.description].filter((h) => h.trim()).map(sanitizeAbstract);
  const editNotes = route.value.params.get('edit') === 'notes';

  return (
    <article class="talk" aria-labelledby="talk-title">
      <p class="talk-track muted">
        {[talk.track.trim(), talkTypeLabel(talk.type, talk.track)].filter(Boolean).join(' · ')}
      </p>
      <h1 id="talk-title" class={talk.cancelled ? 'is-cancelled' : undefined}>
        {talk.cancelled && <span class="badge badge-cancelled">Cancelled</span>}
        {talk.title}
      </h1>
      {talk.subtitle && <p class="talk-subtitle">{talk.subtitle}</p>}
      {talk.persons.length > 0 && <p class="talk-speakers">{speakersOf(talk)}</p>}
      <dl class="talk-facts">
        <dt>When</dt>
        <dd>
          {longDay(talk.start, zone)}, {spanOf(talk, zone)} ({minutesText(talk.end - talk.start)})
          {running && !talk.cancelled && (
            <span class="badge badge-ok"> on now · {minutesText(talk.end - now)} left</span>
          )}
          {talk.amended && <span class="badge badge-warn">changed late</span>}
        </dd>
        <dt>Where</dt>
        <dd>
          {room ? (
            <a href={href(['map', 'room', room.slug])}>
              {venue ? describeRoom(venue, talk.room) : talk.room}
            </a>
          ) : (
            talk.room
          )}
          {building && !sameName(building.name, talk.room) ? (
            <span class="muted"> · {building.name}</span>
          ) : null}
        </dd>
        {talk.language && (
          <>
            <dt>Language</dt>
            <dd>{talk.language}</dd>
          </>
        )}
      </dl>
      <div class="row talk-actions">
        <BookmarkButton talk={talk} size="large" />
        <AttendedControl talkKey={talk.key} title={talk.title} />
      </div>
      <ReminderSwitch talk={talk} />
      <TalkPlanB talk={talk} />
      <TalkLinks
        talk={talk}
        conference={conference}
        livestream={running ? links.livestream : undefined}
        navigation={links.navigation}
      />
      <NoteEditor talkKey={talk.key} title={talk.title} autoFocus={editNotes} />
      {abstract.length > 0 ? (
        <section aria-labelledby="abstract-title" class="talk-abstract">
          <h2 id="abstract-title">About this talk</h2>
          {abstract.map((html, i) => (
            // Sanitized by DOMPurify (sanitize.ts): no scripts, handlers or non-http(s) links.
            <div key={i} dangerouslySetInnerHTML={{ __html: html }} />
          ))}
        </section>
      ) : (
        <p class="muted">No abstract in the schedule.</p>
      )}
    </article>
  );
}

function TalkLinks({
  talk,
  conference,
  livestream,
  navigation,
}: {
  talk: Talk;
  conference: Conference;
  livestream?: string | undefined;
  navigation?: string | undefined;
}) {
  const items: { label: string; link: Link; kind: string }[] = [];
  if (livestream)
    items.push({
      kind: 'live',
      label: 'Watch the livestream',
      link: { url: livestream, title: 'Livestream' },
    });
  for (const l of talk.links.recordings)
    items.push({ kind: 'recording', label: `Recording: ${l.title}`, link: l });
  for (const l of talk.links.slides)
    items.push({ kind: 'slides', label: `Slides: ${l.title}`, link: l });
  if (navigation)
    items.push({
      kind: 'nav',
      label: `Find ${talk.room} (indoor navigation)`,
      link: { url: navigation, title: 'Navigation' },
    });
  if (talk.url)
    items.push({
      kind: 'page',
      label: `Talk page on ${conference.title}`,
      link: { url: talk.url, title: 'Talk page' },
    });
  for (const l of talk.links.other) items.push({ kind: 'other', label: l.title, link: l });
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="links-title" class="talk-links">
      <h2 id="links-title">Links</h2>
      <ul>
        {items.map((i) => (
          <li key={`${i.kind}:${i.link.url}`} class={`link-${i.kind}`}>
            <a href={i.link.url} target="_blank" rel="noopener noreferrer">
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MissingTalk({ talkKey }: { talkKey: string }) {
  const store = useStore();
  const bookmark = store.bookmarks.value.get(talkKey);
  const note = store.notes.all.value.get(talkKey);
  const known = bookmark?.snapshot ?? note?.snapshot;
  return (
    <section class="empty-state">
      <h1>{known ? known.title : 'Talk not found'}</h1>
      <p>
        {known
          ? 'This talk is no longer in the current schedule (it may have been removed or renamed). What you saved about it is kept.'
          : 'This talk is not in the current schedule.'}
      </p>
      {note && (
        <NoteEditor
          talkKey={talkKey}
          title={known!.title}
          autoFocus={route.value.params.get('edit') === 'notes'}
        />
      )}
      <p>
        <a href={href(['schedule'])}>Back to the schedule</a>
      </p>
    </section>
  );
}
