import { likeCounterId, likesReceivedCounterId, METOO_THRESHOLD, type ReactionKind } from '../../shared/domain/community';
import { WATCHER_STEP_NOTES } from '../../shared/domain/notification-plan';
import { randomIds } from '../../shared/server/ids';
import { PUBLISHED } from '../../shared/domain/moderation';
import type { CounterRecord, NotificationRecord, QuestionRecord, ReactionRecord, TopicPostRecord, TopicRecord } from '../../shared/server/ports/records';
import { notificationRecords } from '../../shared/server/use-cases/notification-delivery';

/**
 * The community around the demo questions (issue 11): 同问, follows and likes
 * on the public answered ones, their counters kept equal to the records, and
 * the messages the demo people were sent (answered, followed question
 * updated), some of them read, so the message centre and the boards show
 * something at once. Deterministic: the same questions give the same records.
 */
const DEMO_STUDENTS = ['dev-student-zhang', 'dev-student-li', 'dev-student-chen', 'dev-student-zhao'];
/** Classmates who only 同问 and like (not in the roster, as most students are not). */
const CLASSMATES = Array.from({ length: 14 }, (_, i) => `demo-classmate-${String(i + 1).padStart(2, '0')}`);

function reaction(kind: ReactionKind, q: QuestionRecord, targetType: 'question' | 'answer', targetId: string, openid: string, at: number, credited: { openid: string; unitId: string } | null): ReactionRecord {
  return {
    _id: randomIds.derived('x', kind, targetType, targetId, openid),
    kind,
    targetType,
    targetId,
    questionId: q._id,
    openid,
    creditedTo: credited?.openid ?? null,
    creditedUnitId: credited?.unitId ?? null,
    at,
  };
}

export function buildDemoCommunity(questions: QuestionRecord[], now: number) {
  const reactions: ReactionRecord[] = [];
  const counters = new Map<string, number>();
  const bump = (id: string, n: number) => counters.set(id, (counters.get(id) ?? 0) + n);
  const notifications: NotificationRecord[] = [];
  const counts = new Map<string, { metooCount: number; likeCount: number; metooFlaggedAt?: number }>();

  const open = questions.filter((q) => q.visibility === 'public' && q.moderation.state === 'published' && q.officialAnswerId !== null);
  open.forEach((q, i) => {
    const people = [...DEMO_STUDENTS, ...CLASSMATES].filter((p) => p !== q.askerOpenid);
    const after = (h: number) => Math.min(now, q.createdAt + h * 3_600_000);
    // Popular questions first: a spread of 同问 from 12 down to 0, two of them past the unit's threshold.
    const metoo = people.slice(0, Math.max(0, 12 - i));
    for (const p of metoo) reactions.push(reaction('metoo', q, 'question', q._id, p, after(1), null));
    const official = q.answers.find((a) => a.id === q.officialAnswerId)!;
    const likers = people.filter((p) => p !== official.responderOpenid).slice(0, Math.max(0, 9 - (i % 7)));
    for (const p of likers) reactions.push(reaction('like', q, 'answer', official.id, p, after(2), { openid: official.responderOpenid, unitId: official.unitId }));
    if (likers.length > 0) {
      bump(likeCounterId('answer', official.id), likers.length);
      bump(likesReceivedCounterId(official.responderOpenid), likers.length);
    }
    // Past the threshold in the demo's past: the unit was told then (no message is owed now).
    counts.set(q._id, { metooCount: metoo.length, likeCount: likers.length, ...(metoo.length >= METOO_THRESHOLD ? { metooFlaggedAt: after(3) } : {}) });

    // 李思远 follows the first few; he hears when they were answered, as the api would have told him.
    const follower = 'dev-student-li';
    if (i < 4 && q.askerOpenid !== follower) {
      reactions.push(reaction('follow', q, 'question', q._id, follower, after(0.5), null));
      const intent = { kind: 'followed' as const, occasion: 'seed-answer', audience: { type: 'watchers' as const }, unitName: '', note: WATCHER_STEP_NOTES.answer, at: q.answeredAt ?? now, alsoGroup: false };
      notifications.push(...notificationRecords(q, intent, [{ openid: follower, name: '李思远' }], q.answeredAt ?? now).map((n) => settled(n, i % 2 === 0 ? null : now)));
    }
  });

  // Every asker of an answered demo question was told; the older half of it has been read.
  questions
    .filter((q) => q.officialAnswerId !== null && q.answeredAt !== null)
    .forEach((q, i) => {
      const official = q.answers.find((a) => a.id === q.officialAnswerId)!;
      const intent = { kind: 'answered' as const, occasion: 'seed-answer', audience: { type: 'asker' as const }, unitName: '', note: official.content, at: q.answeredAt!, alsoGroup: false };
      notifications.push(...notificationRecords(q, intent, [{ openid: q.askerOpenid, name: q.askerName }], q.answeredAt!).map((n) => settled(n, i % 2 === 0 ? now : null)));
    });

  const counterRecords: CounterRecord[] = [...counters.entries()].map(([_id, count]) => ({ _id, count, updatedAt: now }));
  return { reactions, counters: counterRecords, notifications, counts };
}

function settled(n: NotificationRecord, readAt: number | null): NotificationRecord {
  return { ...n, state: 'sent', channel: 'subscribe', attempts: 1, finishedAt: n.createdAt, readAt };
}

/** 话题墙: two topics the committee opened, with a few takes (one pinned, one anonymous), as `topic.post` stores them. */
export function buildDemoTopics(now: number): { topics: TopicRecord[]; posts: TopicPostRecord[] } {
  const hours = (h: number) => now - h * 3_600_000;
  const topic = (id: string, title: string, description: string, at: number, state: TopicRecord['state'], posts: number): TopicRecord => ({
    _id: id, title, description, state, createdAt: at, openedByOpenid: 'dev-coordinator', openedByName: '王钰铭', postCount: posts, requestHash: null,
  });
  const post = (id: string, topicId: string, content: string, at: number, author: string, authorName: string, extra: Partial<TopicPostRecord> = {}): TopicPostRecord => ({
    _id: id, topicId, authorOpenid: author, authorName, anonymous: false, content, createdAt: at, moderation: PUBLISHED, pinned: false, requestHash: null, ...extra,
  });
  const posts = [
    post('tq-demo-1', 'tp-demo-library', '希望期末周图书馆能开到晚上十二点。', hours(30), 'dev-student-zhang', '同学', { pinned: true }),
    post('tq-demo-2', 'tp-demo-library', '自习区的插座太少了，能不能每张桌子都加一个？', hours(26), 'dev-student-li', '同学'),
    post('tq-demo-3', 'tp-demo-library', '座位预约系统经常有人占了不来，建议十五分钟不签到就释放。', hours(20), 'dev-student-chen', '匿名同学', { anonymous: true }),
    post('tq-demo-4', 'tp-demo-library', '学院已把大家的建议汇总转给图书馆，下周反馈。', hours(10), 'dev-cs-league', '高鹏'),
    post('tq-demo-5', 'tp-demo-canteen', '二食堂的麻辣烫能不能少放点盐。', hours(80), 'dev-student-zhao', '同学'),
  ];
  return {
    topics: [
      topic('tp-demo-library', '你心中理想的图书馆', '开放时间、座位、插座、预约……说说你希望图书馆做哪些改变。', hours(48), 'open', 4),
      topic('tp-demo-canteen', '食堂菜品大家谈', '上学期的话题，已汇总反馈给后勤。', hours(24 * 40), 'closed', 1),
    ],
    posts,
  };
}
