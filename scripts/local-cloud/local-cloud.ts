import tcb from '@cloudbase/node-sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { provisionCollections } from '../provision';
import { seedDemo, type SeedResult } from '../seed/seed-demo';
import { DatabaseService } from './database-service';
import { DevClock } from './dev-clock';
import { DocumentStore } from './document-store';
import { StorageService } from './storage-service';
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
  const storage = new StorageService(dataFile);
  const database = new DatabaseService(store, { storage });
  const server = createServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').startsWith('/admin')) {
      database.handle(req, res).catch((err) => {
        res.writeHead(500).end(String(err));
      });
    } else {
      // The COS side of uploads and temporary links (scripts/local-cloud/storage-service.ts).
      storage
        .handleHttp(req, res)
        .then((handled) => {
          if (!handled) res.writeHead(404).end();
        })
        .catch((err) => {
          if (!res.headersSent) res.writeHead(500).end(String(err));
        });
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
  storage.setServiceUrl(url);
  return {
    url,
    store,
    database,
    storage,
    async stop() {
      await close(server);
      store.close();
      storage.close();
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
    storage: db.storage,
    devRoutes: {
      // The browser's wx.cloud.uploadFile: the upload metadata the SDK asks for (storage.getUploadMetadata),
      // with the PUT address on this gateway (same origin as the H5 pages); the page then PUTs the bytes there.
      'POST /__dev/storage/upload': async (_req, body) => {
        const cloudPath = (body as { cloudPath?: unknown }).cloudPath;
        const meta = db.storage.execute({ action: 'storage.getUploadMetadata', path: cloudPath }) as { data: { url: string; authorization: string; fileId: string } };
        return { url: new URL(meta.data.url).pathname, authorization: meta.data.authorization, fileId: meta.data.fileId };
      },
      // One scheduler tick now, at the (possibly shifted) dev clock.
      'POST /__dev/scheduler/run': async () => {
        if (!schedulerTrigger) throw new Error('cloudfunctions/scheduler has no timer trigger');
        return host.invoke('scheduler', timerEvent(schedulerTrigger, clock), { openid: null });
      },
    },
  });
  const port = await listen(gateway, options.port);
  // Temporary links point at the gateway, so the H5 pages on it show stored images.
  db.storage.setPublicUrl(`http://127.0.0.1:${port}`);
  // The PC web version is this gateway's H5 build (entry.links); functions read it when they start.
  process.env.QNZS_WEB_BASE_URL ||= `http://127.0.0.1:${port}`;
  const stopTimers = options.timers ? startTimerTriggers(functionsDir, host, clock, options.log ?? console.log) : () => {};

  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: db.url,
    store: db.store,
    database: db.database,
    host,
    clock,
    seedResult,
    async stop() {
      stopTimers();
      await close(gateway);
      await db.stop();
    },
  };
}
