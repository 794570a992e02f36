import type { ActivitySummary } from '../../contracts/activity.contract';
import { DomainError } from '../../domain/errors';
import { canViewQuestion } from '../../domain/permissions';
import { REMOVED_PERSON_NAME, removedIdentity } from '../../domain/privacy';
import { formatCampusTime } from '../../domain/shanghai-time';
import type { ActivityRecord, AttendeeRecord, QuestionRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { commitChange, deliveryDeps } from './apply-case-action';
import { activityPage, sendSubjectMessages } from './board-messages';
import { checkStaffText, requestKeys, speaksFor } from './board-access';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';
import { composeChange } from './question-changes';

/**
 * 活动公告 (BUCM §一, §六.3, §六.5; ZJU §三.2 线上线下联动). An activity is one
 * document holding its seats, waiting list and check-ins: a sign-up is one
 * conditional update (docs/decisions/0020-…), a cancellation rewrites the
 * places conditional on the version read and gives the freed seat to the
 * first person waiting, who is told.
 */
const MINUTE = 60_000;
/** The check-in code is accepted from half an hour before the start to half an hour after the end. */
export const CHECK_IN_EARLY_MS = 30 * MINUTE;
export const CHECK_IN_LATE_MS = 30 * MINUTE;
const MAX_ATTEMPTS = 8;

function summary(a: ActivityRecord, catalog: CatalogLookup): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    unitId: a.unitId,
    unitName: catalog.unitName(a.unitId),
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    signUpDeadline: a.signUpDeadline,
    capacity: a.capacity,
    signedUp: a.seatCount,
    waiting: a.waiting.length,
    fromQuestions: a.questionIds.length > 0,
  };
}

async function findPublished(ctx: Pick<ActionContext, 'repos'>, id: string): Promise<ActivityRecord> {
  const a = await ctx.repos.activities.findById(id);
  if (!a || a.state !== 'published') throw new DomainError('ACTIVITY.NOT_FOUND');
  return a;
}

function placeOf(a: ActivityRecord, openid: string) {
  if (a.seats.some((s) => s.openid === openid)) return { state: 'signedUp' as const, position: null };
  const i = a.waiting.findIndex((w) => w.openid === openid);
  return i >= 0 ? { state: 'waiting' as const, position: i + 1 } : { state: 'none' as const, position: null };
}

function checkInCode(ctx: Pick<ActionContext, 'ids'>): string {
  const hex = ctx.ids.next('code').replace(/[^0-9a-f]/g, '').slice(-12);
  return String(parseInt(hex || '0', 16) % 1_000_000).padStart(6, '0');
}

/** Links one question to the activity and tells its asker (one change, conditional on its version, like any other). */
async function linkQuestion(ctx: ActionContext, question: QuestionRecord, activity: ActivityRecord, catalog: CatalogLookup): Promise<{ linked: boolean; notified: boolean }> {
  let q: QuestionRecord | null = question;
  for (let attempt = 1; attempt <= 3 && q; attempt++) {
    if ((q.activityIds ?? []).includes(activity._id)) return { linked: false, notified: false };
    const tell = q.anonymisedAt === null;
    const planned = composeChange(
      q,
      {
        set: { activityIds: [...(q.activityIds ?? []), activity._id] },
        messages: tell ? [{ kind: 'activityLinked', audience: { type: 'asker' }, note: activity.title, occasion: `activity-${activity._id}` }] : [],
        unitName: catalog.unitName,
      },
      ctx.now,
      ctx.settings,
    );
    if (await commitChange(ctx, q, planned)) return { linked: true, notified: tell };
    q = await ctx.repos.questions.findById(q._id);
  }
  throw new DomainError('QUESTION.STATE_CONFLICT', '有问题正在被处理，请稍后再提交一次（已关联的不会重复）');
}

/** 发布活动: a unit admin for their unit, the coordinator or the school admin for any; optionally from students' questions. */
export const createActivity: ActionDefinition<'activity.create'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, viewer, now } = ctx;
    const catalog = await loadCatalog(repos);
    if (!catalog.unit(input.unitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    if (!speaksFor(viewer, input.unitId)) throw new DomainError('AUTH.FORBIDDEN', '只有本单位的管理员、协管员和学校管理员可以发布活动');
    const questionIds = [...new Set(input.questionIds)];
    const { id, hash } = requestKeys(ctx, 'act', [input.unitId, input.title, input.body, input.place, input.startAt, input.endAt, input.capacity, input.signUpDeadline, questionIds]);
    let activity = ctx.requestId ? await repos.activities.findById(id) : null;
    if (activity && (activity.createdByOpenid !== viewer.openid || activity.requestHash !== hash)) throw new DomainError('REQUEST.KEY_REUSED');
    const questions = questionIds.length > 0 ? await repos.questions.findManyByIds(questionIds) : [];
    const unseen = questionIds.filter((qid) => !questions.some((q) => q._id === qid && canViewQuestion(viewer, q)));
    if (unseen.length > 0) throw new DomainError('QUESTION.NOT_FOUND', `有 ${unseen.length} 个问题不存在或你无权查看`);
    if (!activity) {
      // A retry finds what its first attempt stored (above); a new activity must lie ahead.
      if (input.startAt <= now || input.signUpDeadline <= now) throw new DomainError('INPUT.INVALID', '活动开始时间和报名截止时间须在将来');
      await checkStaffText(ctx, viewer.openid, `${input.title}\n${input.place}\n${input.body}`, 'activity');
      activity = {
        _id: id,
        unitId: input.unitId,
        title: input.title,
        body: input.body,
        place: input.place,
        startAt: input.startAt,
        endAt: input.endAt,
        signUpDeadline: input.signUpDeadline,
        capacity: input.capacity,
        state: 'published',
        questionIds,
        createdAt: now,
        createdByOpenid: viewer.openid,
        createdByName: viewer.displayName ?? catalog.unitName(input.unitId),
        checkInCode: checkInCode(ctx),
        seats: [],
        waiting: [],
        people: [],
        seatCount: 0,
        checkedIn: [],
        version: 0,
        requestHash: hash,
      };
      if (!(await repos.activities.insert(activity))) {
        const stored = await repos.activities.findById(id);
        if (!stored || stored.requestHash !== hash || stored.createdByOpenid !== viewer.openid) throw new DomainError('REQUEST.KEY_REUSED');
        activity = stored;
      }
    }
    let linked = 0;
    let notified = 0;
    for (const q of questions) {
      const r = await linkQuestion(ctx, q, activity, catalog);
      if (r.linked) linked += 1;
      if (r.notified) notified += 1;
    }
    return { id: activity._id, linked, notified };
  },
};

/** 活动公告: upcoming first (soonest ending first), or past ones (latest first). */
export const listActivities: ActionDefinition<'activity.list'> = {
  viewer: 'optional',
  async run({ when, pageSize, cursor }, ctx) {
    const [rows, catalog] = await Promise.all([ctx.repos.activities.list(when, ctx.now, pageRequest(pageSize, cursor)), loadCatalog(ctx.repos)]);
    const page = pageOf(rows, pageSize, (a) => [a.endAt]);
    return { items: page.items.map((a) => summary(a, catalog)), nextCursor: page.nextCursor };
  },
};

export const getActivity: ActionDefinition<'activity.get'> = {
  viewer: 'ifSignedIn',
  async run({ id }, ctx) {
    const a = await findPublished(ctx, id);
    const [catalog, questions] = await Promise.all([loadCatalog(ctx.repos), a.questionIds.length > 0 ? ctx.repos.questions.findManyByIds(a.questionIds) : Promise.resolve([])]);
    const viewer = ctx.viewer;
    const place = viewer ? placeOf(a, viewer.openid) : { state: 'none' as const, position: null };
    const checkedIn = viewer ? a.checkedIn.find((c) => c.openid === viewer.openid)?.at ?? null : null;
    return {
      activity: {
        ...summary(a, catalog),
        body: a.body,
        createdAt: a.createdAt,
        createdByName: catalog.unitName(a.unitId),
        // Only what the public may see: public, published questions, by title (never the asker). Private ones are not even counted.
        questions: questions.filter((q) => q.visibility === 'public' && q.moderation.state === 'published' && !q.crisis).map((q) => ({ id: q._id, title: q.title })),
      },
      mine: { ...place, checkedInAt: checkedIn },
      canManage: speaksFor(viewer, a.unitId),
    };
  },
};

/** 报名: a seat while there is one, else the waiting list (never both, never twice). */
export const signUpForActivity: ActionDefinition<'activity.signUp'> = {
  viewer: 'required',
  async run({ activityId }, ctx) {
    const { repos, viewer, now } = ctx;
    const a = await findPublished(ctx, activityId);
    const existing = placeOf(a, viewer.openid);
    if (existing.state !== 'none') return existing;
    if (a.signUpDeadline <= now) throw new DomainError('ACTIVITY.SIGNUP_CLOSED');
    const person: AttendeeRecord = { openid: viewer.openid, name: viewer.displayName ?? '同学', at: now };
    const outcome = await repos.activities.signUp(activityId, person, now);
    if (outcome === 'closed') throw new DomainError('ACTIVITY.SIGNUP_CLOSED');
    if (outcome === 'seated') return { state: 'signedUp' as const, position: null };
    return placeOf(await findPublished(ctx, activityId), viewer.openid);
  },
};

/** 取消报名: frees the place; a freed seat goes to the first person waiting, who is told. */
export const cancelActivitySignUp: ActionDefinition<'activity.cancel'> = {
  viewer: 'required',
  async run({ activityId }, ctx) {
    const { repos, viewer, now } = ctx;
    const key = ctx.ids.derived('cx', viewer.openid, ctx.requestId ?? `${activityId}.${now}`);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const a = await findPublished(ctx, activityId);
      if (!a.people.includes(viewer.openid)) {
        // Not (or no longer) signed up: a retry of a cancel that promoted someone makes sure they were told.
        const promoted = a.seats.find((s) => s.promotedBy === key);
        if (promoted) await tellPromoted(ctx, a, promoted, key);
        return { state: 'none' as const, promoted: promoted !== undefined };
      }
      if (a.startAt <= now) throw new DomainError('ACTIVITY.SIGNUP_CLOSED', '活动已开始，不能再取消报名');
      const seated = a.seats.some((s) => s.openid === viewer.openid);
      const seats = a.seats.filter((s) => s.openid !== viewer.openid);
      let waiting = a.waiting.filter((w) => w.openid !== viewer.openid);
      let promoted: AttendeeRecord | null = null;
      if (seated && waiting.length > 0) {
        promoted = { ...waiting[0]!, promotedAt: now, promotedBy: key };
        waiting = waiting.slice(1);
        seats.push(promoted);
      }
      const people = [...seats, ...waiting].map((p) => p.openid);
      if (await repos.activities.replacePlaces(activityId, a.version, { seats, waiting, people, seatCount: seats.length })) {
        if (promoted) await tellPromoted(ctx, a, promoted, key);
        return { state: 'none' as const, promoted: promoted !== null };
      }
    }
    throw new DomainError('QUESTION.STATE_CONFLICT', '报名人数变化太快，请稍后再试');
  },
};

async function tellPromoted(ctx: ActionContext, a: ActivityRecord, person: AttendeeRecord, key: string) {
  const catalog = await loadCatalog(ctx.repos);
  await sendSubjectMessages(
    deliveryDeps(ctx),
    [
      {
        subject: { type: 'activity', id: a._id },
        kind: 'waitlistPromoted',
        occasion: key,
        recipient: { openid: person.openid, name: person.name },
        unitId: null,
        unitName: catalog.unitName(a.unitId),
        title: a.title,
        note: `${formatCampusTime(a.startAt)} ${a.place}`,
        deadlineAt: a.startAt,
        page: activityPage(a._id),
      },
    ],
    ctx.now,
  );
}

/** 签到: a seated person, with the code the organiser shows, around the activity's time. */
export const checkInToActivity: ActionDefinition<'activity.checkIn'> = {
  viewer: 'required',
  async run({ activityId, code }, ctx) {
    const { repos, viewer, now } = ctx;
    const a = await findPublished(ctx, activityId);
    const done = a.checkedIn.find((c) => c.openid === viewer.openid);
    if (done) return { checkedInAt: done.at };
    if (now < a.startAt - CHECK_IN_EARLY_MS || now > a.endAt + CHECK_IN_LATE_MS) throw new DomainError('ACTIVITY.CHECKIN_CLOSED');
    if (code !== a.checkInCode) throw new DomainError('ACTIVITY.CHECKIN_CODE_WRONG');
    if (!a.seats.some((s) => s.openid === viewer.openid)) throw new DomainError('ACTIVITY.NOT_SIGNED_UP', placeOf(a, viewer.openid).state === 'waiting' ? '你还在候补名单中，没有正式报名' : undefined);
    if (await repos.activities.checkIn(activityId, viewer.openid, now)) return { checkedInAt: now };
    const fresh = await findPublished(ctx, activityId);
    const at = fresh.checkedIn.find((c) => c.openid === viewer.openid)?.at;
    if (at === undefined) throw new DomainError('ACTIVITY.NOT_SIGNED_UP');
    return { checkedInAt: at };
  },
};

/** 报名名单 for the organiser: signed up, waiting, checked in; and the check-in code to show. */
export const listActivityAttendees: ActionDefinition<'activity.attendees'> = {
  viewer: 'required',
  async run({ activityId }, ctx) {
    const a = await findPublished(ctx, activityId);
    if (!speaksFor(ctx.viewer, a.unitId)) throw new DomainError('AUTH.FORBIDDEN', '只有活动所属单位的管理员、协管员和学校管理员可以查看报名名单');
    const checked = new Map(a.checkedIn.map((c) => [c.openid, c.at]));
    const row = (p: AttendeeRecord) => ({ name: p.name, at: p.at, checkedInAt: checked.get(p.openid) ?? null });
    return {
      checkInCode: a.checkInCode,
      checkInFrom: a.startAt - CHECK_IN_EARLY_MS,
      checkInUntil: a.endAt + CHECK_IN_LATE_MS,
      signedUp: a.seats.map(row),
      waiting: a.waiting.map(row),
      checkedIn: a.checkedIn.length,
    };
  },
};

/** A person's activities exported and left (more than anyone signs up for in years of use). */
const ACTIVITIES_HANDLED = 1000;

/** 我的数据: the person's sign-ups (a seat, a place on the waiting list, a check-in). */
export async function activitySignUpsOf(repos: ActionContext['repos'], openid: string) {
  const activities = await repos.activities.listByPerson(openid, ACTIVITIES_HANDLED);
  return activities.flatMap((a) => {
    const seat = a.seats.find((s) => s.openid === openid);
    const wait = a.waiting.find((w) => w.openid === openid);
    const place = seat ?? wait;
    if (!place) return [];
    const checkedInAt = a.checkedIn.find((c) => c.openid === openid)?.at ?? null;
    const state = checkedInAt !== null ? ('checkedIn' as const) : seat ? ('signedUp' as const) : ('waiting' as const);
    return [{ activityId: a._id, title: a.title, startAt: a.startAt, endAt: a.endAt, place: a.place, signedUpAt: place.at, state, checkedInAt }];
  });
}

/**
 * Account deletion: the person leaves every activity. Before it starts, as
 * 取消报名 does (a freed seat goes to the first person waiting, who is told);
 * once it started (or was cancelled), their seat and check-in stay for the
 * attendance counts under the removed-person marker, and their waiting place goes.
 */
export async function removeFromActivities(ctx: ActionContext, openid: string): Promise<void> {
  const { repos, now } = ctx;
  for (const found of await repos.activities.listByPerson(openid, ACTIVITIES_HANDLED)) {
    const key = ctx.ids.derived('cx', openid, `delete.${found._id}`);
    let done = false;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !done; attempt++) {
      const a = attempt === 1 ? found : await repos.activities.findById(found._id);
      if (!a || !a.people.includes(openid)) {
        done = true;
        break;
      }
      const upcoming = a.state === 'published' && a.startAt > now;
      let waiting = a.waiting.filter((w) => w.openid !== openid);
      let promoted: AttendeeRecord | null = null;
      let seats: AttendeeRecord[];
      let checkedIn = a.checkedIn;
      if (upcoming) {
        const seated = a.seats.some((s) => s.openid === openid);
        seats = a.seats.filter((s) => s.openid !== openid);
        if (seated && waiting.length > 0) {
          promoted = { ...waiting[0]!, promotedAt: now, promotedBy: key };
          waiting = waiting.slice(1);
          seats.push(promoted);
        }
      } else {
        const marker = removedIdentity(ctx.ids.next('att'));
        seats = a.seats.map((s) => (s.openid === openid ? { ...s, openid: marker, name: REMOVED_PERSON_NAME } : s));
        checkedIn = a.checkedIn.map((c) => (c.openid === openid ? { ...c, openid: marker } : c));
      }
      const people = [...seats, ...waiting].map((p) => p.openid);
      if (await repos.activities.replacePlaces(a._id, a.version, { seats, waiting, people, seatCount: seats.length, ...(upcoming ? {} : { checkedIn }) })) {
        if (promoted) await tellPromoted(ctx, a, promoted, key);
        done = true;
      }
    }
    if (!done) throw new DomainError('QUESTION.STATE_CONFLICT', '你报名的活动人数正在变化，请稍后再试一次注销');
  }
}
