/**
 * Errors a user can act on. Every way a schedule can be unreadable maps to one code, with a
 * human message that says what is wrong and where.
 */

/** Why a schedule could not be read. */
export type ScheduleErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-a-schedule'
  | 'html-page'
  | 'malformed'
  | 'truncated'
  | 'entity-expansion'
  | 'wrong-shape'
  | 'no-events';

/** Thrown by parseSchedule and every adapter; never anything else escapes them. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  constructor(
    readonly code: ScheduleErrorCode,
    /** What is wrong, in words for the attendee or organizer. */
    readonly problem: string,
    /** Where, when known: "line 12, column 3" or a JSON path like "schedule.conference.days[1]". */
    readonly where?: string,
  ) {
    super(`This file is not a schedule we can read: ${where ? `${where}: ` : ''}${problem}`);
  }
}

/** Largest schedule accepted, in characters: FOSDEM's is ~2.5 MB; 10× that is still fine. */
export const MAX_SCHEDULE_CHARS = 40 * 1024 * 1024;
