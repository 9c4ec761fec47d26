/** Reads and parses a schedule for a CLI command, naming the source in any error. */
import { ScheduleError } from '../domain/errors';
import type { Conference } from '../domain/model';
import { parseSchedule } from '../domain/schedule';
import { readSource } from '../node/read-source';

/** A schedule file or URL, parsed; ScheduleError messages name the source. */
export async function loadConference(source: string): Promise<Conference> {
  const { text } = await readSource(source);
  try {
    return parseSchedule(text);
  } catch (e) {
    if (e instanceof ScheduleError) {
      const named = new ScheduleError(
        e.code,
        e.problem,
        e.where ? `${source}: ${e.where}` : source,
      );
      throw named;
    }
    throw e;
  }
}
