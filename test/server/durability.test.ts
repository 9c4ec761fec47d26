// A 202 is a promise: the report is on disk. The relay runs as its own process under report
// load, is killed with SIGKILL mid-flight, restarts on the same data folder, and every report
// it had answered 202 is still there (read back through GET /api/reports).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, reportBody, spawnRelayProcess } from './support';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function startRelayProcess(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const started = await spawnRelayProcess(dataDir);
  children.push(started.child);
  return started;
}

async function allStoredIds(base: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let after = 0;
  for (;;) {
    const owner = { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } };
    const url = `${base}/api/reports?after=${after}&limit=1000`;
    const page = (await (await fetch(url, owner)).json()) as {
      reports: Array<{ id: string }>;
      next: number;
    };
    if (page.reports.length === 0) return ids;
    for (const r of page.reports) ids.add(r.id);
    after = page.next;
  }
}

describe('durability', () => {
  it('every report answered 202 survives a SIGKILL under load', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planb-durable-'));
    dirs.push(dataDir);
    const first = await startRelayProcess(dataDir);
    const acknowledged = new Set<string>();
    let refused = 0;
    let killed = false;
    const rooms = ['UD2.208 (Decroly)', 'Janson', 'H.2215 (Ferrer)', 'AW1.126', 'ub2252a'];
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const body = reportBody({ device: `durable-${w}-${i}`, room: rooms[i % rooms.length] });
        try {
          const res = await fetch(`${first.base}/api/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          if (res.status === 202) acknowledged.add(body.id as string);
          else refused++;
          await res.arrayBuffer();
        } catch {
          return; // the relay is gone
        }
      }
    };
    const load = Array.from({ length: 32 }, (_, w) => worker(w));
    // Let it run until hundreds of reports are acknowledged, then pull the plug.
    await expect
      .poll(() => acknowledged.size, { timeout: 60_000, interval: 20 })
      .toBeGreaterThan(500);
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(load);
    expect(refused).toBe(0);

    const second = await startRelayProcess(dataDir);
    const stored = await allStoredIds(second.base);
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    // Reports in flight when it died may or may not be there; nothing else is.
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);
    expect(stored.size).toBeLessThanOrEqual(acknowledged.size + 32);
    const health = await (await fetch(`${second.base}/api/health`)).json();
    expect(health.reports.stored).toBe(stored.size);
    second.child.kill('SIGTERM');
  }, 120_000);
});
