/**
 * `planb`: the command line for organizers and scripts, on the same domain code as the app.
 * Every failure is a clear message on stderr and a non-zero exit code (1: the input is bad,
 * 2: the command is used wrongly).
 */
import { parseArgs } from 'node:util';
import { ScheduleError } from '../domain/errors';
import { BackupError } from '../domain/export/backup';
import { ExportError } from '../domain/export/selection';
import { SourceError } from '../node/read-source';
import { runDiff } from './diff';
import { EXPORT_FORMATS, type ExportFormat, runExport } from './export';
import { runInspect } from './inspect';
import { runSuggest, SuggestInputError } from './suggest';

/** A mistake in how the command was called. */
export class UsageError extends Error {}

const USAGE = `Usage: planb <command> [options]

Commands:
  inspect <file or URL> [--json] [--talks]   what a schedule holds
  diff <old> <new> [--json]                  what changed between two versions of a schedule
  suggest <file or URL> --at "<date time>" --full "<room>" [--full …] [--from "<room>"]
          [--talk <TalkKey>] [--bookmark <TalkKey> …] [--json]
                                             plan B when a room is full: livestream, alternatives
  export <schedule> --backup <backup.json> --format markdown|ics [--day YYYY-MM-DD]
                                             notes and talks from a backup, to stdout
  help                                       this text

Schedules: Pentabarf XML (FOSDEM), frab XML/JSON, pretalx JSON, iCalendar (ICS).`;

/** Where a command writes; the tests pass their own. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs planb with its arguments; resolves to the exit code. */
export async function main(argv: string[], io: Output): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        talks: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        at: { type: 'string' },
        full: { type: 'string', multiple: true },
        from: { type: 'string' },
        talk: { type: 'string' },
        bookmark: { type: 'string', multiple: true },
        backup: { type: 'string' },
        format: { type: 'string' },
        day: { type: 'string' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case 'inspect':
        if (rest.length !== 1) throw new UsageError('inspect takes one schedule file or URL.');
        io.out(await runInspect(rest[0]!, { json: values.json, talks: values.talks }));
        return 0;
      case 'diff':
        if (rest.length !== 2)
          throw new UsageError('diff takes two schedules: the old one, then the new one.');
        io.out(await runDiff(rest[0]!, rest[1]!, { json: values.json }));
        return 0;
      case 'suggest': {
        if (rest.length !== 1) throw new UsageError('suggest takes one schedule file or URL.');
        const { at, full = [], from, talk, bookmark = [], json } = values;
        if (!at) throw new UsageError('suggest needs --at "<venue-local date time>".');
        if (full.length === 0 && !talk) throw new UsageError('suggest needs --full "<room>".');
        io.out(await runSuggest(rest[0]!, { at, full, from, talk, bookmarks: bookmark, json }));
        return 0;
      }
      case 'export': {
        if (rest.length !== 1) throw new UsageError('export takes one schedule file or URL.');
        const { backup, format, day } = values;
        if (!backup) throw new UsageError('export needs --backup <backup.json>.');
        if (!EXPORT_FORMATS.includes(format as ExportFormat))
          throw new UsageError('export needs --format markdown or --format ics.');
        io.out(await runExport(rest[0]!, { backup, format: format as ExportFormat, day }));
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`planb: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (
      e instanceof ScheduleError ||
      e instanceof SourceError ||
      e instanceof SuggestInputError ||
      e instanceof BackupError ||
      e instanceof ExportError
    ) {
      io.err(`planb: ${e.message}`);
      return 1;
    }
    io.err(`planb: unexpected error: ${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}
