import { HOUR_MS } from '../../shared/domain/answer-deadline';
import {
  askAsStudent,
  COORDINATOR,
  CS_PEER,
  CS_RESPONDER,
  expectOk,
  LOGISTICS,
  OTHER_STUDENT,
  startLocalApi,
  STUDENT,
  type LocalApi,
} from './support/local-api';

/**
 * The loop as its people meet it (issue 7, the server's part): who hears of a
 * new question, the order of the queues, what each audience may read, what
 * those who oversee every unit can do, and a fair transfer.
 */
let api: LocalApi;
beforeEach(async () => {
  api = await startLocalApi({ QNZS_FALLBACK_WEBHOOKS: 'c-cs=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=cs-duty-group-key,d-security=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=security-duty-key' });
});
afterEach(() => api.stop());

const SECURITY = 'dev-security';
const SUPERVISOR = 'dev-supervisor';
const SCHOOL_ADMIN = 'dev-admin';
const CS_ADMIN = 'dev-cs-league';
const notes = (id: string, kind: string) => api.find('notifications', { questionId: id, kind });

describe('a new question is heard at once', () => {
  it('tells the owning unit’s responders as it arrives (by subscription, else the unit’s group)', async () => {
    await api.db.collection('subscriptions').doc('dev-cs-expert.local-reminder').update({ credits: 5 });
    const id = await askAsStudent(api, { title: '新问题要立刻通知学院' });
    const told = notes(id, 'newQuestion');
    expect(told.map((n) => n.recipientOpenid).sort()).toEqual([CS_ADMIN, CS_RESPONDER, CS_PEER].sort());
    expect(told.find((n) => n.recipientOpenid === CS_RESPONDER)).toMatchObject({ state: 'sent', channel: 'subscribe' });
    // No credit left: the unit's WeCom group carries it.
    expect(told.find((n) => n.recipientOpenid === CS_ADMIN)).toMatchObject({ state: 'fallback', channel: 'wecom' });
  });

  it('sends an urgent one to the owning unit by subscription and its group, with the numbers to call, and alerts the leader and the coordinator', async () => {
    await api.db.collection('subscriptions').add({ _id: `${SECURITY}.local-reminder`, openid: SECURITY, templateId: 'local-reminder', credits: 3, updatedAt: 0 });
    const id = expectOk(
      await api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-safety', title: '宿舍楼道有人晕倒', content: '三号楼四层楼道有同学晕倒，已经叫了室友，请尽快来人。', urgent: true }),
    ).id;
    const unit = notes(id, 'newQuestion');
    expect(unit.map((n) => n.recipientOpenid)).toEqual([SECURITY]);
    expect(unit[0]).toMatchObject({ state: 'sent', channel: 'both' });
    expect(unit[0]!.text).toMatch(/紧急联系：.*保卫处24小时值班.*0571-8888-0110/);
    expect(api.outbox({ channel: 'wecom' }).some((m) => String(m.text).includes('宿舍楼道有人晕倒') && String(m.webhookUrl).includes('security-duty-key'))).toBe(true);
    expect(notes(id, 'emergency').map((n) => n.recipientOpenid).sort()).toEqual([SCHOOL_ADMIN, COORDINATOR].sort());
    expect(notes(id, 'emergency')[0]!.text).toContain('0571-8888-0110');
  });

  it('tells the new unit after a transfer (urgent: by its group too)', async () => {
    const id = await askAsStudent(api, { title: '转办后新单位要收到', urgent: true });
    expectOk(await api.call(CS_RESPONDER, 'question.transfer', { questionId: id, toUnitId: 'd-security', reason: '涉及校园安全' }));
    const told = notes(id, 'transferredIn');
    expect(told.map((n) => n.recipientOpenid)).toEqual([SECURITY]);
    expect(told[0]).toMatchObject({ alsoGroup: true });
  });
});

describe('超时督办 and 催办', () => {
  it('orders the queue urgent first, then by how long overdue — not by when the scheduler noticed', async () => {
    const late = await askAsStudent(api, { title: '普通问题，超时较久' });
    api.advance(10 * HOUR_MS);
    const urgent = await askAsStudent(api, { title: '紧急问题，超时较短', urgent: true });
    api.advance(15 * HOUR_MS);
    const lesser = await askAsStudent(api, { title: '普通问题，刚刚超时' });
    api.advance(25 * HOUR_MS);
    await api.tick(); // all three noticed in one tick
    const ids = expectOk(await api.call(COORDINATOR, 'escalation.list', { pageSize: 50 })).items.map((q: any) => q.id);
    const ours = ids.filter((id: string) => [late, urgent, lesser].includes(id));
    expect(ours).toEqual([urgent, late, lesser]);
  });

  it('lets the supervisor and the school admin urge the unit that missed it: its responders and admins are told, and it is on the timeline', async () => {
    const id = await askAsStudent(api, { title: '超时未答复需要催办' });
    expect(await api.call(SUPERVISOR, 'question.urge', { questionId: id })).toMatchObject({ ok: false, error: { code: 'QUESTION.STATE_CONFLICT' } });
    api.advance(25 * HOUR_MS);
    await api.tick();
    const seen = expectOk(await api.call(SUPERVISOR, 'question.get', { id }));
    expect(seen.viewerActions).toEqual(['urge']);
    expect(expectOk(await api.call(SUPERVISOR, 'question.urge', { questionId: id, note: '请今天下班前答复' }))).toMatchObject({ status: 'routed' });
    expect(notes(id, 'urged').map((n) => n.recipientOpenid).sort()).toEqual([CS_ADMIN, CS_RESPONDER, CS_PEER].sort());
    expect(notes(id, 'urged')[0]!.text).toContain('请今天下班前答复');
    const timeline = expectOk(await api.call(CS_RESPONDER, 'question.get', { id })).timeline;
    expect(timeline.at(-1)).toMatchObject({ type: 'urge', actorName: '孟妍', reason: '请今天下班前答复', internal: true });
    expectOk(await api.call(SCHOOL_ADMIN, 'question.urge', { questionId: id }));
    for (const who of [CS_RESPONDER, STUDENT]) expect(await api.call(who, 'question.urge', { questionId: id })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('shows those who oversee every unit each unit’s figures, counting a missed deadline against the unit that missed it', async () => {
    const missed = await askAsStudent(api, { title: '学院没有按时答复' });
    const onTime = await askAsStudent(api, { title: '学院按时答复了' });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: onTime, content: '按时答复。' }));
    api.advance(25 * HOUR_MS);
    await api.tick();
    expectOk(await api.call(COORDINATOR, 'question.transfer', { questionId: missed, toUnitId: 'd-academic', reason: '转教务处' }));
    const figures = expectOk(await api.call(SUPERVISOR, 'unit.performance', { days: 7 }));
    const cs = figures.units.find((u: any) => u.unitId === 'c-cs');
    expect(cs).toMatchObject({ unitName: '计算机科学与技术学院团委', missed: expect.any(Number) });
    expect(cs.missed).toBeGreaterThanOrEqual(1);
    expect(cs.answeredOnTime).toBeGreaterThanOrEqual(1);
    const academic = figures.units.find((u: any) => u.unitId === 'd-academic');
    expect(academic.waiting).toBeGreaterThanOrEqual(1); // a fair window after the transfer
    expect(figures.units.map((u: any) => u.unitId)).not.toContain('b-cs-2301');
    for (const who of [CS_RESPONDER, CS_ADMIN, STUDENT]) expect(await api.call(who, 'unit.performance', {})).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});

describe('what each audience reads', () => {
  it('keeps internal notes and students’ names with the handlers: the public payload holds nothing internal', async () => {
    const id = await askAsStudent(api, { title: '宿舍违规电器的处理结果', urgent: true });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '已通知宿管到场处理。' }));
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '412宿舍张某某使用违规电器' }));
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '412宿舍使用违规电器，已没收并批评教育' }));
    expectOk(await api.call(CS_RESPONDER, 'question.publishNotice', { questionId: id, notice: '经排查为宿舍违规使用大功率电器导致跳闸，已处理完毕，请同学们注意用电安全。' }));

    const publicView = JSON.stringify(expectOk(await api.call(OTHER_STUDENT, 'question.get', { id })));
    for (const secret of ['412宿舍', '张某某', '没收', '张晓雨']) expect(publicView).not.toContain(secret);
    expect(publicView).toContain('已通知宿管到场处理'); // the published answer
    expect(publicView).toContain('注意用电安全'); // the public notice
    const list = JSON.stringify(expectOk(await api.call(OTHER_STUDENT, 'question.listPublic', { pageSize: 50 })));
    expect(list).not.toContain('张晓雨');

    const askerView = JSON.stringify(expectOk(await api.call(STUDENT, 'question.get', { id })));
    for (const secret of ['412宿舍', '张某某', '没收']) expect(askerView).not.toContain(secret);
    const messages = JSON.stringify(api.find('notifications', { questionId: id, recipientOpenid: STUDENT }));
    for (const secret of ['412宿舍', '张某某', '没收']) expect(messages).not.toContain(secret);

    const handlerView = JSON.stringify(expectOk(await api.call(CS_RESPONDER, 'question.get', { id })));
    expect(handlerView).toContain('412宿舍使用违规电器');
    expect(handlerView).toContain('张晓雨');
  });
});

describe('actions as their people use them', () => {
  it('makes a second 认领 by its holder a no-op: no second event, and it is no longer offered', async () => {
    const id = await askAsStudent(api, { title: '认领两次不应重复' });
    const first = expectOk(await api.call(CS_RESPONDER, 'question.claim', { questionId: id }));
    expect(expectOk(await api.call(CS_RESPONDER, 'question.claim', { questionId: id }))).toEqual(first);
    const q = expectOk(await api.call(CS_RESPONDER, 'question.get', { id }));
    expect(q.timeline.filter((e: any) => e.type === 'claim')).toHaveLength(1);
    expect(q.viewerActions).not.toContain('claim');
    expect(q.assigneeName).toBe('任智宇');
    const card = expectOk(await api.call(CS_PEER, 'inbox.list', { pageSize: 50 })).items.find((i: any) => i.id === id);
    expect(card.assigneeName).toBe('任智宇');
  });

  it('gives the new unit a fair window when a transfer lands near or after the deadline, and the timeline says so', async () => {
    const id = await askAsStudent(api, { title: '临近时限才转办的问题' });
    api.advance(23 * HOUR_MS);
    const at = api.now();
    expectOk(await api.call(CS_RESPONDER, 'question.transfer', { questionId: id, toUnitId: 'd-logistics', reason: '属于后勤维修' }));
    const q = expectOk(await api.call(LOGISTICS, 'question.get', { id }));
    expect(q.deadlineAt).toBeGreaterThanOrEqual(at + 4 * HOUR_MS);
    expect(q.deadlineAt - at).toBeLessThan(4 * HOUR_MS + 60_000);
    expect(q.timeline.at(-1).reason).toMatch(/属于后勤维修（转入时距答复时限不足4小时，新单位的答复时限为/);
    // Not overdue at the new unit, and no reminder is owed at once.
    const inbox = expectOk(await api.call(LOGISTICS, 'inbox.list', { box: 'overdue', pageSize: 50 }));
    expect(inbox.items.map((i: any) => i.id)).not.toContain(id);
    await api.tick();
    expect(notes(id, 'reminder')).toEqual([]);
  });

  it('shows 提醒送达情况 of every unit to those who oversee them, and a unit admin their own', async () => {
    await askAsStudent(api, { title: '学院有人收不到提醒', categoryId: 'cat-other' });
    await api.call(STUDENT, 'question.ask', { collegeId: 'c-econ', categoryId: 'cat-other', title: '经济学院也有人收不到', content: '想看看经济学院的提醒能不能送达。' });
    const everyUnit = expectOk(await api.call(COORDINATOR, 'unit.unreachable', {})).people.map((p: any) => p.unitName);
    expect(everyUnit).toEqual(expect.arrayContaining(['经济学院团委']));
    expect(expectOk(await api.call(SUPERVISOR, 'unit.unreachable', {})).people.length).toBeGreaterThan(0);
    const own = expectOk(await api.call(CS_ADMIN, 'unit.unreachable', {})).people.map((p: any) => p.unitName);
    expect(new Set(own)).toEqual(new Set(['计算机科学与技术学院团委']));
  });

  it('tells a responder how many messages each subscribed template can still deliver', async () => {
    const me = expectOk(await api.call(CS_RESPONDER, 'me.get'));
    expect(me.credits).toEqual(expect.arrayContaining([{ templateId: 'local-reminder', credits: 5 }]));
  });
});
