/**
 * One link to a talk's recording. Schedules list every file (FOSDEM: WebM and MP4, sometimes
 * under two room paths); a reader wants one link: the recording's own page where the schedule
 * has one (YouTube, media.ccc.de, Vimeo…), else one file, MP4 first since every phone plays it.
 */
import type { Link, Talk } from '../model';

const MEDIA_FILE = /\.(?:mp4|m4v|webm|mkv|ogv|mov|mp3|ogg|opus)$/i;

/** The one recording link to show, or undefined when the schedule has none. */
export function recordingOf(talk: Pick<Talk, 'links' | 'room'>): Link | undefined {
  const { recordings } = talk.links;
  if (recordings.length === 0) return undefined;
  // FOSDEM 2020 lists some talks under two room paths: the talk's own room goes first.
  const roomCode = talk.room.split(' (')[0]!.toLowerCase();
  const score = (link: Link): number => {
    const path = pathOf(link.url).toLowerCase();
    const kind = !MEDIA_FILE.test(path) ? 0 : path.endsWith('.mp4') ? 1 : 2;
    return kind * 2 + (roomCode && path.includes(`/${roomCode}/`) ? 0 : 1);
  };
  return recordings.reduce((best, link) => (score(link) < score(best) ? link : best));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
