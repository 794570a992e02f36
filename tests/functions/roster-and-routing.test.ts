import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { DAY_MS } from '../../shared/domain/privacy';
import { INVITE_CODE_PATTERN } from '../../shared/domain/invitation';
import { randomIds } from '../../shared/server/ids';
import { askAsStudent, COORDINATOR, CS_PEER, CS_RESPONDER, expectOk, LOGISTICS, startLocalApi, STUDENT, type ApiReply, type LocalApi } from './support/local-api';

/**
 * Issue 10, people and organisation: invitations and the roster (who may
 * invite, join, change and deactivate whom, and what a deactivated responder
 * no longer gets), and the routing table (units, categories, WeCom groups:
 * changes apply to new questions only and are audited).
 */
const SCHOOL_ADMIN = 'dev-admin'; // 李天罡
const SUPERVISOR = 'dev-supervisor';
const CS_ADMIN = 'dev-cs-league'; // 高鹏, 计算机学院团委
const ECON_ADMIN = 'dev-econ-league'; // 张瑶萱, 经济学院团委
const ECON_EXPERT = 'dev-econ-expert'; // 詹来明
const NEW_TEACHER = 'dev-new-teacher'; // 孙明远, signed in, in no team
const OPEN_CODE = 'CSEXPERT26';
const EXPIRED_CODE = 'ECNPEER925';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const refused = (code: string, message?: string) => ({ ok: false, error: message === undefined ? { code } : { code, message } });
const codeOf = (reply: ApiReply) => (reply.ok ? 'ok' : reply.error.code);
const auditLines = async () => expectOk(await api.call(SCHOOL_ADMIN, 'audit.list', { pageSize: 50 })).items as { action: string; actorName: string; target: string; reason: string | null }[];
const personId = (openid: string) => (api.find('users', { openid })[0] as { _id: string })._id;
let stranger = 0;
/** A WeChat user the roster has never seen. */
const newcomer = () => `o-newcomer-${++stranger}`;

async function invite(by: string, data: Record<string, unknown>, requestId?: string) {
  return expectOk(await api.call(by, 'roster.invite', { team: 'expert', ...data }, requestId));
}

describe('the roster as seeded', () => {
  it('shows each college its targets: experts ≥ 5 (Zhejiang), staff 10–30 (Beijing), active people only', async () => {
    const all = expectOk(await api.call(SCHOOL_ADMIN, 'roster.list', { pageSize: 50 }));
    const byCollege = Object.fromEntries(all.colleges.map((c: { collegeId: string }) => [c.collegeId, c]));
    expect(Object.keys(byCollege).sort()).toEqual(['c-cs', 'c-econ', 'c-fl', 'c-hum', 'c-me', 'c-med']);
    // 医学院: 张少辉 (团帮青) and five young teachers in 专帮青.
    expect(byCollege['c-med']).toEqual({ collegeId: 'c-med', collegeName: '医学院', experts: 5, expertsMin: 5, expertsMet: true, staff: 6, staffMin: 10, staffMax: 30, staffMet: false });
    // 计算机学院: one expert; 经济学院: 刘晓峰 was deactivated, so he counts nowhere.
    expect(byCollege['c-cs']).toMatchObject({ experts: 1, expertsMet: false, staff: 3, staffMet: false });
    expect(byCollege['c-econ']).toMatchObject({ experts: 1, expertsMet: false, staff: 2 });
  });

  it('lets a college admin read their college only, phones whole; overseers read everyone', async () => {
    expectOk(await api.call(CS_RESPONDER, 'me.bindPhone', { code: 'dev-13800001111' }));
    const cs = expectOk(await api.call(CS_ADMIN, 'roster.list', { pageSize: 50 }));
    expect(cs.items.map((p: { name: string }) => p.name).sort()).toEqual(['任智宇', '高鹏', '黄怡然'].sort());
    expect(cs.colleges.map((c: { collegeId: string }) => c.collegeId)).toEqual(['c-cs']);
    expect(cs.items.find((p: { name: string }) => p.name === '任智宇')).toMatchObject({
      phone: '13800001111',
      roles: ['responder'],
      active: true,
      memberships: [{ unitId: 'c-cs', unitName: '计算机科学与技术学院团委', team: 'expert', categoryIds: ['cat-study', 'cat-career'], active: true, admin: false }],
    });
    expect(cs.items.find((p: { name: string }) => p.name === '高鹏').memberships[0]).toMatchObject({ admin: true });
    expect(JSON.stringify(cs)).not.toContain('dev-cs-expert'); // never an openid

    const econ = expectOk(await api.call(ECON_ADMIN, 'roster.list', { pageSize: 50 }));
    expect(econ.items.find((p: { name: string }) => p.name === '刘晓峰')).toMatchObject({ active: false, memberships: [{ unitId: 'c-econ', active: false }] });

    for (const overseer of [COORDINATOR, SUPERVISOR]) {
      const page = expectOk(await api.call(overseer, 'roster.list', { pageSize: 50 }));
      expect(page.items.length).toBeGreaterThan(20);
      expect(page.colleges).toHaveLength(6);
    }
    const med = expectOk(await api.call(SCHOOL_ADMIN, 'roster.list', { pageSize: 50, unitId: 'c-med' }));
    expect(med.items).toHaveLength(6);
    expect(med.colleges.map((c: { collegeId: string }) => c.collegeId)).toEqual(['c-med']);
  });

  it('refuses the roster to responders and students, another college to a college admin, and bad input', async () => {
    expect(await api.call(CS_RESPONDER, 'roster.list', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(STUDENT, 'roster.list', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(null, 'roster.list', {})).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(CS_ADMIN, 'roster.list', { unitId: 'c-econ' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_ADMIN, 'roster.list', { unitId: 'c-nope' })).toMatchObject(refused('CATALOG.UNKNOWN_UNIT'));
    for (const data of [{ unitId: { $gt: '' } }, { pageSize: 0 }, { cursor: 'x' }, { extra: 1 }]) {
      expect(await api.call(SCHOOL_ADMIN, 'roster.list', data)).toMatchObject(refused('INPUT.INVALID'));
    }
  });

  it('pages through everyone on the memberships index, each person once', async () => {
    api.resetStats();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = expectOk(await api.call(SCHOOL_ADMIN, 'roster.list', { pageSize: 4, ...(cursor ? { cursor } : {}) }));
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((p: { personId: string }) => p.personId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const staff = api.find('users').filter((u) => (u.memberships as unknown[]).length > 0);
    expect(seen.sort()).toEqual(staff.map((u) => u._id).sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(api.stats().unindexed).toEqual([]);
  });
});

describe('invitations', () => {
  it('from the seed: one open, one expired', async () => {
    expect(expectOk(await api.call(NEW_TEACHER, 'roster.inviteInfo', { code: 'csexpert26' }))).toMatchObject({
      unitId: 'c-cs', team: 'expert', status: 'open', name: '孙明远', invitedByName: '高鹏', registered: true, alreadyJoined: false,
      categories: [{ id: 'cat-study', name: '学业' }, { id: 'cat-career', name: '就业' }],
    });
    expect(expectOk(await api.call(NEW_TEACHER, 'roster.inviteInfo', { code: EXPIRED_CODE }))).toMatchObject({ unitId: 'c-econ', status: 'expired' });
    const open = expectOk(await api.call(CS_ADMIN, 'roster.invites', {}));
    expect(open.items.map((i: { code: string }) => i.code)).toEqual([OPEN_CODE]);
    expect(expectOk(await api.call(ECON_ADMIN, 'roster.invites', {})).items).toEqual([]);
  });

  it('a college admin invites a teacher, who joins and answers', async () => {
    const before = api.now();
    const inv = await invite(CS_ADMIN, { unitId: 'c-cs', categoryIds: ['cat-study'], name: '周老师' }, 'invite-zhou-0001');
    expect(inv).toMatchObject({ unitId: 'c-cs', team: 'expert', role: 'responder', name: '周老师', maxUses: 1, uses: 0, status: 'open', createdByName: '高鹏' });
    expect(inv.code).toMatch(INVITE_CODE_PATTERN);
    expect(inv.scene).toBe(`i=${inv.code}`);
    expect(inv.path).toBe(`pages/join/index?scene=i%3D${inv.code}`);
    expect(inv.expiresAt - inv.createdAt).toBe(14 * DAY_MS);
    expect(inv.createdAt).toBeGreaterThanOrEqual(before);
    // A retry is the same invitation, with the same code.
    expect(await invite(CS_ADMIN, { unitId: 'c-cs', categoryIds: ['cat-study'], name: '周老师' }, 'invite-zhou-0001')).toEqual(inv);
    expect(api.count('invitations', { unitId: 'c-cs' })).toBe(2);

    const zhou = newcomer();
    // Typed from a poster: case, spaces and dashes do not matter.
    const typed = `${inv.code.slice(0, 5).toLowerCase()}-${inv.code.slice(5)} `;
    expect(expectOk(await api.call(zhou, 'roster.inviteInfo', { code: typed }))).toMatchObject({ status: 'open', registered: false, alreadyJoined: false });
    const joined = expectOk(await api.call(zhou, 'roster.join', { code: typed }));
    expect(joined).toMatchObject({ unitId: 'c-cs', team: 'expert', categoryIds: ['cat-study'], roles: ['responder'] });
    expect(expectOk(await api.call(zhou, 'me.get', {}))).toMatchObject({ registered: true, name: '周老师', collegeId: 'c-cs', roles: ['responder'], memberships: [{ unitId: 'c-cs', team: 'expert' }] });

    // Joining again answers the same and changes nothing.
    expect(expectOk(await api.call(zhou, 'roster.join', { code: inv.code }))).toEqual(joined);
    expect(api.find('invitations', { _id: inv.id })[0]).toMatchObject({ uses: 1, state: 'usedUp', joins: [{ key: randomIds.derived('jk', zhou) }] });
    expect(JSON.stringify(api.find('invitations', { _id: inv.id }))).not.toContain(zhou);

    // She hears about new questions of her college and answers them.
    const id = await askAsStudent(api, { title: '专业课选修怎么安排', content: '想了解专业选修课一般在第几学期开始选。' });
    expect(api.find('notifications', { questionId: id }).map((n) => n.recipientOpenid)).toContain(zhou);
    const inbox = expectOk(await api.call(zhou, 'inbox.list', { box: 'pending', pageSize: 50 }));
    expect(inbox.items.map((q: { id: string }) => q.id)).toContain(id);
    expect(expectOk(await api.call(zhou, 'answer.post', { questionId: id, content: '专业选修课从第三学期开始，教务系统里选。' }))).toMatchObject({ official: true });

    const lines = await auditLines();
    expect(lines).toContainEqual(expect.objectContaining({ action: 'roster.invite', actorName: '高鹏', target: expect.stringContaining('计算机科学与技术学院团委 · 专帮青 · 周老师'), reason: expect.stringContaining(inv.code) }));
    expect(lines).toContainEqual(expect.objectContaining({ action: 'roster.join', actorName: '周老师', target: '周老师 加入 计算机科学与技术学院团委 · 专帮青' }));
    expect(lines.filter((l) => l.action === 'roster.join' && l.actorName === '周老师')).toHaveLength(1);
  });

  it('a person already in the roster gains the membership and keeps their name', async () => {
    const joined = expectOk(await api.call(NEW_TEACHER, 'roster.join', { code: OPEN_CODE, name: '别的名字' }));
    expect(joined).toMatchObject({ unitId: 'c-cs', team: 'expert', roles: ['responder'] });
    expect(expectOk(await api.call(NEW_TEACHER, 'me.get', {}))).toMatchObject({ name: '孙明远', roles: ['responder'] });

    // 任智宇 (计算机学院) is invited by the school admin to 教务处 as well.
    const inv = await invite(SCHOOL_ADMIN, { unitId: 'd-academic', categoryIds: ['cat-academic'] });
    expect(expectOk(await api.call(CS_RESPONDER, 'roster.join', { code: inv.code, name: '别人' }))).toMatchObject({ unitId: 'd-academic', roles: ['responder'] });
    const me = expectOk(await api.call(CS_RESPONDER, 'me.get', {}));
    expect(me).toMatchObject({ name: '任智宇', collegeId: 'c-cs' });
    expect(me.memberships.map((m: { unitId: string }) => m.unitId)).toEqual(['c-cs', 'd-academic']);
  });

  it('asks a newcomer for their name when the invitation has none, without using it up', async () => {
    const inv = await invite(CS_ADMIN, { unitId: 'b-cs-2301', team: 'peer' });
    const who = newcomer();
    expect(await api.call(who, 'roster.join', { code: inv.code })).toMatchObject(refused('INPUT.INVALID'));
    expect(api.find('invitations', { _id: inv.id })[0]).toMatchObject({ uses: 0, joins: [] });
    expect(api.find('users', { openid: who })).toEqual([]);
    expect(await api.call(who, 'roster.join', { code: inv.code, name: 'x' })).toMatchObject(refused('INPUT.INVALID'));
    expect(expectOk(await api.call(who, 'roster.join', { code: inv.code, name: '  钱 多多 ' }))).toMatchObject({ unitId: 'b-cs-2301', team: 'peer' });
    expect(api.find('users', { openid: who })[0]).toMatchObject({ name: '钱 多多', collegeId: 'c-cs' });
  });

  it('refuses expired, used-up, revoked and unknown codes with their own codes, writing nothing', async () => {
    const who = newcomer();
    expect(await api.call(who, 'roster.join', { code: EXPIRED_CODE, name: '冯同学' })).toMatchObject(refused('INVITE.EXPIRED'));
    expect(await api.call(who, 'roster.join', { code: OPEN_CODE, name: '冯同学' })).toMatchObject(refused('INVITE.USED_UP'));
    for (const code of ['ABCDEFGHJK', 'hello', 'CSEXPERT2', 'CSEXPERT260', 'OOOOOOOOOO']) {
      expect({ code, reply: codeOf(await api.call(who, 'roster.join', { code, name: '冯同学' })) }).toEqual({ code, reply: 'INVITE.INVALID' });
    }
    expect(await api.call(who, 'roster.inviteInfo', { code: 'ABCDEFGHJK' })).toMatchObject(refused('INVITE.INVALID'));
    for (const data of [{ code: { $gt: '' } }, { code: '' }, { code: 'x'.repeat(41) }, { code: OPEN_CODE, name: '长'.repeat(21) }, { code: OPEN_CODE, openid: 'dev-admin' }]) {
      expect(await api.call(who, 'roster.join', data)).toMatchObject(refused('INPUT.INVALID'));
    }

    const inv = await invite(CS_ADMIN, { unitId: 'c-cs', maxUses: 3 });
    expect(expectOk(await api.call(CS_ADMIN, 'roster.revokeInvite', { invitationId: inv.id, reason: '团队选错了' }, 'revoke-0001'))).toMatchObject({ status: 'revoked' });
    expect(expectOk(await api.call(CS_ADMIN, 'roster.revokeInvite', { invitationId: inv.id }))).toMatchObject({ status: 'revoked' });
    expect(await api.call(who, 'roster.join', { code: inv.code, name: '冯同学' })).toMatchObject(refused('INVITE.REVOKED'));
    expect(expectOk(await api.call(who, 'roster.inviteInfo', { code: inv.code }))).toMatchObject({ status: 'revoked' });
    expect((await auditLines()).filter((l) => l.action === 'roster.revokeInvite' && l.target.includes(inv.code))).toEqual([
      expect.objectContaining({ actorName: '高鹏', reason: '团队选错了' }),
    ]);

    // An invitation that runs out while nobody used it.
    const short = await invite(CS_ADMIN, { unitId: 'c-cs', expiresInDays: 1 });
    api.advance(DAY_MS);
    try {
      expect(await api.call(who, 'roster.join', { code: short.code, name: '冯同学' })).toMatchObject(refused('INVITE.EXPIRED'));
      expect(expectOk(await api.call(CS_ADMIN, 'roster.invites', {})).items.map((i: { id: string }) => i.id)).not.toContain(short.id);
    } finally {
      api.advance(-DAY_MS);
    }
    expect(api.find('users', { openid: who })).toEqual([]);
  });

  it('of two people joining with a single-use code at once, exactly one gets in', async () => {
    const inv = await invite(CS_ADMIN, { unitId: 'c-cs', name: '吴老师' });
    const people = [newcomer(), newcomer(), newcomer(), newcomer()];
    const replies = await Promise.all(people.map((who) => api.call(who, 'roster.join', { code: inv.code })));
    expect(replies.map(codeOf).sort()).toEqual(['INVITE.USED_UP', 'INVITE.USED_UP', 'INVITE.USED_UP', 'ok']);
    const winner = people[replies.findIndex((r) => r.ok)]!;
    expect(api.find('invitations', { _id: inv.id })[0]).toMatchObject({ uses: 1, joins: [{ key: randomIds.derived('jk', winner) }] });
    expect(people.map((p) => api.find('users', { openid: p }).length)).toEqual(people.map((p) => (p === winner ? 1 : 0)));
  });

  it('the same person joining several times at once gets in once', async () => {
    const inv = await invite(CS_ADMIN, { unitId: 'c-cs', name: '郑老师', maxUses: 5 });
    const who = newcomer();
    const replies = await Promise.all([1, 2, 3].map(() => api.call(who, 'roster.join', { code: inv.code })));
    const joined = replies.map(expectOk);
    expect(new Set(joined.map((j) => j.joinedAt)).size).toBe(1);
    expect(api.find('invitations', { _id: inv.id })[0]).toMatchObject({ uses: 1 });
    expect(api.find('users', { openid: who })[0]!.memberships).toHaveLength(1);
    expect((await auditLines()).filter((l) => l.action === 'roster.join' && l.actorName === '郑老师')).toHaveLength(1);
  });

  it('lets a unit admin invite to their college and its branches only, and only the school admin invite unit admins', async () => {
    expect(await api.call(CS_ADMIN, 'roster.invite', { unitId: 'c-econ', team: 'expert' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_ADMIN, 'roster.invite', { unitId: 'd-academic', team: 'expert' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_ADMIN, 'roster.invite', { unitId: 'b-econ-2302', team: 'peer' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_ADMIN, 'roster.invite', { unitId: 'c-cs', team: 'league', role: 'unitAdmin' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    for (const who of [CS_RESPONDER, STUDENT, COORDINATOR, SUPERVISOR]) {
      expect({ who, reply: codeOf(await api.call(who, 'roster.invite', { unitId: 'c-cs', team: 'expert' })) }).toEqual({ who, reply: 'AUTH.FORBIDDEN' });
    }
    // The school admin invites a unit admin anywhere; they join as that unit's admin and manage it.
    const inv = await invite(SCHOOL_ADMIN, { unitId: 'c-fl', team: 'league', role: 'unitAdmin', name: '褚老师' });
    const chu = newcomer();
    expect(expectOk(await api.call(chu, 'roster.join', { code: inv.code }))).toMatchObject({ roles: ['unitAdmin'] });
    expect(expectOk(await api.call(chu, 'roster.list', {})).colleges.map((c: { collegeId: string }) => c.collegeId)).toEqual(['c-fl']);
    expect(await api.call(chu, 'roster.invite', { unitId: 'c-fl', team: 'expert' })).toMatchObject({ ok: true });
    expect(await api.call(chu, 'roster.invite', { unitId: 'c-cs', team: 'expert' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    // Revoking follows the same rule.
    const cs = await invite(CS_ADMIN, { unitId: 'c-cs' });
    expect(await api.call(ECON_ADMIN, 'roster.revokeInvite', { invitationId: cs.id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_ADMIN, 'roster.revokeInvite', { invitationId: 'inv-nope' })).toMatchObject(refused('INVITE.INVALID'));
    expect(await api.call(ECON_ADMIN, 'roster.invites', { unitId: 'c-cs' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(STUDENT, 'roster.invites', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
  });

  it('refuses bad invitations before writing anything, and a request id reused for another invitation', async () => {
    const count = api.count('invitations');
    const bad: [Record<string, unknown>, string][] = [
      [{ unitId: 'c-nope', team: 'expert' }, 'CATALOG.UNKNOWN_UNIT'],
      [{ unitId: 'c-cs', team: 'expert', categoryIds: ['cat-nope'] }, 'CATALOG.UNKNOWN_CATEGORY'],
      [{ unitId: 'c-cs', team: 'boss' }, 'INPUT.INVALID'],
      [{ unitId: 'c-cs', team: 'expert', role: 'schoolAdmin' }, 'INPUT.INVALID'],
      [{ unitId: 'c-cs', team: 'expert', expiresInDays: 0 }, 'INPUT.INVALID'],
      [{ unitId: 'c-cs', team: 'expert', expiresInDays: 91 }, 'INPUT.INVALID'],
      [{ unitId: 'c-cs', team: 'expert', maxUses: 201 }, 'INPUT.INVALID'],
      [{ unitId: { $gt: '' }, team: 'expert' }, 'INPUT.INVALID'],
      [{ unitId: 'c-cs', team: 'expert', code: 'AAAAAAAAAA' }, 'INPUT.INVALID'],
      [{ unitId: 'c-cs', team: 'expert', categoryIds: Array.from({ length: 21 }, (_, i) => `cat-${i}`) }, 'INPUT.INVALID'],
    ];
    for (const [data, code] of bad) expect({ data, reply: codeOf(await api.call(CS_ADMIN, 'roster.invite', data)) }).toEqual({ data, reply: code });
    expect(api.count('invitations')).toBe(count);
    await invite(CS_ADMIN, { unitId: 'c-cs' }, 'invite-reuse-01');
    expect(await api.call(CS_ADMIN, 'roster.invite', { unitId: 'c-cs', team: 'peer' }, 'invite-reuse-01')).toMatchObject(refused('REQUEST.KEY_REUSED'));
    expect(await api.call(ECON_ADMIN, 'roster.invite', { unitId: 'c-econ', team: 'expert' }, 'invite-reuse-01')).toMatchObject({ ok: true });
  });
});

describe('changing people (分工, teams, roles, deactivation)', () => {
  it('a college admin changes a teacher\'s team and 分工; the change is audited once per request', async () => {
    const id = personId(CS_RESPONDER);
    const after = expectOk(await api.call(CS_ADMIN, 'roster.update', { personId: id, unitId: 'c-cs', team: 'league', categoryIds: ['cat-study', 'cat-league'], reason: '兼任团务' }, 'update-ren-001'));
    // The college admin sees only their units' memberships (not 教务处's).
    expect(after).toMatchObject({ name: '任智宇', memberships: [{ unitId: 'c-cs', team: 'league', categoryIds: ['cat-study', 'cat-league'] }] });
    expect(await api.call(CS_ADMIN, 'roster.update', { personId: id, unitId: 'c-cs', team: 'league', categoryIds: ['cat-study', 'cat-league'], reason: '兼任团务' }, 'update-ren-001')).toMatchObject({ ok: true });
    expect(await api.call(CS_ADMIN, 'roster.update', { personId: id, unitId: 'c-cs', team: 'peer' }, 'update-ren-001')).toMatchObject(refused('REQUEST.KEY_REUSED'));
    // The same change again is no change: nothing written.
    expect(await api.call(CS_ADMIN, 'roster.update', { personId: id, unitId: 'c-cs', team: 'league' })).toMatchObject({ ok: true });
    expect((await auditLines()).filter((l) => l.action === 'roster.update' && l.target.startsWith('任智宇'))).toEqual([
      expect.objectContaining({ actorName: '高鹏', target: '任智宇（计算机科学与技术学院团委）：团队 专帮青→团帮青；分工 学业、就业→学业、团务', reason: '兼任团务' }),
    ]);
    expectOk(await api.call(CS_ADMIN, 'roster.update', { personId: id, unitId: 'c-cs', team: 'expert', categoryIds: ['cat-study', 'cat-career'] }));
  });

  it('keeps each admin to their scope and their rights', async () => {
    const ren = personId(CS_RESPONDER);
    const cases: [string, Record<string, unknown>, string][] = [
      [ECON_ADMIN, { personId: ren, unitId: 'c-cs', team: 'peer' }, 'AUTH.FORBIDDEN'],
      [CS_RESPONDER, { personId: ren, unitId: 'c-cs', team: 'peer' }, 'AUTH.FORBIDDEN'],
      [COORDINATOR, { personId: ren, unitId: 'c-cs', team: 'peer' }, 'AUTH.FORBIDDEN'],
      [CS_ADMIN, { personId: ren, unitId: 'd-academic', team: 'peer' }, 'AUTH.FORBIDDEN'],
      [CS_ADMIN, { personId: ren, unitId: 'c-cs', admin: true }, 'AUTH.FORBIDDEN'],
      [CS_ADMIN, { personId: ren, unitId: 'c-cs', roles: ['responder', 'coordinator'] }, 'AUTH.FORBIDDEN'],
      // 任智宇 answers for 教务处 too: only the school admin takes the responder role away.
      [CS_ADMIN, { personId: ren, unitId: 'c-cs', roles: [] }, 'AUTH.FORBIDDEN'],
      [CS_ADMIN, { personId: personId(CS_ADMIN), unitId: 'c-cs', active: false }, 'AUTH.FORBIDDEN'],
      [CS_ADMIN, { personId: 'p-nobody', unitId: 'c-cs', team: 'peer' }, 'PERSON.NOT_FOUND'],
      [CS_ADMIN, { personId: personId(ECON_EXPERT), unitId: 'c-cs', team: 'peer' }, 'PERSON.NOT_FOUND'],
      [CS_ADMIN, { personId: ren, unitId: 'c-cs' }, 'INPUT.INVALID'],
      [CS_ADMIN, { personId: ren, unitId: 'c-cs', categoryIds: ['cat-nope'] }, 'CATALOG.UNKNOWN_CATEGORY'],
      [CS_ADMIN, { personId: ren, unitId: 'c-nope', team: 'peer' }, 'CATALOG.UNKNOWN_UNIT'],
      [CS_ADMIN, { personId: ren, unitId: 'c-cs', roles: ['schoolAdmin'] }, 'INPUT.INVALID'],
      [CS_ADMIN, { personId: ren, unitId: 'c-cs', team: 'boss' }, 'INPUT.INVALID'],
      [CS_ADMIN, { personId: { $ne: null }, unitId: 'c-cs', team: 'peer' }, 'INPUT.INVALID'],
    ];
    const before = JSON.stringify(api.find('users', { openid: CS_RESPONDER }));
    for (const [who, data, code] of cases) expect({ who, data, reply: codeOf(await api.call(who, 'roster.update', data)) }).toEqual({ who, data, reply: code });
    expect(JSON.stringify(api.find('users', { openid: CS_RESPONDER }))).toBe(before);

    // The school admin may: the responder role, and making someone a unit's admin (who then manages it).
    const zhan = personId(ECON_EXPERT);
    expect(expectOk(await api.call(SCHOOL_ADMIN, 'roster.update', { personId: zhan, unitId: 'c-econ', admin: true, reason: '协助管理' }))).toMatchObject({ roles: ['responder', 'unitAdmin'], memberships: [{ admin: true }] });
    expect(await api.call(ECON_EXPERT, 'roster.list', {})).toMatchObject({ ok: true });
    expectOk(await api.call(SCHOOL_ADMIN, 'roster.update', { personId: zhan, unitId: 'c-econ', admin: false }));
    expect(await api.call(ECON_EXPERT, 'roster.list', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect((await auditLines()).filter((l) => l.target.startsWith('詹来明')).map((l) => l.target)).toEqual([
      '詹来明（经济学院团委）：单位管理员 是→否；角色 答复人、单位管理员→答复人',
      '詹来明（经济学院团委）：单位管理员 否→是；角色 答复人→答复人、单位管理员',
    ]);
  });

  it('a deactivated responder no longer hears about, sees or answers the unit\'s questions; reactivated, they do again', async () => {
    const huang = personId(CS_PEER);
    expect(expectOk(await api.call(CS_ADMIN, 'roster.update', { personId: huang, unitId: 'c-cs', active: false, reason: '毕业离校' }))).toMatchObject({ active: false, memberships: [{ active: false }] });
    const id = await askAsStudent(api, { title: '实验室开放时间', content: '想问一下计算机学院实验室周末是否开放。' });
    const recipients = api.find('notifications', { questionId: id }).map((n) => n.recipientOpenid);
    expect(recipients).toContain(CS_RESPONDER);
    expect(recipients).not.toContain(CS_PEER);
    expect(expectOk(await api.call(CS_PEER, 'me.get', {}))).toMatchObject({ roles: ['student'], memberships: [] });
    expect(await api.call(CS_PEER, 'inbox.list', { box: 'pending' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_PEER, 'answer.post', { questionId: id, content: '周末实验室开放到晚上九点。' })).toMatchObject(refused('AUTH.FORBIDDEN'));

    expectOk(await api.call(CS_ADMIN, 'roster.update', { personId: huang, unitId: 'c-cs', active: true }));
    expect(expectOk(await api.call(CS_PEER, 'answer.post', { questionId: id, content: '周末实验室开放到晚上九点。' }))).toMatchObject({ official: true });
    const lines = (await auditLines()).filter((l) => l.target.startsWith('黄怡然'));
    expect(lines.map((l) => l.target)).toEqual(['黄怡然（计算机科学与技术学院团委）：状态 已停用→在岗', '黄怡然（计算机科学与技术学院团委）：状态 在岗→已停用']);
  });
});

describe('the routing table', () => {
  it('is read whole by those who oversee every unit, with WeCom groups masked', async () => {
    const table = expectOk(await api.call(COORDINATOR, 'routing.get', {}));
    expect(table.units.find((u: { id: string }) => u.id === 'd-logistics')).toMatchObject({
      fallbackWebhook: { source: 'config', masked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo****roup' },
      version: 0,
      updatedAt: null,
    });
    expect(table.categories.find((c: { id: string }) => c.id === 'cat-mind')).toMatchObject({ crisisLane: true, answerHours: 12, ownerUnitId: 'd-student' });
    expect(JSON.stringify(table)).not.toContain('demo-logistics-duty-group');
    expect(await api.call(SUPERVISOR, 'routing.get', {})).toMatchObject({ ok: true });
    expect(await api.call(CS_ADMIN, 'routing.get', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(STUDENT, 'routing.get', {})).toMatchObject(refused('AUTH.FORBIDDEN'));
  });

  it('a category\'s new owner and answer window apply to new questions only; the admin who saved sees it at once', async () => {
    const earlier = await askAsStudent(api, { title: '转专业需要什么条件', content: '想转到计算机专业，需要满足什么绩点要求？' });
    const before = api.question(earlier);
    expect(before).toMatchObject({ ownerUnitId: 'c-cs', routeReason: 'college' });
    expect(before.deadlineAt - before.createdAt).toBe(24 * HOUR_MS);
    const warm = expectOk(await api.call(STUDENT, 'catalog.get', {})); // this container caches the catalog
    expect(warm.categories.find((c: { id: string }) => c.id === 'cat-study')).toMatchObject({ ownerUnitId: null });

    const saved = expectOk(await api.call(SCHOOL_ADMIN, 'category.save', {
      id: 'cat-study', version: 0, name: '学业', description: '课程学习、转专业、学业规划', ownerUnitId: 'd-academic', answerHours: 12, order: 1, reason: '学业问题统一由教务处答复',
    }, 'cat-study-save-1'));
    expect(saved.category).toMatchObject({ id: 'cat-study', ownerUnitId: 'd-academic', answerHours: 12, version: 1 });
    expect(await api.call(SCHOOL_ADMIN, 'category.save', {
      id: 'cat-study', version: 0, name: '学业', description: '课程学习、转专业、学业规划', ownerUnitId: 'd-academic', answerHours: 12, order: 1, reason: '学业问题统一由教务处答复',
    }, 'cat-study-save-1')).toMatchObject({ ok: true, data: saved });
    const fresh = expectOk(await api.call(SCHOOL_ADMIN, 'catalog.get', { freshAfter: saved.savedAt }));
    expect(fresh.categories.find((c: { id: string }) => c.id === 'cat-study')).toMatchObject({ ownerUnitId: 'd-academic', answerHours: 12 });

    const later = await askAsStudent(api, { title: '转专业的面试考什么', content: '转专业面试一般会问哪些问题？' });
    expect(api.question(later)).toMatchObject({ ownerUnitId: 'd-academic', routeReason: 'category' });
    expect(api.question(later).deadlineAt - api.question(later).createdAt).toBe(12 * HOUR_MS);
    // The earlier question kept its owner and deadline.
    expect(api.question(earlier)).toMatchObject({ ownerUnitId: 'c-cs', deadlineAt: before.deadlineAt });

    // A second admin screen that read version 0 cannot overwrite it.
    expect(await api.call(SCHOOL_ADMIN, 'category.save', { id: 'cat-study', version: 0, name: '学业', ownerUnitId: null, answerHours: null })).toMatchObject(refused('CATALOG.STALE'));
    expect((await auditLines()).filter((l) => l.action === 'category.update')).toEqual([
      expect.objectContaining({ actorName: '李天罡', target: '类别「学业」：负责单位 按学院分派→教务处；答复时限 默认 24 小时→12 小时', reason: '学业问题统一由教务处答复' }),
    ]);
    // Put it back for the other tests.
    expectOk(await api.call(SCHOOL_ADMIN, 'category.save', { id: 'cat-study', version: 1, name: '学业', description: '课程学习、转专业、学业规划', ownerUnitId: null, answerHours: null, order: 1 }));
  });

  it('creates a college whose questions are routed to it, and a category asked in at once', async () => {
    const unit = expectOk(await api.call(SCHOOL_ADMIN, 'unit.save', {
      id: 'c-law', name: '法学院团委', shortName: '法学院', kind: 'college', parentId: 'u-school', order: 16,
      emergencyContacts: [{ label: '法学院值班电话', phone: '0571-8888-0216' }], fallbackWebhook: null,
    }));
    expect(unit.unit).toMatchObject({ id: 'c-law', version: 1, fallbackWebhook: { source: null, masked: null } });
    const category = expectOk(await api.call(SCHOOL_ADMIN, 'category.save', { name: '法律援助', description: '合同、租房、维权咨询', ownerUnitId: null, answerHours: 48 }, 'new-cat-law-01'));
    expect(category.category).toMatchObject({ id: expect.stringMatching(/^cat_/), version: 1, answerHours: 48 });
    const id = expectOk(await api.call(STUDENT, 'question.ask', { collegeId: 'c-law', categoryId: category.category.id, title: '租房押金不退怎么办', content: '房东不退押金，学校能提供法律援助吗？' })).id;
    expect(api.question(id)).toMatchObject({ ownerUnitId: 'c-law', routeReason: 'college' });
    expect(api.question(id).deadlineAt - api.question(id).createdAt).toBe(48 * HOUR_MS);
    const lines = await auditLines();
    expect(lines).toContainEqual(expect.objectContaining({ action: 'unit.create', target: '单位「法学院团委」：新建学院团委，上级 校团委' }));
    expect(lines).toContainEqual(expect.objectContaining({ action: 'category.create', target: '类别「法律援助」：新建类别，负责单位 按学院分派，答复时限 48 小时' }));
  });

  it('a unit\'s own WeCom group overrides the configured one', async () => {
    const table = expectOk(await api.call(SCHOOL_ADMIN, 'routing.get', {}));
    const logistics = table.units.find((u: { id: string }) => u.id === 'd-logistics');
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=logistics-new-duty-room';
    const saved = expectOk(await api.call(SCHOOL_ADMIN, 'unit.save', {
      id: 'd-logistics', version: logistics.version, name: '后勤服务中心', shortName: '后勤服务中心', kind: 'department', parentId: null, order: 32,
      emergencyContacts: [{ label: '后勤报修24小时', phone: '0571-8888-0300' }], fallbackWebhook: url,
    }));
    expect(saved.unit).toMatchObject({ fallbackWebhook: { source: 'unit', masked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=logi****room' }, emergencyContacts: [{ label: '后勤报修24小时', phone: '0571-8888-0300' }] });
    // 夏晶 has no subscription left: the new question reaches the unit's own group.
    const id = await askAsStudent(api, { categoryId: 'cat-dorm', title: '宿舍空调不制冷', content: '宿舍空调开了没有冷风，能派人来修吗？' });
    expect(api.find('notifications', { questionId: id, recipientOpenid: LOGISTICS })).toEqual([expect.objectContaining({ state: 'fallback', channel: 'wecom' })]);
    expect(api.outbox({ channel: 'wecom' }).filter((m) => String(m.text).includes('宿舍空调')).map((m) => m.webhookUrl)).toEqual([url]);
    expect((await auditLines()).find((l) => l.action === 'unit.update')).toMatchObject({
      target: '单位「后勤服务中心」：紧急联系人 （无）→后勤报修24小时 0571-8888-0300；企业微信群 （无）→https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=logi****room',
    });
    expect(JSON.stringify(await auditLines())).not.toContain('logistics-new-duty-room');

    // The admin screens see the robot masked only: a save that leaves it out keeps it, a null clears it.
    const kept = expectOk(await api.call(SCHOOL_ADMIN, 'unit.save', {
      id: 'd-logistics', version: saved.unit.version, name: '后勤服务中心', shortName: '后勤服务中心', kind: 'department', parentId: null, order: 32,
      emergencyContacts: [{ label: '后勤报修24小时', phone: '0571-8888-0301' }],
    }));
    expect(kept.unit).toMatchObject({ version: saved.unit.version + 1, fallbackWebhook: { source: 'unit' } });
    const cleared = expectOk(await api.call(SCHOOL_ADMIN, 'unit.save', {
      id: 'd-logistics', version: kept.unit.version, name: '后勤服务中心', shortName: '后勤服务中心', kind: 'department', parentId: null, order: 32,
      emergencyContacts: [{ label: '后勤报修24小时', phone: '0571-8888-0301' }], fallbackWebhook: null,
    }));
    expect(cleared.unit.fallbackWebhook.source).not.toBe('unit');
  });

  it('lets only the school admin save, and refuses a bad table before writing', async () => {
    const law = { id: 'c-law2', name: '法学院团委', shortName: '法学院', kind: 'college', parentId: 'u-school', fallbackWebhook: null };
    for (const who of [COORDINATOR, SUPERVISOR, CS_ADMIN, CS_RESPONDER, STUDENT]) {
      expect({ who, unit: codeOf(await api.call(who, 'unit.save', law)), category: codeOf(await api.call(who, 'category.save', { name: '新类别', ownerUnitId: null, answerHours: null })) }).toEqual({ who, unit: 'AUTH.FORBIDDEN', category: 'AUTH.FORBIDDEN' });
    }
    const units = api.count('units');
    const badUnits: [Record<string, unknown>, string][] = [
      [{ ...law, fallbackWebhook: 'http://evil.example/hook' }, 'INPUT.INVALID'],
      [{ ...law, kind: 'branch' }, 'INPUT.INVALID'],
      [{ ...law, kind: 'school', parentId: null }, 'INPUT.INVALID'],
      [{ ...law, parentId: 'u-nope' }, 'CATALOG.UNKNOWN_UNIT'],
      [{ ...law, id: 'c-'.padEnd(31, 'x') }, 'INPUT.INVALID'],
      [{ ...law, emergencyContacts: [{ label: '值班', phone: 'call me maybe' }] }, 'INPUT.INVALID'],
      [{ ...law, id: 'c-cs' }, 'INPUT.INVALID'],
      [{ ...law, id: 'c-nope', version: 0 }, 'CATALOG.UNKNOWN_UNIT'],
      [{ ...law, id: 'c-cs', version: 7, name: '计算机学院团委' }, 'CATALOG.STALE'],
      [{ ...law, version: 0 }, 'CATALOG.UNKNOWN_UNIT'],
      [{ ...law, name: { $gt: '' } }, 'INPUT.INVALID'],
    ];
    for (const [data, code] of badUnits) expect({ data, reply: codeOf(await api.call(SCHOOL_ADMIN, 'unit.save', data)) }).toEqual({ data, reply: code });
    expect(api.count('units')).toBe(units);
    // A college committee with branches cannot become a department.
    const cs = expectOk(await api.call(SCHOOL_ADMIN, 'routing.get', {})).units.find((u: { id: string }) => u.id === 'c-cs');
    expect(await api.call(SCHOOL_ADMIN, 'unit.save', { ...cs, id: 'c-cs', kind: 'department', parentId: null, fallbackWebhook: null, emergencyContacts: [], updatedAt: undefined })).toMatchObject(refused('INPUT.INVALID'));

    const categories = api.count('categories');
    const badCategories: [Record<string, unknown>, string][] = [
      [{ name: '新类别', ownerUnitId: 'u-nope', answerHours: null }, 'CATALOG.UNKNOWN_UNIT'],
      [{ name: '新类别', ownerUnitId: null, answerHours: 0 }, 'INPUT.INVALID'],
      [{ name: '新类别', ownerUnitId: null, answerHours: 73 }, 'INPUT.INVALID'],
      [{ name: '新类别', ownerUnitId: 'd-student', answerHours: 2, crisisLane: true }, 'INPUT.INVALID'],
      [{ name: '新类别', ownerUnitId: null, answerHours: null, crisisLane: true }, 'INPUT.INVALID'],
      [{ id: 'cat-study', name: '学业', ownerUnitId: null, answerHours: null }, 'INPUT.INVALID'],
      [{ id: 'cat-nope', version: 0, name: '新类别', ownerUnitId: null, answerHours: null }, 'CATALOG.UNKNOWN_CATEGORY'],
      [{ name: '', ownerUnitId: null, answerHours: null }, 'INPUT.INVALID'],
    ];
    for (const [data, code] of badCategories) expect({ data, reply: codeOf(await api.call(SCHOOL_ADMIN, 'category.save', data)) }).toEqual({ data, reply: code });
    expect(api.count('categories')).toBe(categories);
  });

  it('a creation retried with its request id makes one record; a second unit or category of the same name is refused', async () => {
    const branch = { name: '计算机2402班团支部', shortName: '计算机2402班团支部', kind: 'branch', parentId: 'c-cs', emergencyContacts: [] };
    const units = api.count('units');
    const first = expectOk(await api.call(SCHOOL_ADMIN, 'unit.save', branch, 'new-branch-cs-01'));
    const again = expectOk(await api.call(SCHOOL_ADMIN, 'unit.save', branch, 'new-branch-cs-01'));
    expect(again.unit.id).toBe(first.unit.id);
    // A derived id still fits the scene c=<id> of a mini-program code.
    expect(first.unit.id.length).toBeLessThanOrEqual(30);
    expect(api.count('units')).toBe(units + 1);
    expect(await api.call(SCHOOL_ADMIN, 'unit.save', branch, 'new-branch-cs-02')).toMatchObject(refused('INPUT.INVALID', '已有单位叫「计算机2402班团支部」，请换一个名称'));
    expect(await api.call(SCHOOL_ADMIN, 'unit.save', { ...branch, name: '计算机2402团支部' }, 'new-branch-cs-03')).toMatchObject(
      refused('INPUT.INVALID', '简称「计算机2402班团支部」已被「计算机2402班团支部」使用，请换一个简称'),
    );
    expect(api.count('units')).toBe(units + 1);

    const categories = api.count('categories');
    const aid = { name: '心理援助', description: '', ownerUnitId: 'd-student', answerHours: 12 };
    const made = expectOk(await api.call(SCHOOL_ADMIN, 'category.save', aid, 'new-cat-aid-01'));
    expect(expectOk(await api.call(SCHOOL_ADMIN, 'category.save', aid, 'new-cat-aid-01')).category.id).toBe(made.category.id);
    expect(await api.call(SCHOOL_ADMIN, 'category.save', { ...aid, name: ' 学业 ' }, 'new-cat-aid-02')).toMatchObject(refused('INPUT.INVALID', '已有类别「学业」，请换一个名称，或编辑原来的类别'));
    expect(api.count('categories')).toBe(categories + 1);
    expect((await auditLines()).filter((l) => l.action === 'category.create' && l.target.startsWith('类别「心理援助」'))).toHaveLength(1);
  });

  it('of two saves from the same version at once, exactly one wins', async () => {
    const dorm = expectOk(await api.call(SCHOOL_ADMIN, 'routing.get', {})).categories.find((c: { id: string }) => c.id === 'cat-dorm');
    const save = (hours: number) => api.call(SCHOOL_ADMIN, 'category.save', { id: 'cat-dorm', version: dorm.version, name: '后勤宿舍', description: dorm.description, ownerUnitId: 'd-logistics', answerHours: hours, order: dorm.order });
    const replies = await Promise.all([save(6), save(8)]);
    expect(replies.map(codeOf).sort()).toEqual(['CATALOG.STALE', 'ok']);
    const won = replies.find((r) => r.ok)! as { data: { category: { answerHours: number } } };
    expect(api.find('categories', { _id: 'cat-dorm' })[0]).toMatchObject({ version: dorm.version + 1, answerHours: won.data.category.answerHours });
    expect((await auditLines()).filter((l) => l.target.startsWith('类别「后勤宿舍」'))).toHaveLength(1);
  });
});
