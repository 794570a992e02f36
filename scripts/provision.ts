import tcb from '@cloudbase/node-sdk';
import { ALL_COLLECTIONS } from '../shared/server/collections';
import type { Database } from '../shared/server/adapters/cloudbase';

/**
 * Creates every collection the platform declares. Safe to run repeatedly.
 * Against CloudBase: `TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… QNZS_ENV_ID=… npx tsx scripts/provision.ts`
 * (then create the listed indexes in the console: 数据库 → 集合 → 索引管理).
 */
export async function provisionCollections(db: Database): Promise<string[]> {
  const created: string[] = [];
  for (const spec of ALL_COLLECTIONS) {
    try {
      await db.createCollection(spec.name);
      created.push(spec.name);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!/ALREADY_EXIST/i.test(code) && !/already exist/i.test(String((err as Error).message))) throw err;
    }
  }
  return created;
}

if (require.main === module) {
  const envId = process.env.QNZS_ENV_ID;
  if (!envId) {
    console.error('Set QNZS_ENV_ID (and TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY) to provision a CloudBase environment.');
    process.exit(2);
  }
  const db = tcb.init({ env: envId }).database();
  provisionCollections(db)
    .then((created) => {
      console.log(`collections ready (${created.length} created).`);
      console.log('Indexes to create in the CloudBase console:');
      for (const spec of ALL_COLLECTIONS) {
        for (const index of spec.indexes) console.log(`  ${spec.name}.${index.name}: ${JSON.stringify(index.keys)}${index.unique ? ' unique' : ''}`);
      }
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
