/**
 * What GET /api/reports?limit=5000 does to everyone else: 8 connections ask for it without
 * pause while 4 others poll GET /api/rooms; the rooms latency is the figure (alone, then under
 * that load). Run against a relay already holding reports.
 */
import autocannon from 'autocannon';

/** p50/p99 of /api/rooms, and how the report list was answered. */
export interface ReportsLoadResult {
  alone: { p50: number; p99: number };
  loaded: { p50: number; p99: number };
  listStatuses: Record<string, number>;
}

const SECONDS = 5;

async function rooms(base: string) {
  const r = await autocannon({ url: `${base}/api/rooms`, connections: 4, duration: SECONDS });
  return { p50: r.latency.p50, p99: r.latency.p99 };
}

/** Measures /api/rooms alone and while 8 connections page through /api/reports. */
export async function reportsLoad(
  base: string,
  headers: Record<string, string> = {},
): Promise<ReportsLoadResult> {
  const alone = await rooms(base);
  const list = autocannon({
    url: `${base}/api/reports?limit=5000`,
    connections: 8,
    duration: SECONDS + 1,
    headers,
  });
  const loaded = await rooms(base);
  const listed = await list;
  const listStatuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(listed.statusCodeStats ?? {})) {
    listStatuses[code] = Number(count);
  }
  return { alone, loaded, listStatuses };
}
