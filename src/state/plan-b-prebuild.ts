/**
 * Plan B answers in one tap: its per-schedule index (planBIndex, memoized per conference) is
 * built while the phone is idle, once the first screen is up, instead of on the first tap.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { Conference } from '../domain/model';

/**
 * How long after a schedule arrives the build waits before asking for an idle moment: start-up
 * has idle moments too, and each is followed by the first render, which must not wait.
 */
export const PREBUILD_AFTER_MS = 2000;

/** The longest the build waits for an idle moment before running anyway. */
export const IDLE_TIMEOUT_MS = 5000;

/** Without requestIdleCallback (Safari), how long to wait instead. */
export const NO_IDLE_CALLBACK_DELAY_MS = 300;

/** Starts prebuilding the index of every schedule `conference` holds; returns the stop. */
export function prebuildPlanBIndex(conference: ReadonlySignal<Conference | undefined>): () => void {
  let idleHandle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopEffect = effect(() => {
    const c = conference.value;
    if (!c) return;
    clearTimeout(timer);
    cancelIdle(idleHandle);
    timer = setTimeout(() => {
      idleHandle = whenIdle(() => {
        // Loaded on demand: the engine stays out of the first-load bundle.
        void import('../domain/planb').then(({ planBIndex }) => {
          if (conference.peek() === c) planBIndex(c);
        });
      });
    }, PREBUILD_AFTER_MS);
  });
  return () => {
    stopEffect();
    clearTimeout(timer);
    cancelIdle(idleHandle);
  };
}

type IdleWindow = {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

function whenIdle(work: () => void): number {
  const w = globalThis as IdleWindow;
  if (w.requestIdleCallback) return w.requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  return setTimeout(work, NO_IDLE_CALLBACK_DELAY_MS) as unknown as number;
}

function cancelIdle(handle: number | undefined): void {
  if (handle === undefined) return;
  const w = globalThis as IdleWindow;
  if (w.cancelIdleCallback) w.cancelIdleCallback(handle);
  else clearTimeout(handle);
}
