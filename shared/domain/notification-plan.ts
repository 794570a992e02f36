import type { CaseAction } from './case-lifecycle';
import type { Role } from './organisation';
import { formatCampusTime, describeTimeLeft } from './shanghai-time';

/**
 * What each message says, to whom it goes, and how it fits WeChat's
 * subscription-message limits. Pure: the server decides recipients and delivery.
 */
export const NOTIFICATION_KINDS = [
  'newQuestion', // owning unit: a question just arrived
  'urged', // owning unit's responders and admins: 催办 from the coordinator, a supervisor or the school admin
  'reminder', // owning unit: the deadline is near
  'escalation', // coordinator: missed the deadline, answer it directly
  'supervisorAlert', // supervisor: which unit missed it
  'emergency', // group leader + coordinator: an urgent question arrived
  'transferredIn', // the new unit: a question was transferred to you
  'noticeReminder', // handler: publish how the emergency was handled
  'answered', // asker
  'handlingStarted', // asker
  'resolved', // asker
  'transferred', // asker
  'faqLinked', // asker: their question was gathered into a published FAQ entry (常见问题)
  'reportUrged', // a unit's admins: its biweekly report (双周报) is not submitted yet (催交)
  // ── issue 11 boards ──
  'activityLinked', // asker: an activity was made from their question (线上诉求延伸到线下)
  'waitlistPromoted', // a person on an activity's waiting list got a seat
  'articleDue', // a unit's admins: no 青年视角 article for 14 days
  'followed', // everyone who 同问 or follows a question: it was answered, went into handling, or was resolved
  'metooThreshold', // owning unit's responders and admins: many people 同问 this question (once)
  'expertAddressed', // the recommended expert a student addressed the question to (told first)
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** 消息中心: the heading each kind of message is listed under (its text says the rest). */
export const MESSAGE_TITLES: Record<NotificationKind, string> = {
  newQuestion: '新问题待答复',
  urged: '催办提醒',
  reminder: '答复时限提醒',
  escalation: '超时问题待处理',
  supervisorAlert: '单位超时提醒',
  emergency: '紧急问题',
  transferredIn: '转办来的问题',
  noticeReminder: '请发布处理公告',
  answered: '你的问题已答复',
  handlingStarted: '你的问题正在办理',
  resolved: '你的问题已办结',
  transferred: '你的问题已转办',
  faqLinked: '你的问题已收录为常见问题',
  reportUrged: '双周报催交',
  activityLinked: '你的问题有了线下活动',
  waitlistPromoted: '候补转为正式报名',
  articleDue: '青年视角发布提醒',
  followed: '你关注的问题有新进展',
  metooThreshold: '多人同问的问题',
  expertAddressed: '同学指定你答复',
};

/** Subscription templates the platform uses; their ids are configuration. */
export const TEMPLATE_KEYS = ['reminder', 'escalation', 'reply', 'progress'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Field names of each template, in the order WeChat shows them. */
export const TEMPLATE_FIELDS: Record<TemplateKey, readonly string[]> = {
  reminder: ['thing1', 'thing2', 'time3', 'thing4'], // 问题标题, 负责单位, 答复时限, 温馨提示
  escalation: ['thing1', 'thing2', 'time3', 'thing4'], // 问题标题, 负责单位, 答复时限, 处理要求
  reply: ['thing1', 'thing2', 'thing3', 'time4'], // 问题标题, 答复单位, 答复内容, 答复时间
  progress: ['thing1', 'phrase2', 'thing3', 'time4'], // 问题标题, 办理状态, 说明, 更新时间
};

const KIND_TEMPLATE: Record<NotificationKind, TemplateKey> = {
  newQuestion: 'reminder',
  urged: 'escalation',
  reminder: 'reminder',
  transferredIn: 'reminder',
  noticeReminder: 'reminder',
  escalation: 'escalation',
  supervisorAlert: 'escalation',
  emergency: 'escalation',
  answered: 'reply',
  handlingStarted: 'progress',
  resolved: 'progress',
  transferred: 'progress',
  faqLinked: 'progress',
  reportUrged: 'escalation',
  activityLinked: 'progress',
  waitlistPromoted: 'progress',
  articleDue: 'reminder',
  followed: 'progress',
  metooThreshold: 'reminder',
  expertAddressed: 'reminder',
};

/**
 * Whether a message still says something true about the question. A reminder
 * retried after the question was answered would only mislead.
 */
export function stillRelevant(kind: NotificationKind, q: { state: string; escalatedAt: number | null; noticePublishedAt: number | null }): boolean {
  switch (kind) {
    case 'newQuestion':
    case 'urged':
    case 'reminder':
    case 'escalation':
    case 'supervisorAlert':
    case 'transferredIn':
    case 'expertAddressed':
      return q.state === 'routed';
    case 'noticeReminder':
      return q.noticePublishedAt === null;
    default:
      return true;
  }
}

/**
 * Who a message is for, resolved against the roster when it is sent: the
 * asker, a unit's responders (and its admins, when `withAdmins`), or everyone
 * holding one of some roles.
 */
export type Audience =
  | { type: 'asker' }
  | { type: 'unit'; unitId: string; withAdmins?: boolean }
  | { type: 'roles'; roles: Role[] }
  /** Everyone who 同问 or follows the question (never the asker: they hear as the asker), looked up when sent. */
  | { type: 'watchers' }
  /** One person of the roster (the expert a question was addressed to). */
  | { type: 'person'; openid: string };

/** What the watchers of a question are told at each step the asker hears of (a phrase of at most 5 characters). */
export const WATCHER_STEP_NOTES = { answer: '已答复', startHandling: '办理中', resolve: '已办结' } as const;

export interface PlannedMessage {
  kind: NotificationKind;
  audience: Audience;
  note: string;
  /** Also post it to the unit's WeCom group, whatever the subscription does (emergencies). */
  alsoGroup?: boolean;
}

/**
 * Who hears about a change: the asker at every step of 答—办 (never the
 * handlers' internal notes), the new unit on a transfer, the coordinator and
 * the supervisor when the deadline is missed, the unit's people when urged.
 * `answerText` is the official answer for `answer`.
 */
export function messagesForTransition(action: CaseAction, facts: { urgent: boolean; ownerUnitId: string }, answerText = ''): PlannedMessage[] {
  const asker: Audience = { type: 'asker' };
  switch (action.type) {
    case 'answer':
      return [{ kind: 'answered', audience: asker, note: answerText }, watchers(WATCHER_STEP_NOTES.answer)];
    case 'startHandling':
      return [{ kind: 'handlingStarted', audience: asker, note: '' }, watchers(WATCHER_STEP_NOTES.startHandling)];
    case 'resolve':
      return [{ kind: 'resolved', audience: asker, note: '' }, watchers(WATCHER_STEP_NOTES.resolve)];
    case 'transfer':
      return [
        { kind: 'transferred', audience: asker, note: '' },
        { kind: 'transferredIn', audience: { type: 'unit', unitId: action.toUnitId }, note: action.reason, alsoGroup: facts.urgent },
      ];
    case 'escalate':
      return [
        { kind: 'escalation', audience: { type: 'roles', roles: ['coordinator'] }, note: '' },
        { kind: 'supervisorAlert', audience: { type: 'roles', roles: ['supervisor'] }, note: '' },
      ];
    case 'urge':
      return [{ kind: 'urged', audience: { type: 'unit', unitId: facts.ownerUnitId, withAdmins: true }, note: action.note }];
    default:
      return [];
  }
}

/**
 * A new question: the owning unit hears at once (by subscription, else its
 * WeCom group). An urgent one (紧急通道) goes to the unit's group as well, and
 * the group leader (工作小组组长) and the coordinator are alerted; its messages
 * carry the emergency numbers (`emergencyLine`).
 */
function watchers(note: string): PlannedMessage {
  return { kind: 'followed', audience: { type: 'watchers' }, note };
}

/** Many people 同问 a question: its unit hears once (decision 19). */
export function messagesForMetooThreshold(q: { ownerUnitId: string }, count: number): PlannedMessage[] {
  return [{ kind: 'metooThreshold', audience: { type: 'unit', unitId: q.ownerUnitId, withAdmins: true }, note: `已有${count}人同问` }];
}

export function messagesForAsk(q: { urgent: boolean; ownerUnitId: string }, emergencyLine = ''): PlannedMessage[] {
  const unit: PlannedMessage = { kind: 'newQuestion', audience: { type: 'unit', unitId: q.ownerUnitId }, note: q.urgent ? emergencyLine : '', alsoGroup: q.urgent };
  if (!q.urgent) return [unit];
  return [unit, { kind: 'emergency', audience: { type: 'roles', roles: ['schoolAdmin', 'coordinator'] }, note: emergencyLine }];
}

export function templateFor(kind: NotificationKind): TemplateKey {
  return KIND_TEMPLATE[kind];
}

/**
 * WeChat's limits by field type: thing ≤ 20 characters, phrase ≤ 5 (Chinese,
 * no punctuation), character_string ≤ 32, name ≤ 10 (20 if Chinese-only is not
 * guaranteed, we keep 10); time is "YYYY年M月D日 HH:mm". Over-long text is cut
 * with an ellipsis inside the limit, never rejected by WeChat.
 */
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, character_string: 32, name: 10, number: 32, letter: 32, symbol: 5 };

export function fieldType(field: string): string {
  return field.replace(/\d+$/, '');
}

function cut(value: string, max: number): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export function fitField(field: string, value: string): string {
  const type = fieldType(field);
  if (type === 'phrase') return [...value.replace(/[^\u4e00-\u9fa5]/g, '')].slice(0, LIMITS.phrase).join('') || '更新';
  const max = LIMITS[type];
  return max ? cut(value, max) || '—' : value;
}

export interface MessageFacts {
  title: string;
  unitName: string;
  deadlineAt: number;
  /** When the thing being told about happened (answer time, transfer time…). */
  at: number;
  now: number;
  /** Answer excerpt, progress note or transfer reason. */
  note: string;
}

export interface ComposedMessage {
  templateKey: TemplateKey;
  data: Record<string, string>;
  /** The same message as plain text, for the WeCom group fallback and the outbox. */
  text: string;
}

const WECHAT_TIME = 'YYYY年M月D日 HH:mm';

export function composeMessage(kind: NotificationKind, f: MessageFacts): ComposedMessage {
  const templateKey = templateFor(kind);
  const deadline = formatCampusTime(f.deadlineAt, WECHAT_TIME);
  const at = formatCampusTime(f.at, WECHAT_TIME);
  const left = describeTimeLeft(f.deadlineAt - f.now);
  let values: string[];
  let text: string;
  const call = f.note ? `紧急联系：${f.note}` : '';
  switch (kind) {
    case 'newQuestion':
      values = [f.title, f.unitName, deadline, f.note ? `紧急求助 ${f.note}` : '新问题，请及时答复'];
      text = f.note
        ? `【青年之声·紧急通道】新的紧急求助「${f.title}」已到「${f.unitName}」，须在 ${deadline} 前响应。${call}`
        : `【青年之声】新问题「${f.title}」已到「${f.unitName}」，请在 ${deadline} 前答复。`;
      break;
    case 'urged':
      values = [f.title, f.unitName, deadline, f.note || '已超时，请立即答复'];
      text = `【青年之声·催办】问题「${f.title}」已超过答复时限（${deadline}），请「${f.unitName}」立即答复。${f.note ? `督办意见：${f.note}` : ''}`;
      break;
    case 'reminder':
      values = [f.title, f.unitName, deadline, `${left}，请尽快答复`];
      text = `【青年之声】问题「${f.title}」${left}（时限 ${deadline}），请「${f.unitName}」尽快答复。`;
      break;
    case 'transferredIn':
      values = [f.title, f.unitName, deadline, '新转办问题，时限不变'];
      text = `【青年之声】问题「${f.title}」已转办至「${f.unitName}」，答复时限仍为 ${deadline}。转办理由：${f.note}`;
      break;
    case 'noticeReminder':
      values = [f.title, f.unitName, deadline, '请发布紧急事件处理公告'];
      text = `【青年之声】紧急问题「${f.title}」已办结，请发布处理情况公告。`;
      break;
    case 'escalation':
      values = [f.title, f.unitName, deadline, '已超时，请协管直接答复'];
      text = `【青年之声】问题「${f.title}」超过答复时限（${deadline}）未回复，负责单位「${f.unitName}」，请协管直接答复并安抚提问同学。`;
      break;
    case 'supervisorAlert':
      values = [f.title, f.unitName, deadline, `${f.unitName}未按时答复`];
      text = `【青年之声】「${f.unitName}」未在时限（${deadline}）内答复问题「${f.title}」，已升级至协管。`;
      break;
    case 'emergency':
      values = [f.title, f.unitName, deadline, f.note ? `紧急求助 ${f.note}` : '紧急求助，请立即处理'];
      text = `【青年之声·紧急通道】新的紧急求助「${f.title}」，负责单位「${f.unitName}」，须在 ${deadline} 前响应。${call}`;
      break;
    case 'answered':
      values = [f.title, f.unitName, f.note, at];
      text = `【青年之声】你的问题「${f.title}」已由「${f.unitName}」答复：${f.note}`;
      break;
    case 'handlingStarted':
      values = [f.title, '办理中', '负责单位正在线下办理', at];
      text = `【青年之声】你的问题「${f.title}」已进入办理，负责单位「${f.unitName}」正在线下处理。`;
      break;
    case 'resolved':
      values = [f.title, '已办结', '请查看办理结果并评价', at];
      text = `【青年之声】你的问题「${f.title}」已办结，请在小程序中查看并评价。`;
      break;
    case 'faqLinked':
      values = [f.title, '已收录', f.note ? `收录为常见问题：${f.note}` : '已收录为常见问题', at];
      text = `【青年之声】你的问题「${f.title}」已收录进常见问题「${f.note}」，答复已汇总更新，可在小程序中查看。`;
      break;
    case 'reportUrged':
      // `title` is the report's name, `deadlineAt` its due time.
      values = [f.title, f.unitName, deadline, f.note || '请尽快提交双周报'];
      text = `【青年之声·催交】「${f.unitName}」的${f.title}尚未提交，请在 ${deadline} 前完成并提交。${f.note ? `说明：${f.note}` : ''}`;
      break;
    case 'activityLinked':
      values = [f.title, '线下活动', `活动：${f.note}`, at];
      text = `【青年之声】针对你的问题「${f.title}」，已组织线下活动「${f.note}」，欢迎在小程序中查看并报名。`;
      break;
    case 'waitlistPromoted':
      values = [f.title, '报名成功', '候补已转为正式报名，请按时参加', at];
      text = `【青年之声】有人取消了报名，你已从候补转为活动「${f.title}」的正式报名，请按时参加（${f.note}）。`;
      break;
    case 'articleDue':
      values = ['青年视角原创文章', f.unitName, deadline, f.note || '已满14天未发布，请尽快发布'];
      text = `【青年之声】${f.title}：「${f.unitName}」已有 14 天没有在青年视角发布原创文章（${f.note || '尚未发布'}），请尽快发布。`;
      break;
    case 'followed':
      values = [f.title, f.note, '你关注的问题有新进展', at];
      text = `【青年之声】你同问或关注的问题「${f.title}」${f.note}（${f.unitName}），可在小程序中查看。`;
      break;
    case 'metooThreshold':
      values = [f.title, f.unitName, deadline, `${f.note}，请优先关注`];
      text = `【青年之声】问题「${f.title}」${f.note}，请「${f.unitName}」优先关注并答复。`;
      break;
    case 'expertAddressed':
      values = [f.title, f.unitName, deadline, '同学指定请你答复'];
      text = `【青年之声】一位同学把问题「${f.title}」指定给你（${f.unitName}），请在 ${deadline} 前答复。`;
      break;
    case 'transferred':
      values = [f.title, '已转办', `转至${f.unitName}`, at];
      text = `【青年之声】你的问题「${f.title}」已转交「${f.unitName}」办理，答复时限为 ${deadline}。`;
      break;
  }
  const fields = TEMPLATE_FIELDS[templateKey];
  const data: Record<string, string> = {};
  fields.forEach((field, i) => {
    data[field] = fieldType(field) === 'time' ? values[i] ?? at : fitField(field, values[i] ?? '');
  });
  return { templateKey, data, text };
}

/** Why a message did not reach a person by subscription (what the unit admin reads). */
export const DELIVERY_PROBLEMS = ['NO_CREDIT', 'WECHAT_43101', 'SEND_FAILED', 'NO_PERMISSION'] as const;
export type DeliveryProblem = (typeof DELIVERY_PROBLEMS)[number];

export function deliveryProblemLabel(problem: DeliveryProblem, viaGroup: boolean): string {
  const cause = { NO_CREDIT: '未订阅提醒', WECHAT_43101: '微信提示已无可用订阅', SEND_FAILED: '多次发送失败', NO_PERMISSION: '云函数未获授权发送订阅消息，请管理员处理' }[problem];
  if (problem === 'SEND_FAILED' || problem === 'NO_PERMISSION') return cause;
  return viaGroup ? `${cause}，已改发单位企业微信群` : `${cause}，且单位未配置企业微信群，提醒未送达`;
}
