// The layers' boundaries are Biome rules (biome.json, noRestrictedImports overrides), not only
// words in the README. Each case writes one deliberate violation (or an allowed import) into a
// scratch tree that carries the project's biome.json, lints it, and reads which rule fired.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const biome = join(root, 'node_modules/.bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'planb-lint-'));
copyFileSync(join(root, 'biome.json'), join(scratch, 'biome.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** The messages of noRestrictedImports for `source` placed at `path` (inside src/). */
function restrictedImports(path: string, source: string): string[] {
  const dir = join(scratch, `case-${n++}`);
  mkdirSync(join(dir, dirname(path)), { recursive: true });
  copyFileSync(join(scratch, 'biome.json'), join(dir, 'biome.json'));
  writeFileSync(join(dir, path), source);
  let out: string;
  try {
    out = execFileSync(biome, ['lint', '--reporter=json', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exit code 1: diagnostics found
  }
  const report = JSON.parse(out) as {
    diagnostics: { category: string; message: string | { content: string }[] }[];
  };
  return report.diagnostics
    .filter((d) => d.category === 'lint/style/noRestrictedImports')
    .map((d) =>
      typeof d.message === 'string' ? d.message : d.message.map((m) => m.content).join(''),
    );
}

describe('the linter enforces the layers', () => {
  it('a view importing another view’s folder fails (My day → Now)', () => {
    const messages = restrictedImports(
      'src/ui/views/MyDay/Probe.tsx',
      "import { NowTalk } from '../Now/NowTalk';\nexport const x = NowTalk;\n",
    );
    expect(messages).toEqual([expect.stringContaining('does not import another view')]);
  });

  it('a component importing storage or sync fails; state and domain pass', () => {
    expect(
      restrictedImports(
        'src/ui/components/Probe.tsx',
        "import type { Note } from '../../storage/schema';\nexport type X = Note;\n",
      ),
    ).toEqual([expect.stringContaining('reads storage through the store')]);
    expect(
      restrictedImports(
        'src/ui/Probe.ts',
        "import type { ImportRequest } from '../sync/schedule-import';\nexport type X = ImportRequest;\n",
      ),
    ).toEqual([expect.stringContaining('sync/ types and actions through src/state/')]);
    expect(
      restrictedImports(
        'src/ui/views/MyDay/Probe.tsx',
        "import type { AppStore } from '../../../state/store';\nimport type { Talk } from '../../../domain/model';\nimport { roomAndBuilding } from '../../places';\nexport type X = [AppStore, Talk, typeof roomAndBuilding];\n",
      ),
    ).toEqual([]);
  });

  it('idb and the store names are for src/storage/ alone', () => {
    const idb = "import { openDB } from 'idb';\nexport const x = openDB;\n";
    expect(restrictedImports('src/state/probe.ts', idb)).toEqual([
      expect.stringContaining('Only src/storage/ talks to IndexedDB'),
    ]);
    expect(restrictedImports('src/storage/probe.ts', idb)).toEqual([]);
    expect(
      restrictedImports(
        'src/sync/probe.ts',
        "import { NAMES } from '../storage/schema';\nexport const x = NAMES.notes;\n",
      ),
    ).toEqual([expect.stringContaining('store names are the on-disk layout')]);
  });
});
