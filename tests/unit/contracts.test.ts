import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import {
  API_ACTIONS,
  isActionName,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type ActionParsedInput,
} from '../../shared/contracts/actions';
import { ApiError, ERROR_CODES, ErrorResult } from '../../shared/contracts/common.contract';
import { QuestionAskInput, type QuestionDetail, type QuestionSummary } from '../../shared/contracts/question.contract';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { CLIENT_ERROR_MESSAGES, messageFor, type ApiErrorCode } from '../../miniprogram/src/services/api-error';

/**
 * The contract table is what both sides trust: the server parses `input` before
 * any use case runs and `output` before anything leaves; the client parses
 * `output` again. Every action gets one valid example of each, so the tests below
 * exercise the real schemas instead of checking that they exist.
 */
interface Example<A extends ActionName> {
  input: ActionInput<A>;
  /** What the server's use case receives, when parsing changes the input (trims, defaults). */
  parsed?: ActionParsedInput<A>;
  output: ActionOutput<A>;
}

const T0 = Date.UTC(2026, 2, 2, 2, 0, 0);
const HOUR = 3_600_000;

const summary: QuestionSummary = {
  id: 'q-1',
  title: '宿舍热水几点供应？',
  excerpt: '最近晚上十点以后就没有热水了',
  categoryId: 'cat-life',
  categoryName: '后勤',
  collegeId: 'c-cs',
  ownerUnitId: 'u-logistics',
  ownerUnitName: '后勤服务中心',
  askerName: '计算机学院同学',
  anonymous: false,
  urgent: false,
  visibility: 'public',
  status: 'answered',
  createdAt: T0,
  deadlineAt: T0 + 24 * HOUR,
  answeredAt: T0 + HOUR,
  answerCount: 1,
  escalated: false,
  assigneeName: '王老师',
  reopenedAt: null,
  moderation: 'published',
  metooCount: 2,
  likeCount: 5,
};

const detail: QuestionDetail = {
  ...summary,
  content: '最近晚上十点以后就没有热水了，请问是调整了供应时间吗？',
  routeReason: 'category',
  pictureUrls: [],
  answers: [
    {
      id: 'a-1',
      content: '热水供应时间为每天 6:00-24:00，已联系维修。',
      responderName: '王老师',
      unitName: '后勤服务中心',
      teamLabel: '专帮青',
      official: true,
      pictureUrls: ['https://local.test/storage/questions/pictures/a.png?t=1&sign=x'],
      createdAt: T0 + HOUR,
      moderation: 'published',
    },
  ],
  timeline: [
    { id: 'e-1', type: 'ask', at: T0, actorName: '计算机学院同学', unitName: null, fromStatus: null, toStatus: 'routed', reason: null, internal: false },
    { id: 'e-2', type: 'answer', at: T0 + HOUR, actorName: '王老师', unitName: '后勤服务中心', fromStatus: 'routed', toStatus: 'answered', reason: null, internal: false },
  ],
  rating: { satisfied: true, comment: '很快', at: T0 + 2 * HOUR },
  reopenCount: 0,
  noticeRequired: false,
  notice: { text: '已更换热水锅炉控制器，恢复全天供应。', publishedAt: T0 + 3 * HOUR, moderation: 'published' },
  viewerCanAnswer: false,
  viewerIsAsker: true,
  viewerIsHandler: false,
  viewerActions: ['rate'],
  typicalCase: null,
  viewerCanMarkCase: false,
};

const page = { items: [summary], nextCursor: 'c-20' };
const searchHit = {
  kind: 'question' as const,
  id: 'q-1',
  title: '四六级报名时间',
  excerpt: '想知道这学期四六级什么时候报名',
  answerExcerpt: '开学第三周在教务系统报名',
  categoryId: 'cat-study',
  categoryName: '学业',
  unitName: '教务处',
  at: T0,
  score: 4.2,
  titleHighlights: [{ start: 0, end: 5 }],
  excerptHighlights: [],
};
const faqEntry = {
  id: 'faq-1',
  title: '四六级怎么报名？',
  answer: '每学期开学第三周在教务系统报名。',
  categoryId: 'cat-study',
  categoryName: '学业',
  questionCount: 5,
  state: 'published' as const,
  publishedAt: T0,
  updatedAt: T0,
  updatedByName: '王钰铭',
};
const caseResult = { status: 'handling' as const, version: 3 };
const figures = {
  questions: 12,
  answers: 14,
  answeredQuestions: 10,
  onTime: 9,
  late: 1,
  overdueOpen: 1,
  waiting: 1,
  settled: 7,
  rated: 4,
  satisfied: 3,
  missed: 2,
  onTimeRate: 0.8182,
  resolutionRate: 0.5833,
  satisfactionRate: 0.75,
  medianFirstAnswerMinutes: 185,
  cases: { online: 1, offline: 0 },
};
const roster = { experts: 5, members: 18 };
const statsRange = { from: '2026-03-01', to: '2026-03-30', fromAt: T0, toAt: T0 + 30 * 24 * HOUR, days: 30, asOf: T0 + 30 * 24 * HOUR };
const reportPeriod = { key: '2026-03-12', from: T0 - 14 * 24 * HOUR, to: T0, dueAt: T0 + 24 * HOUR, label: '2月26日—3月11日' };
const reportSummary = {
  id: 'br-2026-03-12-c-cs',
  period: reportPeriod,
  scope: 'unit' as const,
  unitId: 'c-cs',
  unitName: '计算机科学与技术学院团委',
  state: 'draft' as const,
  submittedAt: null,
  submittedByName: null,
  late: false,
  lastUrgedAt: null,
  urgeCount: 0,
  questions: 12,
  onTimeRate: 0.8182,
  missed: 2,
  version: 1,
};

const rosterPerson = {
  personId: 'p-2',
  name: '任智宇',
  phone: '13800000000',
  roles: ['responder' as const],
  active: true,
  joinedAt: T0,
  memberships: [{ unitId: 'c-cs', unitName: '计算机学院团委', team: 'expert' as const, categoryIds: ['cat-study'], active: true, admin: false }],
};
const collegeTarget = { collegeId: 'c-cs', collegeName: '计算机学院', experts: 5, expertsMin: 5, expertsMet: true, staff: 8, staffMin: 10, staffMax: 30, staffMet: false };
const invitation = {
  id: 'inv-1', code: 'CSEXPERT26', scene: 'i=CSEXPERT26', path: 'pages/join/index?scene=i%3DCSEXPERT26', unitId: 'c-cs', unitName: '计算机学院团委',
  team: 'expert' as const, categoryIds: ['cat-study'], role: 'responder' as const, name: '刘老师', note: null, createdAt: T0, createdByName: '高鹏',
  expiresAt: T0 + 14 * 24 * HOUR, maxUses: 1, uses: 0, status: 'open' as const,
};
const routingUnit = {
  id: 'c-cs', name: '计算机学院团委', shortName: '计算机学院', kind: 'college' as const, parentId: 'u-school', order: 10,
  emergencyContacts: [{ label: '学院值班电话', phone: '0571-8888-0100' }], fallbackWebhook: { source: 'unit' as const, masked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=cs-d****roup' },
  version: 3, updatedAt: T0,
};
const routingCategory = { id: 'cat-life', name: '后勤', description: '宿舍、食堂', ownerUnitId: 'u-logistics', answerHours: 12, crisisLane: false, order: 6, version: 3, updatedAt: T0 };
const codeImage = { scene: 'c=c-cs', page: 'pages/ask/index', imageUrl: 'https://6c6f-local.tcb.qcloud.la/entry-codes/release/college-c-cs.png?sign=x&t=1', urlExpiresAt: T0 + HOUR };

// ── issue 11 boards ──
const activitySummary = {
  id: 'act-1', title: '学业答疑面对面', unitId: 'c-cs', unitName: '计算机学院团委', place: '信息楼 201', startAt: T0 + 48 * HOUR, endAt: T0 + 50 * HOUR,
  signUpDeadline: T0 + 24 * HOUR, capacity: 30, signedUp: 30, waiting: 2, fromQuestions: true,
};
const articleSummary = {
  id: 'art-1', title: '在代码里读懂青春', unitId: 'c-cs', unitName: '计算机学院团委', coverUrl: 'https://local/cover.png?sign=x', excerpt: '正文', publishedAt: T0, likeCount: 0, hidden: false,
};
const topicSummary = {
  id: 'tp-1', title: '你心中的理想校园', description: '说说你希望校园生活有哪些改变。', unitId: 'u-school', unitName: '校团委', state: 'open' as const, pinned: true, hidden: false, postCount: 3, createdAt: T0,
};
// ── end issue 11 boards ──

const EXAMPLES: { [A in ActionName]: Example<A> } = {
  'catalog.get': {
    input: {},
    output: {
      units: [{ id: 'u-school', name: '校团委', shortName: '校团委', kind: 'school', parentId: null, emergencyContacts: [{ label: '保卫处24小时值班', phone: '0571-8888-0110' }] }],
      categories: [{ id: 'cat-life', name: '后勤', description: '宿舍、食堂', ownerUnitId: 'u-logistics', answerHours: 24 }],
    },
  },
  'me.get': {
    input: {},
    output: {
      registered: true,
      name: '任智宇',
      collegeId: 'c-cs',
      roles: ['responder'],
      memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert', categoryIds: ['cat-study'] }],
      subscribeTemplates: { asker: ['tpl-answered'], responder: ['tpl-remind'] },
      credits: [{ templateId: 'tpl-remind', credits: 2 }],
      phone: '138****0000',
    },
  },
  'question.ask': {
    input: { collegeId: 'c-cs', categoryId: 'cat-study', title: '  数据结构有答疑吗  ', content: '想了解数据结构课程的答疑时间和地点。' },
    parsed: {
      collegeId: 'c-cs',
      categoryId: 'cat-study',
      title: '数据结构有答疑吗',
      content: '想了解数据结构课程的答疑时间和地点。',
      anonymous: false,
      urgent: false,
      visibility: 'public',
      pictures: [],
    },
    output: { id: 'q-1', routedTo: { unitId: 'u-cs', unitName: '计算机学院团委', reason: 'college' }, createdAt: T0, deadlineAt: T0 + 24 * HOUR, moderation: 'published', crisis: null },
  },
  'question.get': { input: { id: 'q-1' }, output: detail },
  'question.listPublic': { input: { categoryId: 'cat-life' }, parsed: { categoryId: 'cat-life', pageSize: 20, sort: 'newest' }, output: page },
  'question.listMine': { input: { pageSize: 5, cursor: 'c-20' }, output: page },
  'inbox.list': { input: {}, parsed: { pageSize: 20, box: 'pending' }, output: page },
  'inbox.counts': { input: {}, output: { pending: 3, dueSoon: 1, overdue: 0, handling: 2 } },
  'answer.post': {
    input: { questionId: 'q-1', content: '  热水已恢复，请同学放心。  ', pictures: ['cloud://local-dev.bucket/answers/pictures/a.png'] },
    parsed: { questionId: 'q-1', content: '热水已恢复，请同学放心。', pictures: ['cloud://local-dev.bucket/answers/pictures/a.png'] },
    output: { answerId: 'a-1', official: true, answeredAt: T0 + HOUR, moderation: 'review' },
  },
  'question.claim': { input: { questionId: 'q-1' }, output: caseResult },
  'question.transfer': { input: { questionId: 'q-1', toUnitId: 'u-logistics', reason: '属于后勤问题' }, output: caseResult },
  'question.startHandling': { input: { questionId: 'q-1' }, parsed: { questionId: 'q-1', note: '' }, output: caseResult },
  'question.addProgress': { input: { questionId: 'q-1', note: '已联系维修师傅' }, output: caseResult },
  'question.resolve': { input: { questionId: 'q-1', note: '锅炉已修好' }, output: { status: 'resolved', version: 4 } },
  'question.publishNotice': { input: { questionId: 'q-1', notice: '已更换热水锅炉控制器，恢复全天供应。' }, output: caseResult },
  'question.rate': {
    input: { questionId: 'q-1', satisfied: false },
    parsed: { questionId: 'q-1', satisfied: false, comment: '' },
    output: { status: 'resolved', version: 5 },
  },
  'question.reopen': { input: { questionId: 'q-1', reason: '晚上仍然没有热水' }, output: { status: 'handling', version: 6 } },
  'question.urge': { input: { questionId: 'q-1' }, parsed: { questionId: 'q-1', note: '' }, output: { status: 'routed', version: 3 } },
  'escalation.list': { input: { pageSize: 50 }, output: { items: [{ ...summary, status: 'routed', answeredAt: null, escalated: true }], nextCursor: null } },
  'unit.unreachable': {
    input: {},
    output: { people: [{ key: 'p-1', name: '任智宇', unitName: '计算机学院团委', missed: 2, viaGroup: 1, lastReason: '订阅次数已用完', lastAt: T0, phone: '13800000000' }] },
  },
  'unit.performance': {
    input: {},
    parsed: { days: 30 },
    output: {
      from: T0 - 30 * 24 * HOUR,
      to: T0,
      units: [{ unitId: 'u-logistics', unitName: '后勤服务中心', received: 12, answeredOnTime: 9, answeredLate: 1, waiting: 1, overdueNow: 1, missed: 2 }],
    },
  },
  'subscription.record': {
    input: { results: [{ templateId: 'tpl-remind', result: 'accept' }] },
    output: { credits: [{ templateId: 'tpl-remind', credits: 1 }] },
  },
  'content.report': {
    input: { questionId: 'q-1', target: 'answer', answerId: 'a-1', reason: ' 答复里有广告 ' },
    parsed: { questionId: 'q-1', target: 'answer', answerId: 'a-1', reason: '答复里有广告' },
    output: { reported: true, hiddenPendingReview: false },
  },
  'moderation.queue': {
    input: {},
    parsed: { pageSize: 20 },
    output: {
      items: [{ questionId: 'q-1', target: 'question', answerId: null, questionTitle: '二手教材转让', text: '二手教材转让\n加微信详聊', authorName: '赵一鸣', state: 'review', reason: '关键词：加微信', reports: 0, at: T0 }],
      nextCursor: null,
    },
  },
  'moderation.decide': {
    input: { questionId: 'q-1', target: 'question', decision: 'hide', reason: '商业广告' },
    output: { state: 'hidden', version: 2 },
  },
  'audit.list': {
    input: {},
    parsed: { pageSize: 20 },
    output: { items: [{ id: 'au-1', at: T0, actorName: '周协管', action: 'moderation.hide', target: '问题「二手教材转让」的问题：已隐藏', reason: '商业广告' }], nextCursor: null },
  },
  'me.export': {
    input: {},
    output: {
      exportedAt: T0,
      identity: { openid: 'o-1', registered: true, name: '张晓雨', collegeId: 'c-cs', roles: ['student'], memberships: [] },
      questionsAsked: [detail],
      answersGiven: [],
      stepsTaken: [],
      messages: [{ kind: 'answered', text: '你的问题有了答复', state: 'sent', createdAt: T0 + HOUR }],
      subscriptions: [{ templateId: 'tpl-answered', credits: 1 }],
      reports: [{ questionId: 'q-2', target: 'answer', reason: '广告', at: T0 }],
      recentAsks: [T0],
      reactions: [{ kind: 'like', targetType: 'answer', targetId: 'a-1', questionId: 'q-1', at: T0 }],
      topicPosts: [],
      topicComments: [],
      activitySignUps: [],
    },
  },
  'me.delete': { input: { confirm: '注销账号' }, output: { deleted: true } },
  'me.bindPhone': { input: { code: ' 0a1b2c ' }, parsed: { code: '0a1b2c' }, output: { phone: '138****0000' } },
  'search.questions': {
    input: { query: ' 四六级 报名 ' },
    parsed: { query: '四六级 报名', pageSize: 10 },
    output: { items: [searchHit], nextCursor: '10' },
  },
  'question.similar': {
    input: { text: '英语四级怎么报名' },
    parsed: { text: '英语四级怎么报名', limit: 5 },
    output: { items: [searchHit], suggestedCategory: { categoryId: 'cat-study', categoryName: '学业', ranked: [{ categoryId: 'cat-study', share: 0.8 }] } },
  },
  'category.suggest': { input: { text: '宿舍没有热水' }, output: { categoryId: null, categoryName: null, ranked: [] } },
  'answer.references': {
    input: { questionId: 'q-1' },
    output: { items: [{ kind: 'faq', id: 'faq-1', title: '四六级报名', answer: '每学期开学第三周在教务系统报名。', unitName: null, at: T0, score: 3.2 }] },
  },
  'search.deflected': { input: { kind: 'faq', id: 'faq-1' }, output: { counted: true } },
  'faq.list': { input: {}, parsed: { includeRetired: false }, output: { items: [faqEntry] } },
  'faq.get': { input: { id: 'faq-1' }, output: { entry: faqEntry, questions: [summary] } },
  'faq.candidates': {
    input: {},
    parsed: { pageSize: 20 },
    output: {
      items: [{ id: 'fc-1', periodFrom: T0, periodTo: T0 + 15 * 24 * HOUR, questions: [{ id: 'q-1', title: '四六级报名时间', askedAt: T0, unitName: '教务处', answerExcerpt: '开学第三周' }], faq: null, createdAt: T0 }],
      nextCursor: null,
      deflectedLast14Days: 12,
    },
  },
  'faq.publish': {
    input: { questionIds: ['q-1', 'q-2'], title: '四六级怎么报名？', answer: '每学期开学第三周在教务系统报名，报名费30元。' },
    output: { faqId: 'faq-1', linked: 2, notified: 2 },
  },
  'faq.retire': { input: { faqId: 'faq-1', reason: '报名方式已调整' }, output: { state: 'retired' } },
  'faq.dismiss': { input: { candidateId: 'fc-1' }, output: { dismissed: true } },
  'stats.overview': {
    input: { from: '2026-03-01', to: '2026-03-30', unitId: 'c-cs' },
    output: {
      range: statsRange,
      scope: { all: false, unitIds: ['c-cs'] },
      totals: figures,
      roster,
      trend: [{ day: '2026-03-01', questions: 2, answers: 3, answeredQuestions: 2, onTime: 2, late: 0, overdueOpen: 0, missed: 0, settled: 1, onTimeRate: 1 }],
    },
  },
  'stats.units': {
    input: { from: '2026-03-01', to: '2026-03-30', unitId: 'c-cs' },
    output: {
      range: statsRange,
      rankedBy: ['onTimeRate', 'missed', 'satisfactionRate', 'resolutionRate', 'answers'],
      units: [{ unitId: 'c-cs', unitName: '计算机科学与技术学院团委', kind: 'college', figures, roster, place: 1 }],
    },
  },
  'stats.people': {
    input: { unitId: 'c-cs' },
    output: {
      range: statsRange,
      rankedBy: ['answers', 'onTimeRate', 'officialAnswers'],
      likesCounted: true,
      people: [{ key: 'person_1', name: '任智宇', unitNames: ['计算机科学与技术学院团委'], teamLabels: ['专帮青'], answers: 6, officialAnswers: 5, officialOnTime: 5, onTimeRate: 1, likesReceived: 0, place: 1 }],
    },
  },
  'case.mark': {
    input: { questionId: 'q-1', kind: 'offline', writeUp: '学院协调实验中心统一借用开发板，减轻学生负担。' },
    output: { questionId: 'q-1', typicalCase: { kind: 'offline', writeUp: '学院协调实验中心统一借用开发板，减轻学生负担。', markedAt: T0, markedByName: '高鹏' }, version: 5 },
  },
  'case.list': {
    input: { from: '2026-03-01', to: '2026-03-30', unitId: 'c-cs', kind: 'online' },
    parsed: { from: '2026-03-01', to: '2026-03-30', unitId: 'c-cs', kind: 'online', pageSize: 20 },
    output: {
      items: [
        {
          questionId: 'q-1',
          title: '实验课要求自费购买开发板是否合理？',
          kind: 'online',
          writeUp: '学院协调实验中心统一借用开发板，减轻学生负担。',
          unitId: 'c-cs',
          unitName: '计算机科学与技术学院团委',
          categoryName: '权益',
          status: 'closed',
          visibility: 'public',
          askedAt: T0,
          markedAt: T0 + HOUR,
          markedByName: '高鹏',
        },
      ],
      nextCursor: null,
    },
  },
  'report.list': {
    input: { period: '2026-03-12' },
    // Copies: the strictness test mutates one node at a time (structuredClone keeps shared references shared).
    output: { period: { ...reportPeriod }, periods: [{ key: '2026-03-12', label: '2月26日—3月11日', total: 14, submitted: 3 }], items: [reportSummary], viewerCanUrge: true },
  },
  'report.get': {
    input: { id: 'br-2026-03-12-c-cs' },
    output: {
      ...reportSummary,
      content: {
        figures,
        roster,
        overdue: [{ questionId: 'q-2', title: '（私密问题，标题不在报告中显示）', unitId: 'c-cs', unitName: '计算机科学与技术学院团委', askedAt: T0, escalatedAt: T0 + 24 * HOUR, holderName: null, answeredAt: null, answeredByName: null }],
        repeated: [{ candidateId: 'fc-1', questionCount: 4, titles: ['校园卡丢了怎么补办？'], state: 'open', faqTitle: null }],
        cases: [{ questionId: 'q-1', title: '实验课要求自费购买开发板是否合理？', kind: 'online', writeUp: '学院协调实验中心统一借用开发板。', unitName: '计算机科学与技术学院团委', markedAt: T0, markedByName: '高鹏' }],
        units: [],
      },
      problems: '部分老师订阅消息次数用完，提醒未送达。',
      generatedAt: T0,
      updatedAt: T0,
      files: { xlsx: { url: '/__files/reports/x.xlsx', fileName: '双周报.xlsx' }, docx: { url: '/__files/reports/x.docx', fileName: '双周报.docx' }, version: 1, current: true },
      viewerCanEdit: true,
    },
  },
  'report.save': { input: { id: 'br-2026-03-12-c-cs', problems: '订阅消息次数用完。', version: 1 }, output: { id: 'br-2026-03-12-c-cs', state: 'draft', version: 2 } },
  'report.submit': {
    input: { id: 'br-2026-03-12-c-cs', version: 2 },
    output: { id: 'br-2026-03-12-c-cs', state: 'submitted', version: 3, submittedAt: T0 + HOUR, late: false },
  },
  'report.urge': {
    input: { period: '2026-03-12', unitIds: ['c-cs'], note: '请今天下班前提交' },
    output: { urged: ['br-2026-03-12-c-cs'], alreadyToday: [], submitted: [], messages: { delivered: 1, undeliverable: 0 } },
  },
  'roster.list': {
    input: { unitId: 'c-cs' },
    parsed: { unitId: 'c-cs', pageSize: 20 },
    output: { items: [rosterPerson], nextCursor: '0.p-2', colleges: [collegeTarget] },
  },
  'roster.invite': {
    input: { unitId: 'c-cs', team: 'expert', categoryIds: ['cat-study'], name: ' 刘老师 ' },
    parsed: { unitId: 'c-cs', team: 'expert', categoryIds: ['cat-study'], role: 'responder', name: '刘老师', note: '', expiresInDays: 14, maxUses: 1 },
    output: invitation,
  },
  'roster.invites': { input: { unitId: 'c-cs' }, parsed: { unitId: 'c-cs', pageSize: 20 }, output: { items: [invitation], nextCursor: null } },
  'roster.revokeInvite': { input: { invitationId: 'inv-1', reason: '发错团队' }, output: { ...invitation, status: 'revoked' } },
  'roster.inviteInfo': {
    input: { code: ' csexpert26 ' },
    parsed: { code: 'csexpert26' },
    output: {
      unitId: 'c-cs', unitName: '计算机学院团委', team: 'expert', categories: [{ id: 'cat-study', name: '学业' }], role: 'responder',
      name: '刘老师', invitedByName: '高鹏', expiresAt: T0 + 14 * 24 * HOUR, status: 'open', alreadyJoined: false, registered: false,
    },
  },
  'roster.join': {
    input: { code: 'CSEXPERT26', name: ' 刘明远 ' },
    parsed: { code: 'CSEXPERT26', name: '刘明远' },
    output: { unitId: 'c-cs', unitName: '计算机学院团委', team: 'expert', categoryIds: ['cat-study'], roles: ['responder'], joinedAt: T0 },
  },
  'roster.update': {
    input: { personId: 'p-2', unitId: 'c-cs', team: 'league', categoryIds: ['cat-league'], active: false, roles: ['responder'], reason: '调任' },
    output: rosterPerson,
  },
  'routing.get': { input: {}, output: { units: [routingUnit], categories: [routingCategory] } },
  'unit.save': {
    input: {
      id: 'c-law', name: '法学院团委', shortName: '法学院', kind: 'college', parentId: 'u-school',
      emergencyContacts: [{ label: '学院值班电话', phone: '0571-8888-0200' }], fallbackWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=law-duty-group',
    },
    parsed: {
      id: 'c-law', name: '法学院团委', shortName: '法学院', kind: 'college', parentId: 'u-school', order: 100,
      emergencyContacts: [{ label: '学院值班电话', phone: '0571-8888-0200' }], fallbackWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=law-duty-group', reason: '',
    },
    output: { unit: routingUnit, savedAt: T0 },
  },
  'category.save': {
    input: { id: 'cat-life', version: 2, name: '后勤', ownerUnitId: 'u-logistics', answerHours: 12, reason: '后勤问题加急' },
    parsed: { id: 'cat-life', version: 2, name: '后勤', description: '', ownerUnitId: 'u-logistics', answerHours: 12, crisisLane: false, order: 100, reason: '后勤问题加急' },
    output: { category: routingCategory, savedAt: T0 },
  },
  'entry.links': {
    input: { collegeId: 'c-cs' },
    output: {
      collegeId: 'c-cs',
      collegeName: '计算机学院',
      menu: {
        button: { type: 'miniprogram', name: '青年之声', url: 'https://qnzs.example.edu.cn/#/pages/ask/index?college=c-cs', appid: 'wx0123456789abcdef', pagepath: 'pages/ask/index?college=c-cs' },
        json: '{"button":[]}',
      },
      miniProgramCode: codeImage,
      web: { url: 'https://qnzs.example.edu.cn/#/pages/ask/index?college=c-cs', embedHtml: '<a href="https://qnzs.example.edu.cn/#/pages/ask/index?college=c-cs">青年之声</a>' },
    },
  },
  'entry.invitation': {
    input: { invitationId: 'inv-1' },
    output: { invitationId: 'inv-1', code: 'CSEXPERT26', path: 'pages/join/index?scene=i%3DCSEXPERT26', miniProgramCode: { ...codeImage, scene: 'i=CSEXPERT26', page: 'pages/join/index' } },
  },
  // ── issue 11 boards ──
  'activity.list': { input: {}, parsed: { pageSize: 20, when: 'upcoming' }, output: { items: [activitySummary], nextCursor: null } },
  'activity.get': {
    input: { id: 'act-1' },
    output: {
      activity: { ...activitySummary, body: '邀请学业导师面对面答疑，欢迎报名。', createdAt: T0, createdByName: '计算机学院团委', questions: [{ id: 'q-1', title: '数据结构有答疑吗' }] },
      mine: { state: 'waiting', position: 2, checkedInAt: null },
      canManage: false,
    },
  },
  'activity.create': {
    input: { unitId: 'c-cs', title: '学业答疑面对面', body: '邀请学业导师面对面答疑，欢迎报名。', place: '信息楼 201', startAt: T0 + 48 * HOUR, endAt: T0 + 50 * HOUR, capacity: 30, signUpDeadline: T0 + 24 * HOUR, questionIds: ['q-1'] },
    output: { id: 'act-1', linked: 1, notified: 1 },
  },
  'activity.signUp': { input: { activityId: 'act-1' }, output: { state: 'signedUp', position: null } },
  'activity.cancel': { input: { activityId: 'act-1' }, output: { state: 'none', promoted: true } },
  'activity.checkIn': { input: { activityId: 'act-1', code: '012345' }, output: { checkedInAt: T0 } },
  'activity.attendees': {
    input: { activityId: 'act-1' },
    output: { checkInCode: '012345', checkInFrom: T0, checkInUntil: T0 + 3 * HOUR, signedUp: [{ name: '张晓雨', at: T0, checkedInAt: T0 + HOUR }], waiting: [], checkedIn: 1 },
  },
  'article.list': { input: { unitId: 'c-cs' }, parsed: { unitId: 'c-cs', pageSize: 20 }, output: { items: [articleSummary], nextCursor: null } },
  'article.get': { input: { id: 'art-1' }, output: { article: { ...articleSummary, body: '正文', authorName: '计算机学院团委' } } },
  'article.publish': {
    input: { unitId: 'c-cs', title: '在代码里读懂青春', coverFileId: 'cloud://local-dev.bucket/articles/cover.png', body: '正文'.repeat(30) },
    output: { id: 'art-1', publishedAt: T0 },
  },
  'article.hide': { input: { articleId: 'art-1', hidden: true, reason: '内容不实' }, output: { hidden: true } },
  'topic.list': { input: {}, parsed: { pageSize: 20 }, output: { items: [topicSummary], nextCursor: null } },
  'topic.get': { input: { id: 'tp-1' }, output: { topic: topicSummary, canManage: true } },
  'topic.create': { input: { unitId: 'u-school', title: '你心中的理想校园', description: '说说你希望校园生活有哪些改变。' }, output: { id: 'tp-1' } },
  'topic.post': { input: { topicId: 'tp-1', content: '希望图书馆延长开放时间' }, parsed: { topicId: 'tp-1', content: '希望图书馆延长开放时间', anonymous: false }, output: { id: 'tpp-1', moderation: 'published' } },
  'topic.posts': {
    input: { topicId: 'tp-1' },
    parsed: { topicId: 'tp-1', held: false, pageSize: 20 },
    output: {
      items: [
        {
          id: 'tpp-1', topicId: 'tp-1', authorName: '匿名同学', anonymous: true, mine: false, content: '希望图书馆延长开放时间', createdAt: T0, moderation: 'published', likeCount: 0, commentCount: 1,
          comments: [{ id: 'tpc-1', authorName: '李思远', anonymous: false, mine: false, content: '同意', createdAt: T0, moderation: 'published' }],
        },
      ],
      nextCursor: null,
    },
  },
  'topic.comment': { input: { postId: 'tpp-1', content: '同意' }, parsed: { postId: 'tpp-1', content: '同意', anonymous: false }, output: { id: 'tpc-1', moderation: 'review' } },
  'topic.pin': { input: { topicId: 'tp-1', pinned: true }, output: { pinned: true } },
  'topic.close': { input: { topicId: 'tp-1', closed: true }, output: { state: 'closed' } },
  'topic.hide': { input: { postId: 'tpp-1', commentId: 'tpc-1', hidden: true, reason: '人身攻击' }, output: { hidden: true } },
  // ── end issue 11 boards ──
  'question.metoo': { input: { questionId: 'q_1', on: true }, output: { questionId: 'q_1', on: true, count: 3 } },
  'question.follow': { input: { questionId: 'q_1', on: false }, output: { questionId: 'q_1', on: false } },
  'answer.like': { input: { questionId: 'q_1', answerId: 'a_1' }, parsed: { questionId: 'q_1', answerId: 'a_1', on: true }, output: { answerId: 'a_1', on: true, count: 12 } },
  'like.set': { input: { targetType: 'topicPost', targetId: 'tpp-1' }, parsed: { targetType: 'topicPost', targetId: 'tpp-1', on: true }, output: { targetType: 'topicPost', targetId: 'tpp-1', on: true, count: 3 } },
  'like.mine': { input: { targetType: 'article', targetIds: ['art-1', 'art-2'] }, output: { targetType: 'article', liked: ['art-2'] } },
  'question.reactions': {
    input: { questionId: 'q_1' },
    output: { questionId: 'q_1', metooCount: 4, canWatch: true, metoo: true, following: false, answers: [{ answerId: 'a_1', likeCount: 12, liked: true }] },
  },
  'message.list': {
    input: { pageSize: 20 },
    output: {
      items: [
        { id: 'q_1.answered.v1.dev-student-zhang', kind: 'answered', title: '你的问题已答复', text: '【青年之声】你的问题已答复', questionId: 'q_1', subject: { type: 'question', id: 'q_1' }, page: 'pages/question/index?id=q_1', at: T0, read: false },
        { id: 'activity.act-1.waitlistPromoted.k.dev-student-zhang', kind: 'waitlistPromoted', title: '候补转为正式报名', text: '【青年之声】你已从候补转为正式报名', questionId: null, subject: { type: 'activity', id: 'act-1' }, page: 'boards/activity/index?id=act-1', at: T0, read: true },
      ],
      nextCursor: null,
      unread: 1,
    },
  },
  'message.markRead': { input: { all: true }, output: { marked: 1, unread: 0 } },
  'message.unread': { input: {}, output: { unread: 2 } },
  'tag.hot': {
    input: {},
    output: { computedAt: T0, tags: [{ kind: 'keyword', key: '图书馆', label: '图书馆', count: 4, open: { query: '图书馆', categoryId: null }, samples: [{ id: 'q_1', title: '图书馆开放时间' }] }] },
  },
  'expert.list': {
    input: { categoryId: 'cat-study', collegeId: 'c-cs' },
    parsed: { categoryId: 'cat-study', collegeId: 'c-cs', pageSize: 20 },
    output: {
      items: [{ id: 'u-1', name: '任智宇', team: 'expert', teamLabel: '专帮青', unitId: 'c-cs', unitName: '计算机学院团委', categories: [{ id: 'cat-study', name: '学业' }], answers: 5, satisfaction: 0.8, rated: 5, medianResponseMinutes: 95, likesReceived: 7 }],
      nextCursor: null,
      figuresAt: T0,
    },
  },
  'expert.get': {
    input: { id: 'u-1' },
    output: { id: 'u-1', name: '任智宇', team: 'expert', teamLabel: '专帮青', unitId: 'c-cs', unitName: '计算机学院团委', categories: [], answers: 0, satisfaction: null, rated: 0, medianResponseMinutes: null, likesReceived: 0 },
  },
};

const ACTIONS = Object.keys(API_ACTIONS) as ActionName[];
const inputOf = (a: ActionName) => API_ACTIONS[a].input as z.ZodType;
const outputOf = (a: ActionName) => API_ACTIONS[a].output as z.ZodType;
function example(action: ActionName): Example<ActionName> {
  const found = (EXAMPLES as Partial<Record<ActionName, Example<ActionName>>>)[action];
  if (!found) throw new Error(`${action} is in API_ACTIONS but has no example here: add its input and output to EXAMPLES`);
  return found;
}

type Json = unknown;
type Path = (string | number)[];

/** Every plain object inside `value`, with its path (the value itself first). */
function objectPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }
  return [];
}

/** A deep copy of `value` with `change` applied to the node at `path`. */
function changedAt(value: Json, path: Path, change: (node: Record<string, unknown>) => void): Json {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const node = path.reduce<Record<string | number, unknown>>((n, key) => n[key] as Record<string | number, unknown>, copy);
  change(node as Record<string, unknown>);
  return copy;
}

function issuesOf(schema: z.ZodType, value: Json): z.ZodIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}

describe('the action table', () => {
  it('has an example for exactly the actions it lists, each named area.verb', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...ACTIONS].sort());
    for (const name of ACTIONS) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
  });

  it('does not treat inherited object keys as actions', () => {
    expect(isActionName('toString')).toBe(false);
    expect(isActionName('__proto__')).toBe(false);
    expect(isActionName('constructor')).toBe(false);
    for (const name of ACTIONS) expect(isActionName(name)).toBe(true);
  });
});

describe.each(ACTIONS)('%s input', (action) => {
  it('is a zod schema that accepts the example and gives the use case the parsed value', () => {
    const { input, parsed } = example(action);
    expect(inputOf(action)).toBeInstanceOf(z.ZodType);
    expect(inputOf(action).safeParse(input)).toEqual({ success: true, data: parsed ?? input });
  });

  it('is strict at every level: an unknown key anywhere is rejected as unrecognized', () => {
    const { input } = example(action);
    for (const path of objectPaths(input)) {
      const smuggled = changedAt(input, path, (node) => {
        node.askerOpenid = 'o-someone-else';
      });
      expect({ path, issues: issuesOf(inputOf(action), smuggled) }).toEqual({
        path,
        issues: [expect.objectContaining({ code: 'unrecognized_keys', keys: ['askerOpenid'], path })],
      });
    }
  });

  it('rejects data that is not an object', () => {
    for (const wrong of [null, 'question', 42, ['q-1']]) {
      expect({ wrong, accepted: inputOf(action).safeParse(wrong).success }).toEqual({ wrong, accepted: false });
    }
  });
});

/** Every `id` / `…Id` field of an input: a MongoDB operator must never pass as an id. */
const ID_FIELDS = ACTIONS.flatMap((action) =>
  Object.keys((EXAMPLES as Partial<Record<ActionName, Example<ActionName>>>)[action]?.input ?? {})
    .filter((key) => key === 'id' || key.endsWith('Id'))
    .map((key) => [action, key] as const),
);

it.each(ID_FIELDS)('%s rejects a query operator or a foreign character in %s', (action, key) => {
  const { input } = example(action);
  for (const wrong of [{ $gt: '' }, 'q-1"; drop', '', 'x'.repeat(65)]) {
    const issues = issuesOf(inputOf(action), { ...(input as object), [key]: wrong });
    expect({ wrong, paths: [...new Set(issues.map((i) => i.path.join('.')))] }).toEqual({ wrong, paths: [key] });
  }
});

describe.each(ACTIONS)('%s output', (action) => {
  it('is a zod schema that passes the example through unchanged', () => {
    const { output } = example(action);
    expect(outputOf(action)).toBeInstanceOf(z.ZodType);
    expect(outputOf(action).safeParse(output)).toEqual({ success: true, data: output });
  });

  it('rejects values that are clearly not this output', () => {
    const { output } = example(action);
    for (const wrong of [null, undefined, 'ok', 0, [], {}, { ok: true, data: output }]) {
      expect({ wrong, accepted: outputOf(action).safeParse(wrong).success }).toEqual({ wrong, accepted: false });
    }
  });

  it('rejects a missing or mistyped top-level field', () => {
    const { output } = example(action);
    for (const key of Object.keys(output as object)) {
      const { [key]: _dropped, ...missing } = output as Record<string, unknown>;
      expect({ key, missing: issuesOf(outputOf(action), missing).map((i) => i.path) }).toEqual({ key, missing: [[key]] });
      const mistyped = { ...(output as object), [key]: Symbol('wrong') };
      expect({ key, mistyped: issuesOf(outputOf(action), mistyped).map((i) => i.path) }).toEqual({ key, mistyped: [[key]] });
    }
  });

  it('is strict at every level, so private fields (an openid) cannot leave the server', () => {
    const { output } = example(action);
    for (const path of objectPaths(output)) {
      const leaked = changedAt(output, path, (node) => {
        node.askerOpenid = 'o-student-li';
      });
      expect({ path, issues: issuesOf(outputOf(action), leaked) }).toEqual({
        path,
        issues: [expect.objectContaining({ code: 'unrecognized_keys', keys: ['askerOpenid'], path })],
      });
    }
  });
});

it('question.ask trims, fills defaults, and enforces the length limits the form shows', () => {
  const base = { collegeId: 'c-cs', categoryId: 'cat-study', content: '内容至少需要十个字的长度' };
  expect(QuestionAskInput.safeParse({ ...base, title: '   四个字吗   ' }).success).toBe(true);
  expect(issuesOf(QuestionAskInput, { ...base, title: '  三个字  ' })).toEqual([expect.objectContaining({ path: ['title'], message: '至少 4 个字' })]);
  expect(issuesOf(QuestionAskInput, { ...base, title: '长'.repeat(61) })).toEqual([expect.objectContaining({ path: ['title'], message: '不能超过 60 个字' })]);
  expect(issuesOf(QuestionAskInput, { ...base, title: '正常标题', content: '太短了' })).toEqual([expect.objectContaining({ path: ['content'] })]);
});

describe('error codes', () => {
  const SERVER_CODES = Object.keys(ERROR_MESSAGES);

  it('are namespaced and each has a Chinese message', () => {
    for (const code of SERVER_CODES) {
      expect(code).toMatch(/^[A-Z]+(\.[A-Z_]+)?$/);
      expect({ code, message: ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] }).toEqual({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
  });

  it('are never renamed or removed: the client switches on them', () => {
    expect(SERVER_CODES).toEqual(
      expect.arrayContaining([
        'INPUT.INVALID',
        'ACTION.UNKNOWN',
        'AUTH.REQUIRED',
        'AUTH.FORBIDDEN',
        'QUESTION.NOT_FOUND',
        'QUESTION.STATE_CONFLICT',
        'CATALOG.UNKNOWN_COLLEGE',
        'CATALOG.UNKNOWN_CATEGORY',
        'CATALOG.UNKNOWN_UNIT',
        'RATE.LIMITED',
        'INTERNAL',
      ]),
    );
  });

  it('are exactly the codes an error reply may carry', () => {
    expect([...ERROR_CODES].sort()).toEqual([...SERVER_CODES].sort());
    for (const code of SERVER_CODES) {
      const reply = { ok: false, error: { code, message: ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES], requestId: 'req-00001' } };
      expect({ code, parsed: ErrorResult.safeParse(reply).success }).toEqual({ code, parsed: true });
    }
    expect(ApiError.safeParse({ code: 'QUESTION.GONE', message: '问题不存在' }).success).toBe(false);
    expect(ApiError.safeParse({ code: 'INTERNAL', message: '服务暂时不可用', openid: 'o-1' }).success).toBe(false);
  });

  it('cover every code the server raises', () => {
    const root = join(__dirname, '..', '..');
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (e.name === 'node_modules') return [];
        const full = join(dir, e.name);
        return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
      });
    const raised = new Map<string, string>();
    for (const file of [...sources(join(root, 'shared')), ...sources(join(root, 'cloudfunctions'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:DomainError\(|failure\(|refuse\(|code: )'([A-Z][A-Z_.]*)'/g)) raised.set(m[1]!, relative(root, file));
    }
    // The scan itself must find what we know is raised, or it proves nothing.
    expect([...raised.keys()]).toEqual(expect.arrayContaining(['INPUT.INVALID', 'AUTH.FORBIDDEN', 'QUESTION.STATE_CONFLICT', 'RATE.LIMITED']));
    const missing = [...raised].filter(([code]) => !(code in ERROR_MESSAGES)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('on the client: its own codes never shadow a server code, and every code reads in Chinese', () => {
    const clientCodes = Object.keys(CLIENT_ERROR_MESSAGES);
    expect(clientCodes.filter((code) => code in ERROR_MESSAGES)).toEqual([]);
    for (const code of [...SERVER_CODES, ...clientCodes] as ApiErrorCode[]) {
      const expected = (ERROR_MESSAGES as Record<string, string>)[code] ?? (CLIENT_ERROR_MESSAGES as Record<string, string>)[code];
      expect({ code, message: messageFor(code) }).toEqual({ code, message: expected });
      expect(messageFor(code)).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
