import type { Answer, QuestionDetail, QuestionSummary } from '@shared/contracts/question.contract';
import type { Catalog } from '@shared/contracts/catalog.contract';
import type { Me } from '@shared/contracts/me.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';

/** 2026-03-02 10:00 in Shanghai. */
export const NOW = Date.UTC(2026, 2, 2, 2, 0, 0);
export const MINUTE_MS = 60 * 1000;

export const catalog: Catalog = {
  units: [
    { id: 'u-school', name: '校团委', shortName: '校团委', kind: 'school', parentId: null, emergencyContacts: [{ label: '保卫处24小时值班', phone: '0571-8888-0110' }] },
    { id: 'u-cs', name: '计算机学院团委', shortName: '计算机学院', kind: 'college', parentId: 'u-school', emergencyContacts: [] },
    { id: 'u-med', name: '医学院团委', shortName: '医学院', kind: 'college', parentId: 'u-school', emergencyContacts: [] },
    { id: 'u-logistics', name: '后勤服务中心', shortName: '后勤服务中心', kind: 'department', parentId: null, emergencyContacts: [] },
  ],
  categories: [
    { id: 'cat-study', name: '学业', description: '选课、考试、学籍与培养方案', ownerUnitId: null, answerHours: null },
    { id: 'cat-life', name: '后勤', description: '宿舍、食堂、水电与校园设施', ownerUnitId: 'u-logistics', answerHours: null },
  ],
};

export function summary(overrides: Partial<QuestionSummary> = {}): QuestionSummary {
  return {
    id: 'q1',
    title: '宿舍热水几点供应？',
    excerpt: '最近晚上十点以后就没有热水了',
    categoryId: 'cat-life',
    categoryName: '后勤',
    collegeId: 'u-cs',
    ownerUnitId: 'u-logistics',
    ownerUnitName: '后勤服务中心',
    askerName: '计算机学院同学',
    anonymous: false,
    urgent: false,
    visibility: 'public',
    status: 'answered',
    createdAt: NOW - 3 * HOUR_MS,
    deadlineAt: NOW + 21 * HOUR_MS,
    answeredAt: NOW - HOUR_MS,
    answerCount: 1,
    escalated: false,
    assigneeName: null,
    reopenedAt: null,
    moderation: 'published',
    metooCount: 0,
    likeCount: 0,
    ...overrides,
  };
}

export function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    id: 'a1',
    content: '热水供应时间为每天 6:00-24:00，已联系维修。',
    responderName: '王老师',
    unitName: '后勤服务中心',
    teamLabel: '专帮青',
    official: true,
    createdAt: NOW - HOUR_MS,
    moderation: 'published',
    pictureUrls: [],
    ...overrides,
  };
}

export function detail(overrides: Partial<QuestionDetail> = {}): QuestionDetail {
  return {
    ...summary(),
    content: '最近晚上十点以后就没有热水了，请问是调整了供应时间吗？',
    routeReason: 'category',
    pictureUrls: [],
    answers: [answer()],
    timeline: [],
    rating: null,
    reopenCount: 0,
    noticeRequired: false,
    notice: null,
    viewerCanAnswer: false,
    viewerIsAsker: false,
    viewerIsHandler: false,
    viewerActions: [],
    typicalCase: null,
    viewerCanMarkCase: false,
    ...overrides,
  };
}

export const studentMe: Me = {
  registered: true,
  name: '李同学',
  collegeId: null,
  roles: ['student'],
  memberships: [],
  subscribeTemplates: { asker: [], responder: [] },
  credits: [],
  phone: null,
};
