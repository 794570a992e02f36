import { join } from 'node:path';
import { ensureBuilt, START_TARGETS } from './build-stale';
import { ROOT, startLocalCloud } from './local-cloud/local-cloud';

/**
 * `npm start`: the whole platform on this machine with demo data, no Tencent
 * account needed. Data persists in .data/local-cloud.sqlite (delete it to reseed).
 *
 * First the cloud functions and the H5 app are built if their sources changed
 * since their last build (scripts/build-stale.ts); `npm start -- --rebuild`
 * builds both regardless.
 */
async function main() {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT "${process.env.PORT}" is not a port number`);
  await ensureBuilt(START_TARGETS, { force: process.argv.includes('--rebuild') });
  const cloud = await startLocalCloud({
    port,
    dataFile: process.env.QNZS_DATA_FILE ?? join(ROOT, '.data', 'local-cloud.sqlite'),
    devMode: true,
    timers: true,
  });
  const seeded = cloud.seedResult?.seeded ? `seeded ${cloud.seedResult.questions} demo questions` : 'using existing data';
  console.log(`
青年之声 · Campus — local cloud is running (${seeded})

  App (H5):        ${cloud.url}/
  Function API:    POST ${cloud.url}/api/functions/api   (header X-Dev-OpenID: dev-student-zhang)
  Seeded people:   GET  ${cloud.url}/__dev/users
  Clock:           GET|POST ${cloud.url}/__dev/clock     {"advanceMs": 72000000}
  Outbox:          GET  ${cloud.url}/__dev/outbox
  Scheduler tick:  POST ${cloud.url}/__dev/scheduler/run  (also runs every 5 minutes)
  DB requests:     GET  ${cloud.url}/__dev/db/stats

Press Ctrl+C to stop.`);
  const shutdown = () => {
    cloud.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
