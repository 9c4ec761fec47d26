/**
 * Share your picks: a link holding only the talk keys of your bookmarks (a day's, or all), to
 * send or to show as a QR code (drawn with uqr, loaded when asked for). The friend who opens it
 * sees the talks from their own copy of the schedule (#/picks/…) and can add them to theirs.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { encodePicks } from '../../../domain/picks';
import { plural } from '../../../domain/text';
import { venueDate } from '../../../domain/time';
import { useStore } from '../../../state/context';
import { JumpSection } from '../../components/JumpSection';
import { dayLabel } from '../../format';
import { href } from '../../router';
import { canShareAnything, copyText } from './files';

/** The app's address with a route: what a friend's browser opens. */
function appLink(route: string): string {
  return `${location.origin}${location.pathname}${route}`;
}

/** The QR code of `text` as an SVG path of its dark modules (one unit per module). */
function QrCode({ text }: { text: string }) {
  const [qr, setQr] = useState<{ size: number; path: string } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    import('uqr').then(
      ({ encode }) => {
        const { data, size } = encode(text, { ecc: 'L', border: 2 });
        let path = '';
        data.forEach((row, y) => {
          row.forEach((dark, x) => {
            if (dark) path += `M${x} ${y}h1v1h-1z`;
          });
        });
        if (live) setQr({ size, path });
      },
      (e: Error) => live && setQr({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (!qr) return <p aria-busy="true">Drawing the QR code…</p>;
  if ('error' in qr) return <p role="alert">The QR code could not be drawn ({qr.error}).</p>;
  return (
    <svg
      class="picks-qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label="QR code of the link to your picks"
      shape-rendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}

/** The section on the Notes view. */
export function SharePicks() {
  const store = useStore();
  const conference = store.conference.value!;
  const bookmarks = store.bookmarks.value;
  const byKey = store.talksByKey.value;
  const zone = conference.timeZone;
  const today = venueDate(store.clock.now.value, zone);
  const [day, setDay] = useState(conference.days.some((d) => d.date === today) ? today : '');
  const [showQr, setShowQr] = useState(false);
  const [message, setMessage] = useState('');
  const keys = useMemo(
    () =>
      [...bookmarks.keys()]
        .map((k) => byKey.get(k))
        .filter((t) => t !== undefined && (!day || venueDate(t.start, zone) === day))
        .sort((a, b) => a!.start - b!.start)
        .map((t) => t!.key),
    [bookmarks, byKey, day, zone],
  );
  const link = keys.length > 0 ? appLink(href(['picks', encodePicks(keys)])) : '';

  return (
    <JumpSection headingId="notes-picks" class="notes-tool" title="Share your picks">
      <p class="muted">
        A link to the talks on your My day, for a friend: it holds only which talks, nothing else.
        Their phone shows them from its own schedule, also offline.
      </p>
      <p class="picks-day">
        <label for="picks-day">Picks of</label>{' '}
        <select id="picks-day" value={day} onChange={(e) => setDay(e.currentTarget.value)}>
          <option value="">the whole conference</option>
          {conference.days.map((d) => (
            <option key={d.date} value={d.date}>
              {dayLabel(d, zone)}
            </option>
          ))}
        </select>
      </p>
      {keys.length === 0 ? (
        <p>No bookmarked talk {day ? 'on that day' : 'yet'}: star talks to share them.</p>
      ) : (
        <>
          <label for="picks-link">
            Link to your {plural(keys.length, 'pick')} ({link.length} characters)
          </label>
          <input
            id="picks-link"
            class="picks-link"
            type="url"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div class="row notes-actions">
            <button
              type="button"
              class="button"
              onClick={async () =>
                setMessage(
                  (await copyText(link))
                    ? 'Link copied.'
                    : 'Copying was refused: select the link and copy it.',
                )
              }
            >
              Copy link
            </button>
            {canShareAnything() && (
              <button
                type="button"
                class="button button-quiet"
                onClick={() =>
                  navigator
                    .share({ title: `My picks at ${conference.title}`, url: link })
                    .catch(() => undefined)
                }
              >
                Share link…
              </button>
            )}
            <button
              type="button"
              class="button button-quiet"
              aria-expanded={showQr}
              onClick={() => setShowQr(!showQr)}
            >
              {showQr ? 'Hide QR code' : 'Show QR code'}
            </button>
          </div>
          <div role="status">{message && <p class="notes-message-ok">{message}</p>}</div>
          {showQr && <QrCode text={link} />}
        </>
      )}
    </JumpSection>
  );
}
