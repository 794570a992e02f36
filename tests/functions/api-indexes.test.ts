import { CS_RESPONDER, expectOk, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

it('serves every action from declared indexes: nothing scans a collection', async () => {
  api.resetStats();
  const asked = expectOk(
    await api.call(STUDENT, 'question.ask', {
      collegeId: 'c-cs', categoryId: 'cat-study', title: '索引覆盖检查的问题', content: '这个问题用于检查每个操作都走索引。',
    }),
  );
  await api.call(STUDENT, 'catalog.get');
  await api.call(STUDENT, 'me.get');
  await api.call(STUDENT, 'question.get', { id: asked.id });
  const first = expectOk(await api.call(null, 'question.listPublic', { pageSize: 5 }));
  await api.call(null, 'question.listPublic', { pageSize: 5, cursor: first.nextCursor });
  await api.call(null, 'question.listPublic', { pageSize: 5, categoryId: 'cat-dorm' });
  await api.call(STUDENT, 'question.listMine', {});
  await api.call(CS_RESPONDER, 'inbox.list', {});
  await api.call(CS_RESPONDER, 'inbox.list', { box: 'answered' });
  for (const box of ['dueSoon', 'overdue', 'handling']) await api.call(CS_RESPONDER, 'inbox.list', { box });
  await api.call(CS_RESPONDER, 'inbox.counts', {});
  await api.call('dev-coordinator', 'escalation.list', {});
  await api.call('dev-cs-league', 'unit.unreachable', {});
  await api.call(CS_RESPONDER, 'answer.post', { questionId: asked.id, content: '索引检查的回复。' });
  await api.call(CS_RESPONDER, 'answer.post', { questionId: asked.id, content: '第二条回复。' });

  const stats = api.stats();
  expect(stats.total).toBeGreaterThan(15);
  expect(stats.unindexed).toEqual([]);
});

it('notices a query no index serves', async () => {
  api.resetStats();
  // A direct query on an unindexed field, as a careless repository would write it.
  const tcb = (await import('@cloudbase/node-sdk')).default;
  await tcb.init({ env: 'local-dev' }).database().collection('questions').where({ title: '任意标题' }).get();
  expect(api.stats().unindexed).toEqual([{ action: 'database.getDocument', collection: 'questions', fields: ['title'] }]);
});
