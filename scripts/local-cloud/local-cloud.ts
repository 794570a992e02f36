import tcb from '@cloudbase/node-sdk';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { provisionCollections } from '../provision';
import { seedDemo, type SeedResult } from '../seed/seed-demo';
import { DatabaseService } from './database-service';
import { DevClock } from './dev-clock';
import { DocumentStore } from './document-store';
import { applyLocalSdkEnvironment, FunctionHost, LOCAL_ENV_ID } from './function-host';
import { createGateway } from './gateway';
import { readTimerTriggers, startTimerTriggers, timerEvent } from './timer-triggers';

/**
 * The embedded local cloud: database service (SDK protocol → mingo → SQLite),
 * function host, gateway with the H5 build and dev controls. `npm start` runs it;
 * the end-to-end tests start it on a free port.
 */
export const ROOT = resolve(__dirname, '..', '..');

/** The HTTP access service's routes, as `tcb service create -p <path> -f <function>` makes them in CloudBase (README "Data sharing"). */
export const HTTP_ROUTES: Record<string, string> = { '/feed': 'feed' };

export interface LocalCloudOptions {
  /** Gateway port; 0 picks a free one. */
  port: number;
  /** SQLite file, or ':memory:'. */
  dataFile: string;
  devMode?: boolean;
  seed?: boolean;
  staticDir?: string;
  functionsDir?: string;
  /** Run timer triggers on their cron (npm start). Tests tick explicitly instead. */
  timers?: boolean;
  /** Where generated files go (the biweekly reports); default `files/` beside the data file, a temporary folder for ':memory:'. */
  filesDir?: string;
  log?: (line: string) => void;
}

export interface LocalCloud {
  url: string;
  databaseUrl: string;
  store: DocumentStore;
  database: DatabaseService;
  host: FunctionHost;
  clock: DevClock;
  seedResult: SeedResult | null;
  /** The local FileStore's folder (served at /__files/). */
  filesDir: string;
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections?.();
    server.close(() => done());
  });
}

/** Starts only the database service (function tests use this with the api source). */
export async function startDatabaseService(dataFile = ':memory:') {
  const store = new DocumentStore({ file: dataFile });
  const database = new DatabaseService(store);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').startsWith('/admin')) {
      database.handle(req, res).catch((err) => {
        res.writeHead(500).end(String(err));
      });
    } else {
      res.writeHead(404).end();
    }
  });
  // The SDK keeps connections alive between requests. Node closes an idle one
  // after 5 s, which races with a request the SDK sends on it (ECONNRESET) when
  // the process was busy for a while (a bulk load, a long scan): keep them
  // open as long as a function could run.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = await listen(server, 0);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    store,
    database,
    async stop() {
      await close(server);
      store.close();
    },
  };
}

/**
 * Data kept from an older version of the platform (questions without their
 * embedded timeline, decision 10) would fail in confusing ways: say so and stop.
 */
function refuseOlderData(store: DocumentStore, dataFile: string): void {
  // Older still: without their timeline (decision 10), or without updatedAt (the export feed's order, issue 10).
  const old = [...store.find('questions', { timeline: { $exists: false } }, { limit: 1 }), ...store.find('questions', { updatedAt: { $exists: false } }, { limit: 1 })];
  if (old.length > 0) {
    throw new Error(`${dataFile} holds questions written by an older version of the platform. Delete it (the demo data is seeded again on start).`);
  }
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const db = await startDatabaseService(options.dataFile);
  applyLocalSdkEnvironment(db.url);
  const filesDir = options.filesDir ?? (options.dataFile === ':memory:' ? mkdtempSync(join(tmpdir(), 'qnzs-files-')) : join(dirname(resolve(options.dataFile)), 'files'));
  mkdirSync(filesDir, { recursive: true });
  // The functions' FileStore writes here; the gateway serves it at /__files/ (config.ts: LOCAL_FILES_URL defaults to that path).
  process.env.LOCAL_FILES_DIR = filesDir;

  const sdkDb = tcb.init({ env: LOCAL_ENV_ID }).database();
  await provisionCollections(sdkDb);
  const clock = new DevClock();
  db.database.useClock(() => clock.now());
  const seedResult = options.seed === false ? null : await seedDemo(sdkDb, clock.now());
  refuseOlderData(db.store, options.dataFile);
  db.database.resetStats();

  const functionsDir = options.functionsDir ?? join(ROOT, 'cloudfunctions');
  const host = new FunctionHost(functionsDir, clock);
  const schedulerTrigger = readTimerTriggers(functionsDir).find((t) => t.functionName === 'scheduler');
  const gateway = createGateway({
    host,
    database: db.database,
    clock,
    staticDir: options.staticDir ?? join(ROOT, 'miniprogram', 'dist-h5'),
    devMode: options.devMode ?? true,
    timerOnly: new Set(readTimerTriggers(functionsDir).map((t) => t.functionName)),
    httpRoutes: HTTP_ROUTES,
    filesDir,
    devRoutes: {
      // One scheduler tick now, at the (possibly shifted) dev clock.
      'POST /__dev/scheduler/run': async () => {
        if (!schedulerTrigger) throw new Error('cloudfunctions/scheduler has no timer trigger');
        return host.invoke('scheduler', timerEvent(schedulerTrigger, clock), { openid: null });
      },
    },
  });
  const port = await listen(gateway, options.port);
  const stopTimers = options.timers ? startTimerTriggers(functionsDir, host, clock, options.log ?? console.log) : () => {};

  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: db.url,
    store: db.store,
    database: db.database,
    host,
    clock,
    seedResult,
    filesDir,
    async stop() {
      stopTimers();
      await close(gateway);
      await db.stop();
    },
  };
}
