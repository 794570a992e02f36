import { askAsStudent, COORDINATOR, CS_PEER, CS_RESPONDER, ECON_RESPONDER, expectOk, LOGISTICS, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/** 听—答—办 through the real api function: every step, who may take it, and what it records. */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const ask = (fields: Record<string, unknown> = {}) =>
  askAsStudent(api, { title: '实验室的服务器经常断网', content: '学院实验室的服务器这周已经断网三次了，影响毕业设计的进度。', ...fields });

const status = async (id: string) => expectOk(await api.call(STUDENT, 'question.get', { id }));

describe('the full loop', () => {
  it('routes, answers, handles to resolution, is rated, reopened once and closed — with the whole timeline', async () => {
    const id = await ask();
    expect(expectOk(await api.call(CS_RESPONDER, 'question.claim', { questionId: id }))).toMatchObject({ status: 'routed' });
    expect(expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '已收到，网络中心今天排查。' })).official).toBe(true);
    expect(expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '联系网络中心排查交换机' }))).toMatchObject({ status: 'handling' });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.addProgress', { questionId: id, note: '交换机端口故障，已更换' }))).toMatchObject({ status: 'handling' });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '已更换交换机，连续观察两天无断网' }))).toMatchObject({ status: 'resolved' });
    expect(expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: false, comment: '今天又断了一次' }))).toMatchObject({ status: 'resolved' });
    expect(expectOk(await api.call(STUDENT, 'question.reopen', { questionId: id, reason: '今天下午又断网了' }))).toMatchObject({ status: 'handling' });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '更换了机房的上联光模块' }))).toMatchObject({ status: 'resolved' });
    expect(expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: true, comment: '这次好了，谢谢' }))).toMatchObject({ status: 'closed' });

    const q = await status(id);
    expect(q.status).toBe('closed');
    expect(q.rating).toMatchObject({ satisfied: true, comment: '这次好了，谢谢' });
    expect(q.reopenCount).toBe(1);
    expect(q.timeline.map((e: any) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['ask', null, 'routed'],
      ['claim', 'routed', 'routed'],
      ['answer', 'routed', 'answered'],
      ['startHandling', 'answered', 'handling'],
      ['addProgress', 'handling', 'handling'],
      ['resolve', 'handling', 'resolved'],
      ['rate', 'resolved', 'resolved'],
      ['reopen', 'resolved', 'handling'],
      ['resolve', 'handling', 'resolved'],
      ['rate', 'resolved', 'closed'],
    ]);
    // Handling notes are internal: the handlers read them, the asker sees the step without the note.
    expect(q.timeline.find((e: any) => e.type === 'addProgress')).toMatchObject({ actorName: '任智宇', unitName: '计算机科学与技术学院团委', reason: null, internal: true });
    const handlers = expectOk(await api.call(CS_RESPONDER, 'question.get', { id }));
    expect(handlers.timeline.find((e: any) => e.type === 'addProgress')).toMatchObject({ reason: '交换机端口故障，已更换', internal: true });
    // The asker's own words (the reopen reason, the rating) are theirs to read.
    expect(q.timeline.find((e: any) => e.type === 'reopen')).toMatchObject({ reason: '今天下午又断网了' });
    expect(q.viewerActions).toEqual([]);

    // The asker heard at every step (subscription credits permitting, else recorded).
    const toAsker = api.find('notifications', { questionId: id, recipientOpenid: STUDENT }).map((n) => n.kind);
    expect(toAsker).toEqual(expect.arrayContaining(['answered', 'handlingStarted', 'resolved']));
  });

  it('refuses a second reopen and a rating from anyone but the asker', async () => {
    const id = await ask({ title: '再次打开只能一次吗' });
    await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '先这样处理。' });
    expect(await api.call(OTHER_STUDENT, 'question.rate', { questionId: id, satisfied: true })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await api.call(CS_RESPONDER, 'question.rate', { questionId: id, satisfied: true })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: false, comment: '没解决' }));
    expectOk(await api.call(STUDENT, 'question.reopen', { questionId: id, reason: '问题还在' }));
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '再次处理完毕' }));
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: false, comment: '还是没解决' }));
    expect(await api.call(STUDENT, 'question.reopen', { questionId: id, reason: '还想再开' })).toMatchObject({ ok: false, error: { code: 'QUESTION.STATE_CONFLICT' } });
  });

  it('offers each viewer only the actions they may take', async () => {
    const id = await ask({ title: '按钮只给能操作的人' });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id })).viewerActions.sort()).toEqual(['claim', 'transfer']);
    expect((await status(id)).viewerActions).toEqual([]);
    expect(expectOk(await api.call(COORDINATOR, 'question.get', { id })).viewerActions).toEqual(['transfer']);
  });

  it('refuses handler actions to students and other units, and writes nothing', async () => {
    const id = await ask({ title: '别的学院不能操作' });
    const before = api.question(id).timeline.length;
    for (const [openid, action, data] of [
      [STUDENT, 'question.transfer', { toUnitId: 'd-logistics', reason: '学生想转走' }],
      [ECON_RESPONDER, 'question.claim', {}],
      [ECON_RESPONDER, 'question.transfer', { toUnitId: 'c-econ', reason: '抢过来' }],
      [OTHER_STUDENT, 'question.startHandling', { note: '' }],
    ] as const) {
      expect(await api.call(openid, action, { questionId: id, ...data })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    }
    expect(api.question(id).timeline).toHaveLength(before);
    expect(api.find('questions', { _id: id })[0]).toMatchObject({ ownerUnitId: 'c-cs', version: 0 });
  });
});

describe('transfer (转办)', () => {
  it('moves the question with a reason, keeps the deadline, and tells the asker and the new unit', async () => {
    const id = await ask({ title: '宿舍网络接口坏了', categoryId: 'cat-other' });
    const before = api.find('questions', { _id: id })[0]!;
    expectOk(await api.call(CS_RESPONDER, 'question.transfer', { questionId: id, toUnitId: 'd-logistics', reason: '属于宿舍设施维修，转后勤' }));
    const after = api.find('questions', { _id: id })[0]!;
    expect(after).toMatchObject({ ownerUnitId: 'd-logistics', deadlineAt: before.deadlineAt, status: 'routed' });

    const logisticsInbox = expectOk(await api.call(LOGISTICS, 'inbox.list', { pageSize: 50 }));
    expect(logisticsInbox.items.map((q: any) => q.id)).toContain(id);
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '我还想回复' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const kinds = api.find('notifications', { questionId: id }).map((n) => `${n.kind}:${n.recipientOpenid}`);
    expect(kinds).toEqual(expect.arrayContaining([`transferred:${STUDENT}`, `transferredIn:${LOGISTICS}`]));
    // The new unit reads why it came; the asker sees where it went, not the internal reason.
    const toNewUnit = expectOk(await api.call(LOGISTICS, 'question.get', { id })).timeline.find((e: any) => e.type === 'transfer');
    expect(toNewUnit).toMatchObject({ reason: '属于宿舍设施维修，转后勤', unitName: '后勤服务中心', internal: true });
    expect((await status(id)).timeline.find((e: any) => e.type === 'transfer')).toMatchObject({ reason: null, unitName: '后勤服务中心' });
  });

  it.each([
    ['a branch', 'b-cs-2301', 'CATALOG.UNKNOWN_UNIT'],
    ['a unit that does not exist', 'u-nowhere', 'CATALOG.UNKNOWN_UNIT'],
    ['the owning unit itself', 'c-cs', 'INPUT.INVALID'],
  ])('refuses a transfer to %s', async (_label, toUnitId, code) => {
    const id = await ask({ title: `转办校验 ${toUnitId}` });
    expect(await api.call(CS_RESPONDER, 'question.transfer', { questionId: id, toUnitId, reason: '测试转办' })).toMatchObject({ ok: false, error: { code } });
    expect(api.find('questions', { _id: id })[0]).toMatchObject({ ownerUnitId: 'c-cs', version: 0 });
  });
});

describe('races', () => {
  it('a transfer racing a reply leaves one consistent result and a STATE_CONFLICT for the loser', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await ask({ title: `转办与回复竞争 ${round}` });
      const [transfer, reply] = await Promise.all([
        api.call(CS_PEER, 'question.transfer', { questionId: id, toUnitId: 'd-academic', reason: '属于教务问题' }),
        api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '我来回答这个问题。' }),
      ]);
      const q = api.find('questions', { _id: id })[0]!;
      expect([transfer.ok, reply.ok].filter(Boolean)).toHaveLength(1);
      if (transfer.ok) {
        expect(reply).toMatchObject({ ok: false, error: { code: 'QUESTION.STATE_CONFLICT' } });
        expect(q).toMatchObject({ ownerUnitId: 'd-academic', status: 'routed', officialAnswerId: null });
        expect(q.answers).toHaveLength(0);
      } else {
        expect(transfer).toMatchObject({ ok: false, error: { code: 'QUESTION.STATE_CONFLICT' } });
        expect(q).toMatchObject({ ownerUnitId: 'c-cs', status: 'answered' });
        expect(q.answers).toHaveLength(1);
      }
      expect(q.version).toBe(1);
    }
  });

  it('two responders claiming at once: one gets it, the other a STATE_CONFLICT', async () => {
    const id = await ask({ title: '两位老师同时认领' });
    const results = await Promise.all([CS_RESPONDER, CS_PEER].map((p) => api.call(p, 'question.claim', { questionId: id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'QUESTION.STATE_CONFLICT' } });
    expect(api.question(id).timeline.filter((e: any) => e.type === 'claim')).toHaveLength(1);
  });
});

describe('subscription.record', () => {
  it('keeps one credit per accepted template', async () => {
    const me = expectOk(await api.call(OTHER_STUDENT, 'me.get'));
    const [reply, progress] = me.subscribeTemplates.asker;
    const out = expectOk(
      await api.call(OTHER_STUDENT, 'subscription.record', { results: [{ templateId: reply, result: 'accept' }, { templateId: progress, result: 'reject' }] }),
    );
    expect(out.credits).toEqual([{ templateId: reply, credits: 1 }]);
    const again = expectOk(await api.call(OTHER_STUDENT, 'subscription.record', { results: [{ templateId: reply, result: 'accept' }] }));
    expect(again.credits).toEqual([{ templateId: reply, credits: 2 }]);
  });

  it('refuses more than 3 templates at once and unknown templates', async () => {
    const four = ['local-reply', 'local-progress', 'local-reminder', 'local-escalation'].map((templateId) => ({ templateId, result: 'accept' }));
    expect(await api.call(STUDENT, 'subscription.record', { results: four })).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    expect(await api.call(STUDENT, 'subscription.record', { results: [{ templateId: 'someone-elses', result: 'accept' }] })).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    });
  });
});

describe('a reply racing a change that keeps the question waiting', () => {
  it('still becomes the official answer when a claim lands first', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await ask({ title: `认领与回复竞争 ${round}` });
      const [claim, reply] = await Promise.all([
        api.call(CS_PEER, 'question.claim', { questionId: id }),
        api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '我来答复这个问题。' }),
      ]);
      expect(expectOk(reply).official).toBe(true);
      const q = api.find('questions', { _id: id })[0]!;
      expect(q).toMatchObject({ status: 'answered', officialAnswerId: expectOk(reply).answerId, answerCount: 1 });
      if (!claim.ok) expect(claim).toMatchObject({ error: { code: 'QUESTION.STATE_CONFLICT' } });
    }
  });
});
