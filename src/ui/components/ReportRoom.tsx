/**
 * "I'm at <room>: seats / standing only / full / door closed + queue" — one tap reports what the
 * attendee sees. The report is saved on the phone first and counts in its own view at once;
 * the line under the buttons says whether it has been shared or will be sent when online.
 */
import { useState } from 'preact/hooks';
import type { FullnessLevel } from '../../domain/fullness';
import { useStore } from '../../state/context';
import type { OwnReport } from '../../state/crowd';
import { agoText, FreshnessNote, FullnessBadge } from './FullnessBadge';
import './crowd.css';

/** The four buttons, emptiest first, as attendees say it. */
export const REPORT_CHOICES: readonly { level: FullnessLevel; label: string }[] = [
  { level: 'seats', label: 'Seats' },
  { level: 'standing', label: 'Standing only' },
  { level: 'full', label: 'Full' },
  { level: 'queue', label: 'Door closed + queue' },
];

const WORDS: Record<FullnessLevel, string> = {
  seats: 'seats available',
  standing: 'standing only',
  full: 'full',
  queue: 'door closed + queue',
};

/** The report buttons for one room. */
export function ReportRoom({ room }: { room: { name: string; slug: string } }) {
  const store = useStore();
  const crowd = store.crowd;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lastId, setLastId] = useState<string | null>(null);
  const mine = crowd.mine.value.filter((r) => r.room === room.slug);
  // The report just made here, else this phone's latest one for the room (within 2 h).
  const latest = mine.find((r) => r.id === lastId) ?? mine.at(-1);
  const status = latest ? statusText(latest, lastId === latest.id) : '';

  async function report(level: FullnessLevel) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await crowd.report(room.slug, level);
      if (saved) setLastId(saved.id);
    } catch (e) {
      setError(`Could not save your report: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  function statusText(r: OwnReport, justNow: boolean): string {
    const what = `“${WORDS[r.level]}”`;
    const head = justNow
      ? `Reported ${what}, thanks.`
      : `You reported ${what} ${agoText(Math.max(0, crowd.realNow.value - r.at))}.`;
    if (r.rejected) return `${head} The relay refused it: ${r.rejected}`;
    if (r.sentAt !== undefined) return `${head} Shared with everyone.`;
    if (!crowd.hasRelay) return `${head} It counts on this phone; there is no relay to share it.`;
    if (!crowd.online.value)
      return `${head} It counts on this phone now and will be sent when online.`;
    return `${head} Sending…`;
  }

  return (
    <div class="report-room">
      <fieldset class="report-room-buttons">
        <legend class="report-room-title">
          I'm at <strong>{room.name}</strong>:
        </legend>
        <div class="report-room-grid">
          {REPORT_CHOICES.map((c) => (
            <button
              key={c.level}
              type="button"
              class={`button button-quiet report-${c.level}`}
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void report(c.level)}
            >
              {c.label}
            </button>
          ))}
        </div>
      </fieldset>
      <p class="report-room-status" role="status">
        {error ?? status}
      </p>
    </div>
  );
}

/** A room page's crowd block: how full it is (with how fresh that is) and the report buttons. */
export function RoomCrowd({ room }: { room: { name: string; slug: string } }) {
  return (
    <section class="room-crowd" aria-label="How full this room is">
      <p class="room-crowd-status">
        <FullnessBadge room={room.slug} showUnknown />
      </p>
      <FreshnessNote />
      <ReportRoom room={room} />
    </section>
  );
}
