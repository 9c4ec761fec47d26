/**
 * The app's clock: real time, or "time travel" to explore a past conference as if it were
 * Saturday 11:00. The pretend time keeps running from where it was set. `now` ticks every
 * 15 s so "on now" and "time left" stay right without re-rendering every second.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';

/** The clock as the UI reads it. */
export interface Clock {
  /** Current instant (UTC ms), real or pretend. */
  now: ReadonlySignal<number>;
  /** Pretend offset from real time in ms; null when the clock is real. */
  offset: ReadonlySignal<number | null>;
  /** True when the clock shows real time. */
  isReal: ReadonlySignal<boolean>;
  /** Pretends it is `instant` now (UTC ms); null returns to real time. */
  pretend(instant: number | null): void;
  /** Stops ticking. */
  dispose(): void;
}

/** Creates a clock; `realNow` and `tickMs` are for tests. */
export function createClock(
  options: { realNow?: () => number; tickMs?: number; offset?: number | null } = {},
): Clock {
  const realNow = options.realNow ?? Date.now;
  const offset = signal<number | null>(options.offset ?? null);
  const tick = signal(realNow());
  const timer = setInterval(() => {
    tick.value = realNow();
  }, options.tickMs ?? 15_000);
  return {
    now: computed(() => tick.value + (offset.value ?? 0)),
    offset,
    isReal: computed(() => offset.value === null),
    pretend(instant) {
      tick.value = realNow();
      offset.value = instant === null ? null : instant - tick.value;
    },
    dispose() {
      clearInterval(timer);
    },
  };
}
