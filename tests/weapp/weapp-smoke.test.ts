import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { API_ACTIONS, isActionName, type ActionName, type ActionOutput, type ActionParsedInput } from '@shared/contracts/actions';
import type { Me } from '@shared/contracts/me.contract';
import { CLIENT_ERROR_MESSAGES } from '../../miniprogram/src/services/api-error';
import { NOW, catalog, detail, summary } from '../ui/support/fixtures';
import { overview, people, reportDetail, reportList, reportSummary, units } from '../ui/support/stats-fixtures';
import { MiniRuntime, type CloudBackend } from './mini-runtime';

const DIST = path.resolve(__dirname, '../../miniprogram/dist');
const APP_JSON = path.join(DIST, 'app.json');
const MAIN_PACKAGE_BUDGET = 1024 * 1024; // our budget; WeChat's hard limit is 2 MB

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

function readAppJson(): AppJson {
  if (!fs.existsSync(APP_JSON)) {
    throw new Error(
      `miniprogram/dist/app.json is missing: the weapp bundle has not been built. Run \`npm run build:weapp\` first (expected ${APP_JSON}).`,
    );
  }
  return JSON.parse(fs.readFileSync(APP_JSON, 'utf8')) as AppJson;
}

function allPages(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
}

function sizeOf(dir: string, skip: Set<string>): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    total += entry.isDirectory() ? sizeOf(full, skip) : fs.statSync(full).size;
  }
  return total;
}

const runtimes: MiniRuntime[] = [];
afterAll(() => runtimes.forEach((r) => r.dispose()));

test('the weapp build exists (run `npm run build:weapp` before jest)', () => {
  expect(readAppJson().pages.length).toBeGreaterThan(0);
});

test('app.json lists the student pages in the main package, the expert, admin and knowledge subpackages', () => {
  const app = readAppJson();
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/ask/index', 'pages/question/index', 'pages/mine/index', 'pages/search/index']));
  const subs = app.subPackages ?? app.subpackages ?? [];
  expect(subs.map((s) => s.root.replace(/\/$/, ''))).toEqual(expect.arrayContaining(['expert', 'admin', 'community', 'knowledge']));
  expect(allPages(app)).toEqual(
    expect.arrayContaining([
      'expert/pages/inbox/index',
      'expert/pages/reply/index',
      'admin/pages/escalations/index',
      'admin/pages/unreachable/index',
      'admin/pages/people/index',
      'admin/pages/routing/index',
      'admin/pages/entry/index',
      'community/pages/activities/index',
      'community/pages/activity/index',
      'community/pages/articles/index',
      'community/pages/topic/index',
      'admin/pages/faq/index',
      'knowledge/pages/faq/index',
      'knowledge/pages/faq-detail/index',
    ]),
  );
  // The join page is what invitation codes open (pages/join/index, the server's JOIN_PAGE).
  expect(app.pages).toContain('pages/join/index');
  // No subpackage page may sit in the main package, or it would count against its size.
  expect(app.pages.filter((p) => p.startsWith('expert/') || p.startsWith('admin/') || p.startsWith('community/') || p.startsWith('knowledge/'))).toEqual([]);
});

test('every page app.json lists has expected render text here (so new pages are not skipped silently)', () => {
  expect(allPages(readAppJson()).filter((p) => !EXPECTED_TEXT[p]?.length)).toEqual([]);
});

test('app.js and every page in app.json load and register with App / Page / Component', () => {
  const app = readAppJson();
  const runtime = new MiniRuntime(DIST);

  runtime.run('app');
  expect(runtime.registrationsOf('app').map((r) => r.kind)).toContain('App');

  const unregistered: string[] = [];
  for (const page of allPages(app)) {
    for (const ext of ['.js', '.json', '.wxml']) {
      expect({ page, ext, exists: fs.existsSync(path.join(DIST, page + ext)) }).toEqual({ page, ext, exists: true });
    }
    runtime.run(page);
    const kinds = runtime.registrationsOf(page).map((r) => r.kind);
    if (!kinds.includes('Page') && !kinds.includes('Component')) unregistered.push(page);
  }
  expect(unregistered).toEqual([]);
});

/**
 * A stand-in for the `api` cloud function: answers every action the pages call
 * with data that passes the action's own output contract, after checking the
 * bundle sent an input that passes its input contract. Each list carries a
 * title of its own, so a page is known to show its own data.
 */
const TITLES = {
  public: '公开问题：宿舍热水几点供应？',
  mine: '我的问题：图书馆周末开放吗？',
  inbox: '待答问题：选课系统打不开',
  escalated: '超时问题：食堂窗口排队太久',
  detail: '详情问题：实验室门禁卡补办',
  held: '待审问题：二手教材转让',
  activity: '活动：考研还是就业？学长学姐面对面',
  article: '文章：凌晨两点的实验室',
  topic: '话题：我心中的理想校园',
  search: '搜到的问题：热水供应时间',
  faq: '常见问题：校园卡丢了怎么补办',
  candidate: '重复提问：饭卡掉了在哪补',
  reference: '参考问题：一卡通丢失补卡流程',
};
const FAQ_ANSWER = '先挂失，再带身份证到一卡通办公室（食堂二楼）补办，工本费20元。';
const faqEntry = {
  id: 'faq-smoke',
  title: TITLES.faq,
  answer: FAQ_ANSWER,
  categoryId: 'cat-life',
  categoryName: '后勤',
  questionCount: 3,
  state: 'published' as const,
  publishedAt: NOW - 48 * 3_600_000,
  updatedAt: NOW - 24 * 3_600_000,
  updatedByName: '王钰铭',
};
const ME: Me = {
  registered: true,
  name: '任智宇',
  collegeId: null,
  // A responder who is also the school admin, so the moderation and audit pages show their data too.
  roles: ['student', 'responder', 'schoolAdmin'],
  memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert', categoryIds: ['cat-study'] }],
  subscribeTemplates: { asker: [], responder: [] },
  credits: [],
  phone: null,
};
const SMOKE_ACTIVITY = {
  id: 'act-1', title: TITLES.activity, unitId: 'u-school', unitName: '校团委', place: '大学生活动中心 305',
  startAt: NOW + 3 * 86_400_000, endAt: NOW + 3 * 86_400_000 + 7_200_000, signUpDeadline: NOW + 2 * 86_400_000,
  capacity: 3, signedUp: 3, waiting: 2, fromQuestions: true,
};
const SMOKE_ARTICLE = {
  id: 'art-1', title: TITLES.article, unitId: 'u-cs', unitName: '计算机学院团委', coverUrl: null,
  excerpt: '比赛前的一个月，实验室的灯常常亮到凌晨。', publishedAt: NOW, likeCount: 0, hidden: false,
};
const SMOKE_EXPERT = {
  id: 'p-1', name: '周老师', team: 'expert' as const, teamLabel: '专帮青', unitId: 'u-cs', unitName: '计算机学院团委',
  categories: [{ id: 'cat-study', name: '学业' }], answers: 12, satisfaction: 0.9, rated: 10, medianResponseMinutes: 90, likesReceived: 5,
};
const SMOKE_TOPIC = {
  id: 'tp-1', title: TITLES.topic, description: '你希望学校在哪些地方做出改变？', unitId: 'u-school', unitName: '校团委',
  state: 'open' as const, pinned: true, hidden: false, postCount: 1, createdAt: NOW,
};
const REPLIES: Partial<{ [A in ActionName]: (input: ActionParsedInput<A>) => ActionOutput<A> }> = {
  'catalog.get': () => catalog,
  'me.get': () => ME,
  'question.listPublic': () => ({ items: [summary({ id: 'q-public', title: TITLES.public })], nextCursor: null }),
  'question.listMine': () => ({ items: [summary({ id: 'q-mine', title: TITLES.mine })], nextCursor: null }),
  'inbox.list': () => ({ items: [summary({ id: 'q-inbox', title: TITLES.inbox, status: 'routed', answeredAt: null, answerCount: 0 })], nextCursor: null }),
  'inbox.counts': () => ({ pending: 1, dueSoon: 0, overdue: 0, handling: 0 }),
  'escalation.list': () => ({
    items: [summary({ id: 'q-late', title: TITLES.escalated, status: 'routed', answeredAt: null, answerCount: 0, escalated: true })],
    nextCursor: null,
  }),
  'unit.unreachable': () => ({
    people: [{ key: 'p-1', name: '周老师', unitName: '后勤服务中心', missed: 2, viaGroup: 1, lastReason: '订阅次数已用完', lastAt: NOW, phone: null }],
  }),
  'question.get': ({ id }) => detail({ id, title: TITLES.detail, viewerCanAnswer: true, viewerCanMarkCase: true }),
  'moderation.queue': () => ({
    items: [{ questionId: 'q-held', target: 'question', answerId: null, questionTitle: TITLES.held, text: '出闲置教材，有意加微信', authorName: '赵一鸣', state: 'review', reason: '关键词：加微信', reports: 0, at: NOW }],
    nextCursor: null,
  }),
  'audit.list': () => ({ items: [{ id: 'au-1', at: NOW, actorName: '王钰铭', action: 'moderation.hide', target: '问题「广告」的问题：已隐藏', reason: '广告引流' }], nextCursor: null }),
  'me.export': () => ({
    exportedAt: NOW,
    identity: { openid: 'o-smoke', registered: true, name: '任智宇', collegeId: null, roles: ['student', 'responder'], memberships: [] },
    questionsAsked: [detail({ id: 'q-x' })],
    answersGiven: [],
    stepsTaken: [],
    messages: [],
    subscriptions: [],
    reports: [],
    recentAsks: [],
    reactions: [],
    topicPosts: [],
    topicComments: [],
    activitySignUps: [],
  }),
  'roster.inviteInfo': ({ code }) => ({
    unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert', categories: [{ id: 'cat-study', name: '学业' }], role: 'responder',
    name: null, invitedByName: '高鹏', expiresAt: NOW + 86_400_000, status: code === 'CSEXPERT26' ? 'open' : 'expired', alreadyJoined: false, registered: true,
  }),
  'roster.list': () => ({
    items: [{
      personId: 'p-1', name: '周老师', phone: null, roles: ['responder'], active: true, joinedAt: NOW,
      memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert', categoryIds: ['cat-study'], active: true, admin: false }],
    }],
    nextCursor: null,
    colleges: [{ collegeId: 'u-cs', collegeName: '计算机学院团委', experts: 1, expertsMin: 5, expertsMet: false, staff: 12, staffMin: 10, staffMax: 30, staffMet: true }],
  }),
  'roster.invites': () => ({ items: [], nextCursor: null }),
  'routing.get': () => ({
    units: catalog.units.map((u, i) => ({ ...u, order: i, fallbackWebhook: { source: null, masked: null }, version: 0, updatedAt: null })),
    categories: catalog.categories.map((c, i) => ({ ...c, crisisLane: false, order: i, version: 0, updatedAt: null })),
  }),
  'entry.links': ({ collegeId }) => ({
    collegeId,
    collegeName: '计算机学院团委',
    menu: { button: { type: 'miniprogram', name: '青年之声', url: 'https://mp.weixin.qq.com', appid: 'wx0', pagepath: `pages/ask/index?college=${collegeId}` }, json: '{"button":[]}' },
    miniProgramCode: { scene: `c=${collegeId}`, page: 'pages/ask/index', imageUrl: 'https://example.com/c.png', urlExpiresAt: NOW + 3_600_000 },
    web: { url: 'https://example.com/#/pages/ask/index', embedHtml: '<a href="https://example.com/">青年之声</a>' },
  }),
  // The boards (community subpackage). The smoke person is a school admin: the organiser's views show too.
  'activity.list': () => ({ items: [SMOKE_ACTIVITY], nextCursor: null }),
  'activity.get': ({ id }) => ({
    activity: { ...SMOKE_ACTIVITY, id, body: '与学长学姐面对面交流考研与就业。', createdAt: NOW, createdByName: '王钰铭', questions: [{ id: 'q-career', title: '考研还是直接工作，很纠结' }] },
    mine: { state: 'waiting', position: 2, checkedInAt: null },
    canManage: true,
  }),
  'activity.attendees': () => ({ checkInCode: '305305', checkInFrom: NOW, checkInUntil: NOW + 3 * 3_600_000, signedUp: [{ name: '张晓雨', at: NOW, checkedInAt: null }], waiting: [], checkedIn: 0 }),
  'article.list': () => ({ items: [SMOKE_ARTICLE], nextCursor: null }),
  'article.get': ({ id }) => ({ article: { ...SMOKE_ARTICLE, id, body: '比赛前的一个月，实验室的灯常常亮到凌晨。', authorName: '高鹏' } }),
  'topic.list': () => ({ items: [SMOKE_TOPIC], nextCursor: null }),
  'topic.get': () => ({ topic: SMOKE_TOPIC, canManage: true }),
  'topic.posts': () => ({
    items: [{ id: 'tpp-1', topicId: 'tp-1', authorName: '匿名同学', anonymous: true, mine: false, content: '希望图书馆考试周能24小时开放。', createdAt: NOW, moderation: 'published', likeCount: 0, commentCount: 0, comments: [] }],
    nextCursor: null,
  }),
  // Issue 11: 同问 / 关注 / 赞, the message centre, hot tags, experts.
  'question.reactions': ({ questionId }) => ({ questionId, metooCount: 3, canWatch: true, metoo: false, following: false, answers: [{ answerId: 'a-1', likeCount: 2, liked: false }] }),
  'like.mine': ({ targetType }) => ({ targetType, liked: [] }),
  'message.unread': () => ({ unread: 1 }),
  'message.list': () => ({
    items: [{ id: 'msg-1', kind: 'followed', title: '你关注的问题有新进展', text: '「热水」已答复', questionId: 'q-1', subject: { type: 'question', id: 'q-1' }, page: '/pages/question/index?id=q-1', at: NOW, read: false }],
    nextCursor: null,
    unread: 1,
  }),
  'tag.hot': () => ({ computedAt: NOW, tags: [{ kind: 'keyword', key: '热水', label: '热水', count: 4, open: { query: '热水', categoryId: null }, samples: [{ id: 'q-1', title: '宿舍热水几点停' }] }] }),
  'expert.list': () => ({ items: [SMOKE_EXPERT], nextCursor: null, figuresAt: NOW }),
  'expert.get': ({ id }) => ({ ...SMOKE_EXPERT, id }),
  'search.questions': ({ query }) => ({
    items: [
      {
        kind: 'question',
        id: 'q-found',
        title: TITLES.search,
        excerpt: `最近晚上${query}不够`,
        answerExcerpt: '热水供应时间为每天 6:00-24:00。',
        categoryId: 'cat-life',
        categoryName: '后勤',
        unitName: '后勤服务中心',
        at: NOW - 3_600_000,
        score: 9.5,
        titleHighlights: [],
        excerptHighlights: [{ start: 4, end: 4 + query.length }],
      },
    ],
    nextCursor: null,
  }),
  'faq.list': () => ({ items: [faqEntry] }),
  'faq.get': ({ id }) => ({ entry: { ...faqEntry, id }, questions: [summary({ id: 'q-gathered', title: TITLES.public })] }),
  'faq.candidates': () => ({
    items: [
      {
        id: 'fc-smoke',
        periodFrom: NOW - 15 * 24 * 3_600_000,
        periodTo: NOW - 24 * 3_600_000,
        questions: [{ id: 'q-c1', title: TITLES.candidate, askedAt: NOW - 72 * 3_600_000, unitName: '后勤服务中心', answerExcerpt: FAQ_ANSWER }],
        faq: null,
        createdAt: NOW - 20 * 3_600_000,
      },
    ],
    nextCursor: null,
    deflectedLast14Days: 12,
  }),
  'answer.references': () => ({
    items: [{ kind: 'question', id: 'q-ref', title: TITLES.reference, answer: FAQ_ANSWER, unitName: '后勤服务中心', at: NOW - 5 * 3_600_000, score: 14 }],
  }),
  'stats.overview': () => overview(),
  'stats.units': () => units(),
  'stats.people': () => people(),
  'report.list': () => reportList([reportSummary({ unitName: '计算机学院团委', late: true })]),
  'report.get': ({ id }) => reportDetail({ id }),
  'case.list': () => ({
    items: [{
      questionId: 'q-case', title: '典型案例：宿舍热水延长供应', kind: 'offline', writeUp: '协调后勤延长热水供应时间到 23 点。', unitId: 'u-cs', unitName: '计算机学院团委',
      categoryName: '后勤', status: 'resolved', visibility: 'public', askedAt: NOW - 86_400_000, markedAt: NOW, markedByName: '高鹏',
    }],
    nextCursor: null,
  }),
  'unit.performance': ({ days }) => ({
    from: NOW - days * 24 * 3_600_000,
    to: NOW,
    units: [{ unitId: 'u-logistics', unitName: '后勤服务中心', received: 3, answeredOnTime: 2, answeredLate: 0, waiting: 0, overdueNow: 1, missed: 1 }],
  }),
};

const FAKE_API_REFUSED = '测试后端拒绝了请求';
const fakeApi: CloudBackend = ({ name, data }) => {
  const event = data as { action: string; data?: unknown };
  const fail = (code: string, why: string) => ({ ok: false, error: { code, message: `${FAKE_API_REFUSED}：${why}` } });
  if (name !== 'api' || !isActionName(event.action)) return fail('ACTION.UNKNOWN', `${name}/${event.action}`);
  const input = (API_ACTIONS[event.action].input as z.ZodType).safeParse(event.data ?? {});
  if (!input.success) return fail('INPUT.INVALID', `${event.action} 的输入不符合契约`);
  const reply = REPLIES[event.action] as ((input: unknown) => unknown) | undefined;
  if (!reply) return fail('ACTION.UNKNOWN', `没有为 ${event.action} 准备数据`);
  return { ok: true, data: (API_ACTIONS[event.action].output as z.ZodType).parse(reply(input.data)) };
};

/** What each page must show once the backend answered: its own words and the data it was given. */
const EXPECTED_TEXT: Record<string, string[]> = {
  'pages/index/index': ['我要提问', '大家在问', TITLES.public, '搜索问题，如：校园卡补办', '置顶', TITLES.faq],
  // The college comes from the entry link (?college=u-cs), its name from the catalog.
  'pages/ask/index': ['说出你的问题', '计算机学院', '学业', '后勤', '提交问题'],
  'pages/question/index': [TITLES.detail, '由「后勤服务中心」负责', '答复（1）', '热水供应时间为每天 6:00-24:00，已联系维修。'],
  'pages/mine/index': ['任智宇', '计算机学院团委', '答复工作台', '我的提问', TITLES.mine],
  'expert/pages/inbox/index': ['待回复', '即将超时', '已超时', TITLES.inbox],
  'expert/pages/reply/index': [TITLES.detail, '已有答复', '热水供应时间为每天 6:00-24:00，已联系维修。', '参考答复（1）', TITLES.reference, '引用', '补充答复', '发布补充回复'],
  // The entry link carries a query (?q=热水): searched at once.
  'pages/search/index': ['全部类别', '全部单位', TITLES.search, '热水供应时间为每天 6:00-24:00。', '后勤服务中心'],
  'knowledge/pages/faq/index': ['常见问题', '由协管老师汇总并给出统一答复', TITLES.faq, '汇总了 3 个提问'],
  'knowledge/pages/faq-detail/index': [TITLES.faq, FAQ_ANSWER, '汇总的提问（1）', TITLES.public, '这解决了我的问题', '没有解决，仍然提问'],
  'admin/pages/faq/index': ['常见问题整理', '12', TITLES.candidate, '后勤服务中心 答复', '发布为常见问题', '不是重复问题'],
  'admin/pages/escalations/index': ['超时督办', TITLES.escalated],
  'admin/pages/unreachable/index': ['提醒送达情况', '周老师', '2 条未送达 · 1 条改发群'],
  'admin/pages/performance/index': ['各单位答复情况', '后勤服务中心', '按时率 67%'],
  'admin/pages/moderation/index': ['内容审核', TITLES.held, '关键词：加微信', '提问人：赵一鸣'],
  'admin/pages/audit/index': ['操作日志', '隐藏内容', '操作人：王钰铭', '理由：广告引流'],
  // The invitation named by ?code= (QUERY), 加入 offered.
  'pages/join/index': ['高鹏 邀请你加入', '计算机学院团委', '专帮青', '学业', '可使用', '加入'],
  'admin/pages/people/index': ['人员与分工', '各学院达标情况', '计算机学院团委', '未达标', '已达标', '周老师', '专帮青 · 分工：学业'],
  'admin/pages/routing/index': ['单位与分类', '只对之后的新提问生效', '后勤服务中心', '答复时限：24 小时', '校团委'],
  'admin/pages/entry/index': ['入口与二维码', '公众号菜单', '复制菜单 JSON', '网站飘窗', '复制飘窗代码'],
  'community/pages/activities/index': ['活动公告', '即将开始', TITLES.activity, '名额已满 · 候补 2 人', '发起活动'],
  'community/pages/activity/index': [TITLES.activity, '候补第 2 位', '考研还是直接工作，很纠结', '组织者', '305305'],
  'community/pages/activity-new/index': ['发起活动', '主办单位', '报名截止', '发布活动'],
  'community/pages/articles/index': ['青年视角', TITLES.article, '计算机学院团委', '发布文章'],
  'community/pages/article/index': [TITLES.article, '比赛前的一个月，实验室的灯常常亮到凌晨。', '撤下文章'],
  'community/pages/article-new/index': ['发布文章', '封面', '点击上传封面'],
  'community/pages/topics/index': ['话题墙', `# ${TITLES.topic} #`, '置顶', '开设话题'],
  'community/pages/topic/index': [`# ${TITLES.topic} #`, '匿名同学', '希望图书馆考试周能24小时开放。', '话题管理', '匿名发言'],
  'community/pages/topic-new/index': ['开设话题', '话题名称', '话题说明'],
  'community/pages/tags/index': ['热点标签', '# 热水', '宿舍热水几点停', '查看相关问题'],
  // ?q= wins over ?category= (QUERY): the keyword's answered questions, titled by the label.
  'community/pages/tag/index': ['# 学业', TITLES.search],
  'community/pages/experts/index': ['专家推荐', '团帮青', '周老师', '专帮青', '满意率 90%'],
  'community/pages/expert/index': ['周老师', '向 周老师 提问', '我要提问'],
  'community/pages/messages/index': ['消息中心', '1 条未读', '你关注的问题有新进展', '全部已读'],
  // Issue 10: the figures in tables beside the charts (a canvas may not draw here; the tables always do).
  'admin/pages/stats/index': ['数据统计', '按时答复率', '办结 5/10', '各单位排名（评优依据）', '医学院团委', '未排名', '答复人员排名', '任智宇'],
  'admin/pages/reports/index': ['双周报', '2月12日—2月25日', '计算机学院团委', '待填写', '已逾期', '催交未提交的 1 个单位'],
  'admin/pages/report/index': ['计算机学院团委 · 双周报', '存在问题与工作建议', '提交', '实验室晚上几点关门？', '下载 Excel', '下载 Word'],
  'admin/pages/cases/index': ['典型案例', '典型案例：宿舍热水延长供应', '线下典型案例', '协调后勤延长热水供应时间到 23 点。'],
  'admin/pages/case-mark/index': [TITLES.detail, '案例类型', '线上典型案例', '线下典型案例', '标记为典型案例'],
  // Readable signed out and offline: it loads nothing.
  'pages/privacy/index': ['青年之声隐私说明', '我们收集哪些信息，为什么', '谁能看到什么', '保存多久', '730 天', '你的权利', '联系我们'],
  'account/pages/my-data/index': ['任智宇', '平台保存的你的数据', '我的提问', '我的数据副本', '导出并发送到聊天', '绑定手机号', '用微信手机号绑定', '注销账号'],
};

/** Pages that load nothing from the cloud (so a reply no contract accepts cannot reach them). */
const LOADS_NOTHING = new Set(['pages/privacy/index']);

const QUERY = { id: 'q-smoke', college: 'u-cs', code: 'CSEXPERT26', q: '热水', category: 'cat-study', label: '学业' };
const LOADING = '加载中…';
const REPLY_INVALID = CLIENT_ERROR_MESSAGES['REPLY.INVALID'];

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check() && Date.now() - start < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
}

function startRuntime(cloud?: CloudBackend): MiniRuntime {
  const app = readAppJson();
  const runtime = new MiniRuntime(DIST, { cloud });
  runtimes.push(runtime);
  runtime.run('app');
  runtime.launch(app.pages[0] ?? 'pages/index/index');
  return runtime;
}

test('every page mounts in the mini-program runtime and renders its own text and its data through setData', async () => {
  const runtime = startRuntime(fakeApi);
  for (const page of allPages(readAppJson())) {
    runtime.run(page);
    const mounted = runtime.mountPage(page, QUERY);
    const expected = EXPECTED_TEXT[page] ?? [];
    const done = () => expected.every((t) => mounted.text().includes(t)) && !mounted.text().includes(LOADING);
    await waitFor(done);
    expect({ page, text: mounted.text() }).toEqual({ page, text: expect.not.stringContaining(LOADING) });
    for (const text of expected) expect({ page, text: mounted.text() }).toEqual({ page, text: expect.stringContaining(text) });
    // A refusal from the fake backend, or a reply the page could not parse, would show; neither may.
    expect({ page, text: mounted.text() }).toEqual({ page, text: expect.not.stringContaining(FAKE_API_REFUSED) });
    expect({ page, text: mounted.text() }).toEqual({ page, text: expect.not.stringContaining(REPLY_INVALID) });
  }

  // With no TARO_APP_API_BASE the weapp build talks to CloudBase, one `api` function;
  // the question pages asked for the question their entry link named.
  expect(runtime.cloudCalls.length).toBeGreaterThan(0);
  for (const call of runtime.cloudCalls) expect(call).toMatchObject({ name: 'api', data: { action: expect.any(String) } });
  const asked = runtime.cloudCalls.map((c) => c.data as { action: string; data?: unknown }).filter((d) => d.action === 'question.get');
  // The question page, 回复 and 标记典型案例.
  expect(asked).toEqual([
    { action: 'question.get', data: { id: 'q-smoke' } },
    { action: 'question.get', data: { id: 'q-smoke' } },
    { action: 'question.get', data: { id: 'q-smoke' } },
  ]);
  // The FAQ entry page asked for the entry it named.
  const sent = runtime.cloudCalls.map((c) => c.data as { action: string; data?: unknown });
  // 搜索 and a hot tag opened by its word (?q=) both search what the link carried.
  const searched = { action: 'search.questions', data: { query: '热水', pageSize: 10 } };
  expect(sent.filter((d) => d.action === 'search.questions')).toEqual([searched, searched]);
  expect(sent.filter((d) => d.action === 'faq.get')).toEqual([{ action: 'faq.get', data: { id: 'q-smoke' } }]);
});

test('when the cloud replies with something no contract accepts, every page leaves its loading state and says so', async () => {
  const runtime = startRuntime(() => ({ unexpected: true }));
  for (const page of allPages(readAppJson()).filter((p) => !LOADS_NOTHING.has(p))) {
    runtime.run(page);
    const mounted = runtime.mountPage(page, QUERY);
    await waitFor(() => mounted.text().includes(REPLY_INVALID) && !mounted.text().includes(LOADING));
    expect({ page, text: mounted.text() }).toEqual({ page, text: expect.stringContaining(REPLY_INVALID) });
    expect({ page, text: mounted.text() }).toEqual({ page, text: expect.not.stringContaining(LOADING) });
  }
});

test('the custom wrapper component every page uses is built and registers', () => {
  const app = readAppJson();
  for (const ext of ['.js', '.json', '.wxml']) {
    const file = path.join(DIST, `comp${ext}`);
    if (!fs.existsSync(file)) {
      throw new Error(`miniprogram/dist/comp${ext} is missing: every page's usingComponents points at it. Rebuild with \`npm run build:weapp\` (expected ${file}).`);
    }
  }
  expect(JSON.parse(fs.readFileSync(path.join(DIST, 'comp.json'), 'utf8'))).toMatchObject({ component: true });
  for (const page of allPages(app)) {
    const using = (JSON.parse(fs.readFileSync(path.join(DIST, `${page}.json`), 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    const target = using.comp ? path.relative(DIST, path.resolve(path.dirname(path.join(DIST, page)), using.comp)) : null;
    expect({ page, comp: target }).toEqual({ page, comp: 'comp' });
  }
  const runtime = new MiniRuntime(DIST);
  runtime.run('app');
  runtime.run('comp');
  expect(runtime.registrationsOf('comp').map((r) => r.kind)).toContain('Component');
});

test(`the main package stays within the ${MAIN_PACKAGE_BUDGET / 1024} KB budget`, () => {
  const app = readAppJson();
  const subRoots = new Set((app.subPackages ?? app.subpackages ?? []).map((s) => path.join(DIST, s.root.replace(/\/$/, ''))));
  const mainBytes = sizeOf(DIST, subRoots);
  expect(mainBytes).toBeLessThan(MAIN_PACKAGE_BUDGET);
});
