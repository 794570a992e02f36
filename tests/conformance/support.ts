import tcb from '@cloudbase/node-sdk';
import { applyLocalSdkEnvironment } from '../../scripts/local-cloud/function-host';
import { startDatabaseService } from '../../scripts/local-cloud/local-cloud';

/**
 * The conformance suite's cloud: the local database service on a free port
 * with the real @cloudbase/node-sdk pointed at it, and a clock the test owns
 * (db.serverDate() and transaction expiry read it).
 */
export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface Cloud {
  db: Db;
  _: Db['command'];
  service: Awaited<ReturnType<typeof startDatabaseService>>;
  clock: { now: number };
  /** A new, empty collection with a unique name. */
  collection(prefix?: string): Promise<ReturnType<Db['collection']>>;
  stop(): Promise<void>;
}

let counter = 0;

export async function startCloud(): Promise<Cloud> {
  const service = await startDatabaseService(':memory:');
  applyLocalSdkEnvironment(service.url);
  const clock = { now: Date.UTC(2025, 2, 1, 8, 0, 0) };
  service.database.useClock(() => clock.now);
  const db = tcb.init({ env: 'local-dev' }).database();
  return {
    db,
    _: db.command,
    service,
    clock,
    async collection(prefix = 'c') {
      counter += 1;
      const name = `${prefix}${counter}`;
      await db.createCollection(name);
      return db.collection(name);
    },
    stop: () => service.stop(),
  };
}

/** What a rejected SDK call carries: CloudBase's code and message. */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { code: String(e.code), message: String(e.message) };
  }
  throw new Error('expected the request to fail');
}

/** Documents without their _id, in order. */
export function bare<T extends Record<string, unknown>>(docs: T[]): Omit<T, '_id'>[] {
  return docs.map(({ _id, ...rest }) => rest);
}
