/**
 * Plan B answers in one tap: its per-schedule index (planBIndex, memoized per conference) is
 * built while the phone is idle, once the first screen is up, instead of on the first tap; the
 * topic model, the costly part (~0.3 s in Node, over a second on a throttled phone), is built in
 * a worker and handed over, so the page never freezes for it. Without workers it is built on
 * first use, as before.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { Conference } from '../domain/model';
import type { TopicIndex } from '../domain/planb';

/**
 * How long after a schedule arrives the build waits before asking for an idle moment: start-up
 * has idle moments too, and each is followed by the first render, which must not wait.
 */
export const PREBUILD_AFTER_MS = 2000;

/** The performance mark set when a worker's topic model has been adopted. */
export const TOPICS_ADOPTED_MARK = 'planb-topics-adopted';

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
        void import('../domain/planb').then(({ adoptTopics, hasTopics, planBIndex }) => {
          if (conference.peek() !== c) return;
          planBIndex(c);
          if (!hasTopics(c))
            buildTopicsInWorker(c, (topics) => {
              adoptTopics(c, topics);
              // Observable by tests and benchmarks: the model came from the worker.
              globalThis.performance?.mark?.(TOPICS_ADOPTED_MARK);
            });
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

/** Builds the topic model of `c` in a worker; `done` gets it (never called if that fails). */
function buildTopicsInWorker(c: Conference, done: (topics: TopicIndex) => void): void {
  if (typeof Worker === 'undefined') return;
  let worker: Worker;
  try {
    worker = new Worker(new URL('../workers/topics.worker.ts', import.meta.url), {
      type: 'module',
    });
  } catch {
    return;
  }
  const stop = () => worker.terminate();
  worker.onmessage = (event: MessageEvent<TopicIndex>) => {
    stop();
    done(event.data);
  };
  worker.onerror = stop;
  // Only what the model reads crosses over (no links, no rooms or times).
  worker.postMessage({
    talks: c.talks.map(
      ({ key, title, subtitle, abstract, description, track, type, language, persons }) => ({
        key,
        title,
        subtitle,
        abstract,
        description,
        track,
        type,
        language,
        persons,
      }),
    ),
  });
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
