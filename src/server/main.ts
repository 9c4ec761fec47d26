/**
 * `npm start`: the relay serving the built app and its API on one port.
 * Environment: SCHEDULE (file or URL; default the demo conference), PORT (default 8080),
 * HOST (default 127.0.0.1; 0.0.0.0 lets phones on the same network connect),
 * SCHEDULE_REFRESH_SECONDS (default 300), and the crowd/official variables of config.ts
 * (DATA_DIR default .planb-data, OFFICIAL_STATUS_URL, rate limits…).
 * Prints "Plan B is running at http://HOST:PORT/" once it listens (tests parse it with PORT=0).
 */
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRelay } from './app';
import { relayOptionsFromEnv } from './config';
import { ScheduleSource } from './schedule-source';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The demo conference served when SCHEDULE is not set. */
export const DEMO_SCHEDULE = resolve(root, 'data/demo/planb-demo.xml');

async function start(): Promise<void> {
  const source = process.env.SCHEDULE?.trim() || DEMO_SCHEDULE;
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST?.trim() || '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), not "${process.env.PORT}".`);
  }
  let schedule: ScheduleSource;
  try {
    schedule = await ScheduleSource.open(source);
  } catch (e) {
    throw new Error(`Cannot serve SCHEDULE=${source}\n${(e as Error).message}`);
  }
  schedule.startRefreshing(Number(process.env.SCHEDULE_REFRESH_SECONDS ?? 300) * 1000);
  const options = relayOptionsFromEnv(process.env, () => schedule.current.conference);
  const relay = createRelay({
    ...options,
    schedule,
    distDir: resolve(process.env.DIST_DIR?.trim() || resolve(root, 'dist')),
  });
  const server = createServer(relay.handle);
  // A slow or stuck upload must not hold a connection for minutes (SSE streams are unaffected).
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why =
      e.code === 'EADDRINUSE' ? `port ${port} is in use: set PORT to another one` : e.message;
    process.stderr.write(`Plan B could not start: ${why}\n`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    const c = schedule.current.conference;
    process.stdout.write(
      `Plan B is running at http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actualPort}/\n` +
        `Schedule: ${c.title} (${c.talks.length} talks) from ${source}\n` +
        `Data: ${options.dataDir}` +
        (options.official ? ` · official room status from ${options.official.url}\n` : '\n'),
    );
  });
  const stop = () => {
    server.close();
    relay
      .close()
      .catch((e) => process.stderr.write(`Plan B: ${(e as Error).message}\n`))
      .finally(() => {
        server.closeAllConnections();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start().catch((e) => {
  process.stderr.write(`Plan B could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
