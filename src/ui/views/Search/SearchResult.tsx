/**
 * One search hit: when (day and time, venue time), the title, speakers, room and building, and
 * which fields matched, with the matched words marked. Rows grow with their content; the view
 * keeps their number small instead of windowing them.
 */

import type { Conference } from '../../../domain/model';
import type { SearchField, SearchHit } from '../../../domain/search';
import { UNKNOWN_BUILDING } from '../../../domain/venue/types';
import { BookmarkButton } from '../../components/BookmarkButton';
import { whenLabel } from '../../format';
import { href } from '../../router';
import { excerptAround } from './excerpt';
import { Highlight } from './Highlight';

const FIELD_LABELS: Record<SearchField, string> = {
  title: 'title',
  speaker: 'speaker',
  track: 'track',
  room: 'room',
  subtitle: 'subtitle',
  abstract: 'abstract',
  description: 'description',
};

/** A result row linking to the talk. */
export function SearchResult({
  hit,
  query,
  conference,
  building,
  now,
}: {
  hit: SearchHit;
  query: string;
  conference: Conference;
  building: string | undefined;
  now: number;
}) {
  const { talk, fields } = hit;
  const zone = conference.timeZone;
  const inText = fields.includes('abstract') || fields.includes('description');
  // The abstract explains the hit only when nothing visible above it does.
  const excerpt =
    inText && !fields.includes('title') && !fields.includes('speaker')
      ? excerptAround(fields.includes('abstract') ? talk.abstract : talk.description, query)
      : undefined;
  const why = fields.filter((f) => f !== 'title').map((f) => FIELD_LABELS[f]);
  const state = talk.cancelled
    ? 'cancelled'
    : now >= talk.end
      ? 'past'
      : now >= talk.start
        ? 'running'
        : '';
  return (
    <li class={`search-hit ${state ? `search-hit-${state}` : ''}`}>
      <a class="search-hit-link" href={href(['talk', talk.key])}>
        <span class="search-hit-when">
          <span>
            {whenLabel(talk.start, talk.end, zone)}
            {state === 'running' && <span class="search-hit-now"> · on now</span>}
          </span>
          {why.length > 0 && <span class="search-hit-why">in {why.join(' · ')}</span>}
        </span>
        <span class="search-hit-title">
          {talk.cancelled && <span class="badge badge-cancelled">Cancelled</span>}
          <Highlight text={talk.title} query={query} />
        </span>
        {fields.includes('subtitle') && talk.subtitle && (
          <span class="search-hit-line">
            <Highlight text={talk.subtitle} query={query} />
          </span>
        )}
        {talk.persons.length > 0 && (
          <span class="search-hit-line search-hit-speakers">
            <Highlight text={talk.persons.map((p) => p.name).join(', ')} query={query} />
          </span>
        )}
        <span class="search-hit-line search-hit-where">
          {fields.includes('room') ? <Highlight text={talk.room} query={query} /> : talk.room}
          {building && building !== UNKNOWN_BUILDING ? ` · building ${building}` : ''}
          {fields.includes('track') && talk.track ? (
            <>
              {' · '}
              <Highlight text={talk.track} query={query} />
            </>
          ) : null}
        </span>
        {excerpt && (
          <span class="search-hit-excerpt">
            <Highlight text={excerpt.text} query={query} ranges={excerpt.ranges} />
          </span>
        )}
      </a>
      <BookmarkButton talk={talk} />
    </li>
  );
}
