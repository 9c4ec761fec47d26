/** What bad-input tests ask of a call: the error it throws. */
import { expect } from 'vitest';
import { ScheduleError } from '../../src/domain/errors';
import { parseSchedule } from '../../src/domain/schedule';

/** The error a call throws (undefined when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The ScheduleError parseSchedule throws for `text`; fails the test when it accepts it. */
export function scheduleErrorOf(text: string): ScheduleError {
  const error = thrown(() => parseSchedule(text));
  if (error === undefined) throw new Error('parseSchedule accepted the input');
  expect(error).toBeInstanceOf(ScheduleError);
  return error as ScheduleError;
}
