import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { cloudbaseRepositories } from '../../shared/server/adapters/cloudbase-repositories';
import type { Repositories } from '../../shared/server/ports/repositories';
import { runTick, type TickDeps } from '../../shared/server/use-cases/run-tick';
import { randomIds } from '../../shared/server/ids';
import { DEFAULT_REMINDER_OFFSETS_HOURS } from '../../shared/domain/answer-deadline';
import type { Notifier, SubscribeMessage } from '../../shared/server/ports/notifier';
import { OutboxNotifier } from '../../shared/server/adapters/outbox-notifier';
import { DEFAULT_CASE_POLICY } from '../../shared/domain/case-lifecycle';
import { askAsStudent, COORDINATOR, CS_RESPONDER, expectOk, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * The 24-hour commitment kept by the scheduler: reminders, escalation, emergency
 * alerts, auto-close, notice reminders; exactly-once delivery under overlapping
 * ticks and crashes; credits, 43101 and the WeCom fallback.
 */
let api: LocalApi;
beforeEach(async () => {
  api = await startLocalApi();
});
afterEach(() => api.stop());

const TEMPLATES = { reminder: 'local-reminder', escalation: 'local-escalation', reply: 'local-reply', progress: 'local-progress' };

/** A tick of the real scheduler use case with a chosen notifier (and repositories), at the shifted clock. */
function tickWith(notifier: Notifier, repos: Repositories = cloudbaseRepositories(api.db, { catalogCacheMs: 0 }), extra: Partial<TickDeps> = {}) {
  const settings = { casePolicy: DEFAULT_CASE_POLICY, reminderOffsetsHours: DEFAULT_REMINDER_OFFSETS_HOURS, retentionDays: 730 };
  return runTick({ repos, notifier, templates: TEMPLATES, fallbackWebhooks: {}, settings, now: api.now(), ids: randomIds, ...extra });
}

const ask = (fields: Record<string, unknown> = {}) => askAsStudent(api, fields);

/** Plenty of reminder credits, so these tests are about delivery, not about running out. */
async function giveCredits(...openids: string[]) {
  for (const openid of openids) {
    await api.db.collection('subscriptions').doc(`${openid}.local-reminder`).update({ credits: 100 });
  }
}
const notes = (id: string, kind: string) => api.find('notifications', { questionId: id, kind });
/** Reminders sent by WeChat subscription for a question (not its new-question message, which shares the template). */
const remindersSent = (id: string) =>
  api.outbox({ channel: 'subscribe', templateId: 'local-reminder', page: `pages/question/index?id=${id}` }).filter((m) => !String(m.data.thing4).startsWith('新问题'));

describe('the 24-hour clock', () => {
  it('reminds at 20 h, escalates at 24 h, and the coordinator answers directly', async () => {
    const id = await ask();

    api.advance(19 * HOUR_MS);
    await api.tick();
    expect(notes(id, 'reminder')).toHaveLength(0);

    api.advance(1 * HOUR_MS); // 4 hours before the deadline
    const report = await api.tick();
    expect(report.questions.changed).toBeGreaterThanOrEqual(1);
    const reminders = notes(id, 'reminder');
    expect(reminders.map((n) => n.recipientOpenid).sort()).toEqual(['dev-cs-expert', 'dev-cs-league', 'dev-cs-peer']);
    // Those with a subscription credit got a WeChat message linking to the question…
    const sent = remindersSent(id);
    expect(sent.map((m) => m.touser).sort()).toEqual(['dev-cs-expert', 'dev-cs-peer']);
    expect([...(sent[0]!.data.thing1 as string)].length).toBeLessThanOrEqual(20);
    // …and the one without is recorded, with the reason, for the unit admin.
    expect(reminders.find((n) => n.recipientOpenid === 'dev-cs-league')).toMatchObject({ state: 'undeliverable', reason: expect.stringMatching(/no subscription credit/) });
    const unreachable = expectOk(await api.call('dev-cs-league', 'unit.unreachable', {}));
    expect(unreachable.people).toEqual([
      // Neither the new-question message nor the reminder reached them.
      expect.objectContaining({ name: '高鹏', unitName: '计算机科学与技术学院团委', missed: 2, viaGroup: 0, lastReason: '未订阅提醒，且单位未配置企业微信群，提醒未送达' }),
    ]);
    expect(JSON.stringify(unreachable)).not.toContain('dev-cs-league');

    api.advance(3 * HOUR_MS); // the 1-hour reminder
    await api.tick();
    expect(notes(id, 'reminder').length).toBe(6);

    api.advance(1 * HOUR_MS); // the deadline
    await api.tick();
    const q = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(q.escalated).toBe(true);
    expect(q.status).toBe('routed');
    expect(q.timeline.map((e: any) => e.type)).toContain('escalate');
    expect(notes(id, 'escalation').map((n) => n.recipientOpenid)).toEqual([COORDINATOR]);
    expect(notes(id, 'supervisorAlert').length).toBeGreaterThan(0);
    expect(api.outbox({ touser: COORDINATOR, templateId: 'local-escalation' }).length).toBeGreaterThan(0);

    const queue = expectOk(await api.call(COORDINATOR, 'escalation.list', {}));
    expect(queue.items.map((i: any) => i.id)).toContain(id);
    expect(await api.call(STUDENT, 'escalation.list', {})).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });

    const answer = expectOk(await api.call(COORDINATOR, 'answer.post', { questionId: id, content: '协管已联系学院，查重可申请第二次。' }));
    expect(answer.official).toBe(true);
    const after = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(after.answers[0]).toMatchObject({ official: true, responderName: '王钰铭' });
    expect(expectOk(await api.call(COORDINATOR, 'escalation.list', {})).items.map((i: any) => i.id)).not.toContain(id);
    expect(after.answeredAt).toBeGreaterThan(after.deadlineAt); // missed, and counted as such
  });

  it('after an outage sends only the latest due reminder, and none once the deadline has passed', async () => {
    const late = await ask({ title: '停机后补发提醒' });
    api.advance(23.5 * HOUR_MS); // both reminders (20 h, 23 h) are due at once
    await api.tick();
    const sent = notes(late, 'reminder');
    expect(new Set(sent.map((n) => n.recipientOpenid)).size).toBe(sent.length);
    expect(sent[0]!.data.thing4).toMatch(/^剩余 (29|30)分钟/);

    const missed = await ask({ title: '停机超过时限' });
    api.advance(25 * HOUR_MS);
    await api.tick();
    expect(notes(missed, 'reminder')).toHaveLength(0);
    expect(notes(missed, 'escalation')).toHaveLength(1);
  });

  it('sends no reminder or escalation once the question is answered', async () => {
    const id = await ask();
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '可以查两次，第三次需要导师签字。' }));
    expect(api.question(id).nextWorkAt).toBe(api.question(id).autoCloseAt); // nothing owed before the auto-close
    api.advance(25 * HOUR_MS);
    await api.tick();
    expect(notes(id, 'reminder')).toHaveLength(0);
    expect(expectOk(await api.call(STUDENT, 'question.get', { id })).escalated).toBe(false);
  });

  it('auto-closes an unrated answer after 7 days', async () => {
    const id = await ask();
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '可以查两次。' }));
    api.advance(6 * 24 * HOUR_MS);
    await api.tick();
    expect(api.find('questions', { _id: id })[0]!.status).toBe('answered');
    api.advance(1 * 24 * HOUR_MS + HOUR_MS);
    await api.tick();
    const q = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(q.status).toBe('closed');
    expect(q.timeline.at(-1)).toMatchObject({ type: 'autoClose', actorName: '系统', toStatus: 'closed' });
  });
});

describe('the emergency lane (紧急通道)', () => {
  it('alerts the group leader and coordinator at once, and reminds until the handling notice is published', async () => {
    const id = await ask({ urgent: true, title: '实验楼三楼有很浓的煤气味' });
    const alerts = notes(id, 'emergency');
    expect(alerts.map((n) => n.recipientOpenid).sort()).toEqual(['dev-admin', COORDINATOR].sort());
    expect(alerts.every((n) => n.state === 'sent')).toBe(true); // delivered in the same request, no tick needed

    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '已通知保卫处和后勤，请大家先撤离。' }));
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '保卫处到场排查' }));
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '燃气管道接口松动，已修复' }));
    const resolved = expectOk(await api.call(STUDENT, 'question.get', { id }));
    expect(resolved).toMatchObject({ noticeRequired: true, notice: null });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id })).viewerActions).toContain('publishNotice');

    api.advance(2 * HOUR_MS);
    await api.tick();
    const first = notes(id, 'noticeReminder').length;
    expect(first).toBeGreaterThan(0);
    api.advance(12 * HOUR_MS); // still no notice: reminded again
    await api.tick();
    expect(notes(id, 'noticeReminder').length).toBe(2 * first);

    expectOk(await api.call(CS_RESPONDER, 'question.publishNotice', { questionId: id, notice: '关于实验楼煤气味的处理情况：经排查为燃气管道接口松动，已于当日修复并复检合格。' }));
    const published = expectOk(await api.call('dev-student-li', 'question.get', { id }));
    expect(published.notice).toMatchObject({ text: expect.stringContaining('已于当日修复') });

    const before = notes(id, 'noticeReminder').length;
    api.advance(12 * HOUR_MS);
    await api.tick();
    expect(notes(id, 'noticeReminder').length).toBe(before);
  });

  it('reminds a reopened emergency that ends again two hours after it ends, with reminders of its own', async () => {
    const id = await ask({ urgent: true, title: '图书馆门禁坏了进不去' });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '已联系保卫处。' }));
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '保卫处到场' }));
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '已修好' }));
    api.advance(2 * HOUR_MS);
    await api.tick();
    expect(notes(id, 'noticeReminder').length).toBeGreaterThan(0);
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: false, comment: '又坏了' }));
    expectOk(await api.call(STUDENT, 'question.reopen', { questionId: id, reason: '门禁又坏了' }));
    api.advance(3 * 24 * HOUR_MS); // handled for three days: no notice reminders while it is open again
    await api.tick();
    const whileOpen = notes(id, 'noticeReminder').length;
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '更换了门禁控制器' }));
    const resolvedAt = api.question(id).timeline.at(-1).at as number;
    expect(api.question(id)).toMatchObject({ noticeReminderAt: resolvedAt + 2 * HOUR_MS, nextWorkAt: resolvedAt + 2 * HOUR_MS });
    await api.tick();
    expect(notes(id, 'noticeReminder').length).toBe(whileOpen);
    api.advance(2 * HOUR_MS);
    await api.tick();
    expect(notes(id, 'noticeReminder').length).toBeGreaterThan(whileOpen);
  });

  it('still owes the notice when an emergency closes without 办结', async () => {
    const id = await ask({ urgent: true, title: '宿舍楼停电了一整晚' });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '供电局检修，已恢复供电。' }));
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: true, comment: '好的' }));
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id }))).toMatchObject({ status: 'closed', noticeRequired: true, viewerActions: ['publishNotice'] });
    api.advance(2 * HOUR_MS);
    await api.tick();
    expect(notes(id, 'noticeReminder').length).toBeGreaterThan(0);
  });
});

describe('delivery is exactly once and loses nothing', () => {
  async function dueReminders(count: number) {
    await giveCredits('dev-cs-expert', 'dev-cs-peer');
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await ask({ title: `并发提醒测试问题 ${i}` }));
    api.advance(20 * HOUR_MS);
    return ids;
  }

  function expectEachOnce(ids: string[]) {
    // Across everything sent (the demo's own due reminders included): one message per intent.
    const keys = api.outbox({ channel: 'subscribe' }).map((m) => `${m.touser}|${m.templateId}|${m.page}|${JSON.stringify(m.data)}`);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
    // (The demo's seeded message history was sent before the outbox existed: not counted here.)
    expect(keys.length).toBe(api.count('notifications', { state: 'sent', createdAt: { $gt: api.seededAt } }));
    for (const id of ids) {
      expect(remindersSent(id).map((m) => m.touser).sort()).toEqual(['dev-cs-expert', 'dev-cs-peer']);
      const states = notes(id, 'reminder').map((n) => n.state);
      expect(states.sort()).toEqual(['sent', 'sent', 'undeliverable']);
    }
  }

  it('two ticks running at once send each message once', async () => {
    const ids = await dueReminders(4);
    const due = api.count('questions', { nextWorkAt: { $lte: api.now() } });
    const [a, b] = await Promise.all([api.tick(), api.tick()]);
    // Each due question is changed by exactly one of the two ticks.
    expect(a.questions.changed + b.questions.changed).toBe(due);
    expect(a.questions.failed + b.questions.failed).toBe(0);
    expectEachOnce(ids);
  });

  /** Repositories where one step fails every time (`times` times, then works again). */
  function failingAt(repos: Repositories, where: 'recipients' | 'records', times = Infinity): Repositories {
    let failures = 0;
    const replacing = <T extends object>(target: T, method: string): T => {
      const original = (target as any)[method].bind(target);
      return Object.assign(Object.create(Object.getPrototypeOf(target)), target, {
        [method]: async (...args: unknown[]) => {
          if (failures++ < times) throw new Error('simulated failure');
          return original(...args);
        },
      });
    };
    if (where === 'recipients') return { ...repos, users: replacing(repos.users, 'listResponders') };
    return { ...repos, notifications: replacing(repos.notifications, 'insertMany') };
  }

  it('a tick that changes questions but cannot send leaves the messages to the sweep: sent once, nothing lost', async () => {
    const ids = await dueReminders(4);
    const notifier = new OutboxNotifier(api.db, () => ({ now: api.now }), randomIds);
    const report = await tickWith(notifier, failingAt(cloudbaseRepositories(api.db, { catalogCacheMs: 0 }), 'recipients'));
    expect(report.questions.undelivered).toBeGreaterThanOrEqual(ids.length);
    // The questions were changed (their reminders owed in their outboxes) and nothing was sent.
    for (const id of ids) expect(api.question(id).outbox).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'reminder' })]));
    for (const id of ids) expect(remindersSent(id)).toEqual([]);

    // Before the outbox lease runs out nothing is taken twice; after it, the sweep queues what is owed.
    await api.tick();
    expect(notes(ids[0]!, 'reminder')).toEqual([]);
    api.advance(3 * 60_000);
    const next = await api.tick();
    expect(next.sweep.queued).toBeGreaterThanOrEqual(ids.length * 3);
    expectEachOnce(ids);
    for (const id of ids) expect(api.question(id)).toMatchObject({ outbox: [], outboxDueAt: null });
  });

  it('a record write that fails once after sending is retried at once: no message twice', async () => {
    const ids = await dueReminders(2);
    const notifier = new OutboxNotifier(api.db, () => ({ now: api.now }), randomIds);
    await tickWith(notifier, failingAt(cloudbaseRepositories(api.db, { catalogCacheMs: 0 }), 'records', 1));
    api.advance(3 * 60_000);
    await api.tick();
    expectEachOnce(ids);
  });

  it('a tick whose record writes keep failing after sending sends again once (the window decision 5 names), and records every message', async () => {
    const ids = await dueReminders(2);
    const notifier = new OutboxNotifier(api.db, () => ({ now: api.now }), randomIds);
    const report = await tickWith(notifier, failingAt(cloudbaseRepositories(api.db, { catalogCacheMs: 0 }), 'records'));
    expect(report.questions.undelivered).toBeGreaterThanOrEqual(ids.length);
    api.advance(3 * 60_000);
    await api.tick();
    for (const id of ids) {
      expect(remindersSent(id).map((m) => m.touser).sort()).toEqual(['dev-cs-expert', 'dev-cs-expert', 'dev-cs-peer', 'dev-cs-peer']);
      expect(notes(id, 'reminder').map((n) => n.state).sort()).toEqual(['sent', 'sent', 'undeliverable']);
    }
  });
});

describe('a tick under trouble', () => {
  it('goes on past a question whose work fails, and stops taking work when out of time', async () => {
    await giveCredits('dev-cs-expert', 'dev-cs-peer');
    const broken = await ask({ title: '这个问题的提醒会出错' });
    const fine = await ask({ title: '这个问题的提醒正常' });
    api.advance(20 * HOUR_MS);
    const repos = cloudbaseRepositories(api.db, { catalogCacheMs: 0 });
    const flaky: Repositories = {
      ...repos,
      questions: Object.assign(Object.create(Object.getPrototypeOf(repos.questions)), repos.questions, {
        applyChange: async (id: string, ...rest: [number, never]) => {
          if (id === broken) throw new Error('database timeout');
          return repos.questions.applyChange(id, ...rest);
        },
      }),
    };
    const notifier = new OutboxNotifier(api.db, () => ({ now: api.now }), randomIds);
    const report = await tickWith(notifier, flaky);
    expect(report.questions.failed).toBe(1);
    expect(notes(fine, 'reminder').length).toBe(3);
    expect(notes(broken, 'reminder')).toHaveLength(0);
    expect(api.question(broken).nextWorkAt).toBeLessThanOrEqual(api.now()); // still due

    // Out of time from the start: nothing is taken.
    const idle = await tickWith(notifier, repos, { outOfTime: () => true });
    expect(idle.questions).toEqual({ changed: 0, idle: 0, conflicts: 0, failed: 0, undelivered: 0 });
    // The next normal tick picks the failed one up.
    await tickWith(notifier, repos);
    expect(notes(broken, 'reminder').length).toBe(3);
  });
});

describe('the scheduler function', () => {
  it('runs only for its timer trigger, never for a mini-program caller', async () => {
    const scheduler = require('../../cloudfunctions/scheduler/src/index') as { main: (e: unknown, c: unknown) => Promise<unknown> };
    const { invocationContext } = await import('../../scripts/local-cloud/function-host');
    expect(await scheduler.main({ Type: 'Timer', TriggerName: 'tick' }, invocationContext('scheduler', { openid: STUDENT }, 0))).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await scheduler.main({ Type: 'Timer', TriggerName: 'other' }, invocationContext('scheduler', { openid: null }, 0))).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await scheduler.main({ action: 'tick' }, invocationContext('scheduler', { openid: null }, 0))).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });
    expect(await scheduler.main({}, invocationContext('scheduler', { openid: null }, 0))).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await api.tick()).toMatchObject({ questions: expect.any(Object) });
  });
});

describe('credits, 43101 and the fallback channel', () => {
  it('uses one credit per message and then falls back to the unit WeCom group', async () => {
    const id = await ask({ categoryId: 'cat-dorm', title: '宿舍门锁坏了关不上' });
    api.advance(20 * HOUR_MS);
    await api.tick();
    const reminder = notes(id, 'reminder').find((n) => n.recipientOpenid === 'dev-logistics')!;
    expect(reminder).toMatchObject({ state: 'fallback', channel: 'wecom', problem: 'NO_CREDIT' });
    const group = api.outbox({ channel: 'wecom' });
    expect(group.at(-1)).toMatchObject({ webhookUrl: expect.stringMatching(/^https:\/\/qyapi\.weixin\.qq\.com\//), text: expect.stringContaining('@夏晶') });
  });

  it('treats WeChat 43101 as no credit left: clears the count and falls back', async () => {
    await giveCredits('dev-cs-peer');
    const id = await ask();
    api.advance(20 * HOUR_MS);
    const repos = cloudbaseRepositories(api.db, { catalogCacheMs: 0 });
    const sent: SubscribeMessage[] = [];
    const notifier: Notifier = {
      async sendSubscribeMessage(m) {
        if (m.touser === 'dev-cs-peer') return { ok: false, errcode: 43101, errmsg: 'user refuse to accept the msg' };
        if (m.page.endsWith(id)) sent.push(m);
        return { ok: true };
      },
      async postToGroup() {
        return { ok: true };
      },
    };
    await tickWith(notifier, repos);
    expect(sent.map((m) => m.touser)).toEqual(['dev-cs-expert']);
    const peer = notes(id, 'reminder').find((n) => n.recipientOpenid === 'dev-cs-peer')!;
    expect(peer).toMatchObject({ state: 'undeliverable', reason: expect.stringMatching(/43101/), problem: 'WECHAT_43101' });
    expect(api.find('subscriptions', { _id: 'dev-cs-peer.local-reminder' })[0]).toMatchObject({ credits: 0 });
  });

  it('retries a transient WeChat failure later instead of dropping the message', async () => {
    const id = await ask();
    api.advance(20 * HOUR_MS);
    const repos = cloudbaseRepositories(api.db, { catalogCacheMs: 0 });
    let fail = true;
    const notifier: Notifier = {
      async sendSubscribeMessage() {
        return fail ? { ok: false, errcode: -1, errmsg: 'system busy' } : { ok: true };
      },
      async postToGroup() {
        return { ok: true };
      },
    };
    const tick = () => tickWith(notifier, repos);
    await giveCredits('dev-cs-expert', 'dev-cs-peer');
    await tick();
    expect(notes(id, 'reminder').filter((n) => n.state === 'pending').map((n) => n.reason)).toEqual(['subscribeMessage.send -1: system busy', 'subscribeMessage.send -1: system busy']);
    // A failed send does not use up the person's subscription.
    expect(api.find('subscriptions', { _id: 'dev-cs-expert.local-reminder' })[0]).toMatchObject({ credits: 100 });
    fail = false;
    api.advance(2 * 60_000);
    await tick();
    expect(notes(id, 'reminder').filter((n) => n.state === 'sent').map((n) => n.recipientOpenid).sort()).toEqual(['dev-cs-expert', 'dev-cs-peer']);
  });

  it('gives up after the last attempt: undeliverable, with the reason kept, and the credit given back each time', async () => {
    const id = await ask();
    api.advance(20 * HOUR_MS);
    await giveCredits('dev-cs-expert', 'dev-cs-peer');
    const repos = cloudbaseRepositories(api.db, { catalogCacheMs: 0 });
    const down: Notifier = { sendSubscribeMessage: async () => ({ ok: false, errcode: -1, errmsg: 'system busy' }), postToGroup: async () => ({ ok: true }) };
    const expert = () => notes(id, 'reminder').find((n) => n.recipientOpenid === 'dev-cs-expert')!;
    await tickWith(down, repos);
    expect(expert()).toMatchObject({ state: 'pending', attempts: 1 });
    // Attempts 2–4 follow the back-off (1, 5, 15 minutes); the 5th (after an hour) is the last.
    for (const wait of [1, 5, 15, 60]) {
      api.advance(wait * 60_000 + 1);
      await tickWith(down, repos);
    }
    expect(expert()).toMatchObject({ state: 'undeliverable', attempts: 5, problem: 'SEND_FAILED', reason: 'gave up after 5 attempts: subscribeMessage.send -1: system busy' });
    expect(api.find('subscriptions', { _id: 'dev-cs-expert.local-reminder' })[0]).toMatchObject({ credits: 100 });
    // Nothing more is tried.
    api.advance(24 * HOUR_MS);
    await tickWith(down, repos);
    expect(expert().state).toBe('undeliverable');
  });

  it('withdraws a retried reminder once the question has been answered meanwhile', async () => {
    const id = await ask();
    api.advance(20 * HOUR_MS);
    const repos = cloudbaseRepositories(api.db, { catalogCacheMs: 0 });
    const busy: Notifier = { sendSubscribeMessage: async () => ({ ok: false, errcode: -1, errmsg: 'system busy' }), postToGroup: async () => ({ ok: true }) };
    await giveCredits('dev-cs-expert', 'dev-cs-peer');
    await tickWith(busy, repos);
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '已答复，不必再提醒。' }));
    api.advance(2 * 60_000);
    const sent: string[] = [];
    const ok: Notifier = { sendSubscribeMessage: async (m) => (sent.push(m.page), { ok: true }), postToGroup: async () => ({ ok: true }) };
    await tickWith(ok, repos);
    expect(sent.filter((p) => p.endsWith(id))).toEqual([]);
    expect(notes(id, 'reminder').filter((n) => n.recipientOpenid !== 'dev-cs-league').map((n) => n.state)).toEqual(['withdrawn', 'withdrawn']);
  });
});
