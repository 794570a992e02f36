import { startLocalCloud } from '../../../scripts/local-cloud/local-cloud';

/**
 * The local cloud as its own process (for tests that kill it): started on a
 * free port over the data file given as the first argument; prints its URL as
 * one JSON line once it answers.
 */
async function main() {
  const dataFile = process.argv[2];
  if (!dataFile) throw new Error('usage: cloud-process <data file>');
  const cloud = await startLocalCloud({ port: 0, dataFile, devMode: true, staticDir: dataFile, timers: false });
  process.stdout.write(`${JSON.stringify({ url: cloud.url })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
