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
  const text = `${real ? '' : `${shortDay(now, zone)} `}${timeOf(now, zone)}`;
  return (
    <a
      class={`badge ${real ? 'badge-clock' : 'badge-pretend'}`}
      href={href(['settings'], { section: 'clock' })}
      title={real ? 'Venue time' : 'Pretend time — not the real clock'}
    >
      {real ? text : `${text} · pretend`}
      <span class="visually-hidden">
        {real ? ' (venue time)' : ' time: the clock is not real. Change it in Settings.'}
      </span>
    </a>
  );
}
