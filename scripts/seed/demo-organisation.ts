import { DAY_MS } from '../../shared/domain/privacy';
import type { CategoryRecord, InvitationRecord, UnitRecord, UserRecord } from '../../shared/server/ports/records';

/**
 * The demo university: a school committee, six college committees with a branch
 * each, and the functional departments that answer in their own areas
 * ("职能部门答办"). People cover all three teams and every oversight role.
 */
/** Placeholder numbers for the demo (a real school configures its own in the units' emergencyContacts). */
const SECURITY = { label: '保卫处24小时值班（演示号码）', phone: '0571-8888-0110' };
const CLINIC = { label: '校医院急诊（演示号码）', phone: '0571-8888-0120' };
const COUNSELLING = { label: '心理援助热线（演示号码）', phone: '0571-8888-0525' };

function unit(_id: string, name: string, kind: UnitRecord['kind'], parentId: string | null, order: number, extra: Partial<UnitRecord> = {}): UnitRecord {
  // A college committee is picked and read as its college ("计算机科学与技术学院").
  const shortName = kind === 'college' ? name.replace(/团委$/, '') : name;
  return { _id, name, shortName, kind, parentId, order, emergencyContacts: [], ...extra };
}

export const DEMO_UNITS: UnitRecord[] = [
  unit('u-school', '校团委', 'school', null, 0, { emergencyContacts: [SECURITY, CLINIC] }),
  unit('c-cs', '计算机科学与技术学院团委', 'college', 'u-school', 10),
  unit('c-econ', '经济学院团委', 'college', 'u-school', 11),
  unit('c-fl', '外国语学院团委', 'college', 'u-school', 12),
  unit('c-me', '机械工程学院团委', 'college', 'u-school', 13),
  unit('c-med', '医学院团委', 'college', 'u-school', 14),
  unit('c-hum', '人文学院团委', 'college', 'u-school', 15),
  unit('b-cs-2301', '计算机2301班团支部', 'branch', 'c-cs', 20),
  unit('b-econ-2302', '经济2302班团支部', 'branch', 'c-econ', 21),
  unit('d-academic', '教务处', 'department', null, 30),
  unit('d-student', '学生工作部', 'department', null, 31, { emergencyContacts: [COUNSELLING] }),
  unit('d-logistics', '后勤服务中心', 'department', null, 32),
  unit('d-security', '保卫处', 'department', null, 33, { emergencyContacts: [SECURITY] }),
];

export const DEMO_CATEGORIES: CategoryRecord[] = [
  { _id: 'cat-study', name: '学业', description: '课程学习、转专业、学业规划', ownerUnitId: null, answerHours: null, order: 1 },
  { _id: 'cat-academic', name: '教务', description: '选课、考试、成绩、学籍', ownerUnitId: 'd-academic', answerHours: null, order: 2 },
  { _id: 'cat-aid', name: '奖助勤贷', description: '奖学金、助学金、勤工助学、助学贷款', ownerUnitId: 'd-student', answerHours: null, order: 3 },
  { _id: 'cat-career', name: '就业', description: '实习、求职、升学、职业规划', ownerUnitId: null, answerHours: null, order: 4 },
  // The crisis lane (危机干预) goes to this category's unit, the counselling centre's home in the demo school.
  { _id: 'cat-mind', name: '心理', description: '情绪困扰、人际关系、心理咨询预约', ownerUnitId: 'd-student', answerHours: 12, order: 5, crisisLane: true },
  { _id: 'cat-dorm', name: '后勤宿舍', description: '宿舍维修、食堂、水电网络', ownerUnitId: 'd-logistics', answerHours: null, order: 6 },
  { _id: 'cat-league', name: '团务', description: '团员发展、团籍转接、团费、推优', ownerUnitId: null, answerHours: null, order: 7 },
  { _id: 'cat-club', name: '社团活动', description: '社团注册、活动申请、场地借用', ownerUnitId: 'u-school', answerHours: null, order: 8 },
  { _id: 'cat-rights', name: '权益', description: '学生权益、意见建议、投诉反映', ownerUnitId: null, answerHours: null, order: 9 },
  { _id: 'cat-safety', name: '校园安全', description: '失物、门禁、电信诈骗、安全隐患', ownerUnitId: 'd-security', answerHours: 12, order: 10 },
  { _id: 'cat-other', name: '其他', description: '以上都不是？在这里提问', ownerUnitId: null, answerHours: null, order: 11 },
];

type SeedUser = UserRecord & { order: number };

function person(order: number, openid: string, name: string, fields: Partial<UserRecord>): SeedUser {
  // The roster id is not the openid (an admin's screens name people by it; the openid never leaves the server).
  return { _id: `p-${order}`, openid, name, collegeId: null, roles: ['student'], memberships: [], order, ...fields };
}

export const DEMO_USERS: SeedUser[] = [
  person(1, 'dev-student-zhang', '张晓雨', { collegeId: 'c-cs' }),
  person(2, 'dev-student-li', '李思远', { collegeId: 'c-econ' }),
  person(3, 'dev-student-chen', '陈嘉怡', { collegeId: 'c-fl' }),
  person(4, 'dev-student-zhao', '赵一鸣', { collegeId: 'c-me' }),
  person(10, 'dev-cs-league', '高鹏', {
    collegeId: 'c-cs',
    roles: ['responder', 'unitAdmin'],
    memberships: [{ unitId: 'c-cs', team: 'league', categoryIds: ['cat-league', 'cat-rights', 'cat-other'], admin: true }],
  }),
  person(11, 'dev-cs-expert', '任智宇', {
    collegeId: 'c-cs',
    roles: ['responder'],
    memberships: [{ unitId: 'c-cs', team: 'expert', categoryIds: ['cat-study', 'cat-career'] }],
  }),
  person(12, 'dev-cs-peer', '黄怡然', {
    collegeId: 'c-cs',
    roles: ['responder', 'student'],
    memberships: [{ unitId: 'c-cs', team: 'peer', categoryIds: ['cat-study', 'cat-other'] }],
  }),
  person(13, 'dev-econ-league', '张瑶萱', {
    collegeId: 'c-econ',
    roles: ['responder', 'unitAdmin'],
    memberships: [{ unitId: 'c-econ', team: 'league', categoryIds: ['cat-league', 'cat-rights', 'cat-other'], admin: true }],
  }),
  person(14, 'dev-econ-expert', '詹来明', {
    collegeId: 'c-econ',
    roles: ['responder'],
    memberships: [{ unitId: 'c-econ', team: 'expert', categoryIds: ['cat-study', 'cat-career'] }],
  }),
  person(15, 'dev-fl-league', '桂平静', {
    collegeId: 'c-fl',
    roles: ['responder', 'unitAdmin'],
    memberships: [{ unitId: 'c-fl', team: 'league', categoryIds: [], admin: true }],
  }),
  person(16, 'dev-me-league', '李哲', {
    collegeId: 'c-me',
    roles: ['responder', 'unitAdmin'],
    memberships: [{ unitId: 'c-me', team: 'league', categoryIds: [], admin: true }],
  }),
  person(17, 'dev-med-league', '张少辉', {
    collegeId: 'c-med',
    roles: ['responder', 'unitAdmin'],
    memberships: [{ unitId: 'c-med', team: 'league', categoryIds: [], admin: true }],
  }),
  person(18, 'dev-hum-league', '王丹', {
    collegeId: 'c-hum',
    roles: ['responder', 'unitAdmin'],
    memberships: [{ unitId: 'c-hum', team: 'league', categoryIds: [], admin: true }],
  }),
  // 医学院 meets Zhejiang's target of at least 5 young teachers in the expert group (§四.1); the other colleges do not yet.
  ...['周文博', '林书瑶', '郑浩然', '吴思彤', '何嘉明'].map((name, i) =>
    person(40 + i, `dev-med-expert-${i + 1}`, name, {
      collegeId: 'c-med',
      roles: ['responder'],
      memberships: [{ unitId: 'c-med', team: 'expert', categoryIds: ['cat-study', 'cat-career'], active: true, admin: false }],
    }),
  ),
  // Deactivated by 经济学院's admin: no longer answers or hears about 经济学院's questions, not counted in its targets.
  person(19, 'dev-econ-peer-former', '刘晓峰', {
    collegeId: 'c-econ',
    roles: ['responder', 'student'],
    memberships: [{ unitId: 'c-econ', team: 'peer', categoryIds: ['cat-study'], active: false, admin: false }],
  }),
  person(20, 'dev-academic', '宋姗姗', {
    roles: ['responder'],
    memberships: [{ unitId: 'd-academic', team: 'expert', categoryIds: ['cat-academic'] }],
  }),
  person(21, 'dev-student-affairs', '陈家位', {
    roles: ['responder'],
    memberships: [{ unitId: 'd-student', team: 'expert', categoryIds: ['cat-aid', 'cat-mind'] }],
  }),
  person(22, 'dev-logistics', '夏晶', {
    roles: ['responder'],
    memberships: [{ unitId: 'd-logistics', team: 'expert', categoryIds: ['cat-dorm'] }],
  }),
  person(23, 'dev-security', '王美玲', {
    roles: ['responder'],
    memberships: [{ unitId: 'd-security', team: 'expert', categoryIds: ['cat-safety'] }],
  }),
  person(24, 'dev-union-peer', '靳嘉麟', {
    roles: ['responder', 'student'],
    collegeId: 'c-hum',
    memberships: [{ unitId: 'u-school', team: 'peer', categoryIds: ['cat-club', 'cat-other'] }],
  }),
  person(30, 'dev-coordinator', '王钰铭', {
    roles: ['coordinator', 'responder'],
    memberships: [{ unitId: 'u-school', team: 'league', categoryIds: [] }],
  }),
  person(31, 'dev-supervisor', '孟妍', {
    roles: ['supervisor'],
    memberships: [{ unitId: 'u-school', team: 'expert', categoryIds: [] }],
  }),
  person(32, 'dev-admin', '李天罡', {
    roles: ['schoolAdmin', 'supervisor'],
    memberships: [{ unitId: 'u-school', team: 'league', categoryIds: [] }],
  }),
  // A teacher 计算机学院 invited (the open demo invitation): signed in once, not in any team yet.
  person(50, 'dev-new-teacher', '孙明远', { collegeId: 'c-cs', roles: [], memberships: [] }),
];

/**
 * Demo invitations: 计算机学院's admin invited 孙明远 to the expert team (open,
 * code CSEXPERT26), and 经济学院's invitation for a student leader ran out
 * unused (expired, code ECNPEER925). Relative to the seeding time.
 */
export function demoInvitations(now: number): InvitationRecord[] {
  const base = { joins: [], uses: 0, state: 'open' as const, revokedAt: null, revokedByName: null, requestHash: null, note: null };
  return [
    {
      ...base,
      _id: 'inv-demo-cs-expert',
      code: 'CSEXPERT26',
      unitId: 'c-cs',
      team: 'expert',
      categoryIds: ['cat-study', 'cat-career'],
      role: 'responder',
      name: '孙明远',
      createdAt: now - DAY_MS,
      createdByOpenid: 'dev-cs-league',
      createdByName: '高鹏',
      expiresAt: now + 13 * DAY_MS,
      maxUses: 1,
    },
    {
      ...base,
      _id: 'inv-demo-econ-peer',
      code: 'ECNPEER925',
      unitId: 'c-econ',
      team: 'peer',
      categoryIds: ['cat-study'],
      role: 'responder',
      name: null,
      note: '学生会学习部',
      createdAt: now - 20 * DAY_MS,
      createdByOpenid: 'dev-econ-league',
      createdByName: '张瑶萱',
      expiresAt: now - 6 * DAY_MS,
      maxUses: 3,
    },
  ];
}

/**
 * Subscription credits the demo people "accepted" earlier (local template ids).
 * 任智宇 can receive reminders; 高鹏 has none left (so reminders to 计算机学院
 * show up as undeliverable for him); 后勤服务中心 falls back to its WeCom group.
 */
export const DEMO_SUBSCRIPTIONS = [
  { openid: 'dev-cs-expert', templateId: 'local-reminder', credits: 5 },
  { openid: 'dev-cs-peer', templateId: 'local-reminder', credits: 2 },
  { openid: 'dev-econ-expert', templateId: 'local-reminder', credits: 3 },
  { openid: 'dev-coordinator', templateId: 'local-escalation', credits: 10 },
  { openid: 'dev-supervisor', templateId: 'local-escalation', credits: 10 },
  { openid: 'dev-admin', templateId: 'local-escalation', credits: 10 },
  { openid: 'dev-student-zhang', templateId: 'local-reply', credits: 3 },
  { openid: 'dev-student-zhang', templateId: 'local-progress', credits: 3 },
];
