/** Venue time in the top bar; unmistakable when the clock is pretend ("time travel"). */
import { useStore } from '../../state/context';
import { shortDay, timeOf } from '../format';
import { href } from '../router';

/** The clock badge. */
export function ClockBadge() {
  const store = useStore();
  const zone = store.conference.value?.timeZone;
  if (!zone) return null;
  const now = store.clock.now.value;
  const real = store.clock.isReal.value;
  // "Sat 1 Feb": on a phone the date gives way (CSS) so the conference title keeps its room.
  const [weekday, ...date] = shortDay(now, zone).split(' ');
  return (
    <a
      class={`badge ${real ? 'badge-clock' : 'badge-pretend'}`}
      href={href(['settings'], { section: 'clock' })}
      title={real ? 'Venue time' : 'Pretend time — not the real clock'}
    >
      {real ? (
        timeOf(now, zone)
      ) : (
        <>
          {weekday}
          <span class="clock-date"> {date.join(' ')}</span> {timeOf(now, zone)} · pretend
        </>
      )}
      <span class="visually-hidden">
        {real ? ' (venue time)' : ' time: the clock is not real. Change it in Settings.'}
      </span>
    </a>
  );
}
