import tcb from '@cloudbase/node-sdk';
import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { askAsStudent, COORDINATOR, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 11 merge: likes on 话题墙 takes and 青年视角 articles (`like.set`,
 * `like.mine`, decision 19's records on decision 20's documents), a person's
 * takes and comments in 我的数据 and account deletion, and the message centre
 * presenting messages that are not about a question.
 */
let api: LocalApi;
let articleId: string;
let topicId: string;
beforeAll(async () => {
  api = await startLocalApi();
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3f1a2a80000000049454e44ae426082', 'hex');
  const cover = (await tcb.init({ env: 'local-dev' }).uploadFile({ cloudPath: 'articles/likes-cover.png', fileContent: png })).fileID!;
  const body = '这是一篇计算机学院团委的原创文章，讲述同学们在实验室里互相帮助解决难题的故事，也写到了老师们的陪伴与指导。'.repeat(2);
  articleId = expectOk(await api.call(CS_ADMIN, 'article.publish', { unitId: 'c-cs', title: '在代码里读懂青春', coverFileId: cover, body })).id;
  topicId = expectOk(await api.call(CS_ADMIN, 'topic.create', { unitId: 'c-cs', title: '你心中的理想自习室', description: '说说你希望自习室有哪些改变。' })).id;
});
afterAll(() => api.stop());

const CS_ADMIN = 'dev-cs-league';
const refused = (code: string) => ({ ok: false, error: { code } });
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
let takes = 0;
const take = async (who = STUDENT, content?: string) => {
  takes += 1;
  return expectOk(await api.call(who, 'topic.post', { topicId, content: content ?? `希望自习室晚上开到十二点，第${takes}条建议` })).id as string;
};
const likeTake = (who: string, targetId: string, on = true) => api.call(who, 'like.set', { targetType: 'topicPost', targetId, on });
const postOf = (id: string) => api.find('topicPosts', { _id: id })[0]!;

describe('like.set on a take', () => {
  it('counts each person once (retries, the same person twice at once), and off takes it back', async () => {
    const id = await take();
    expect(expectOk(await likeTake(OTHER_STUDENT, id))).toEqual({ targetType: 'topicPost', targetId: id, on: true, count: 1 });
    expect(expectOk(await likeTake(OTHER_STUDENT, id))).toMatchObject({ on: true, count: 1 });
    await Promise.all([likeTake(CS_RESPONDER, id), likeTake(CS_RESPONDER, id)]);
    expect(postOf(id).likeCount).toBe(2);
    expect(expectOk(await likeTake(OTHER_STUDENT, id, false))).toMatchObject({ on: false, count: 1 });
    expect(expectOk(await likeTake(OTHER_STUDENT, id, false))).toMatchObject({ on: false, count: 1 });
    expect(api.count('reactions', { targetId: id, kind: 'like' })).toBe(1);
  });

  it('50 people at once give 50, stored on the take and shown by topic.posts', async () => {
    const id = await take();
    await Promise.all(people(50, 'take-liker').map((p) => likeTake(p, id)));
    expect(api.count('reactions', { targetId: id, kind: 'like', targetType: 'topicPost' })).toBe(50);
    expect(postOf(id).likeCount).toBe(50);
    const listed = expectOk(await api.call(null, 'topic.posts', { topicId, pageSize: 50 })).items.find((p: { id: string }) => p.id === id);
    expect(listed.likeCount).toBe(50);
    const mine = expectOk(await api.call('take-liker-7', 'like.mine', { targetType: 'topicPost', targetIds: [id, 'tpp_unliked'] }));
    expect(mine).toEqual({ targetType: 'topicPost', liked: [id] });
  });

  it('refuses held, hidden and own takes, hidden topics, strangers and bad input, writing nothing', async () => {
    const own = await take(STUDENT);
    const held = await take(OTHER_STUDENT, '想交流的同学加微信 abc123');
    expect(postOf(held).moderation.state).toBe('review');
    const hidden = await take(OTHER_STUDENT);
    expectOk(await api.call(COORDINATOR, 'topic.hide', { postId: hidden, hidden: true, reason: '与话题无关' }));
    const reactions = api.count('reactions');
    expect(await likeTake(STUDENT, own)).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await likeTake(STUDENT, held)).toMatchObject(refused('TOPIC.POST_NOT_FOUND'));
    expect(await likeTake(STUDENT, hidden)).toMatchObject(refused('TOPIC.POST_NOT_FOUND'));
    expect(await likeTake(STUDENT, 'tpp_missing')).toMatchObject(refused('TOPIC.POST_NOT_FOUND'));
    expect(await api.call(null, 'like.set', { targetType: 'topicPost', targetId: own })).toMatchObject(refused('AUTH.REQUIRED'));
    for (const bad of [{ targetType: 'answer', targetId: own }, { targetType: 'topicPost', targetId: 'a b' }, { targetType: 'topicPost', targetId: own, on: 'yes' }, { targetType: 'topicPost', targetId: own, extra: 1 }, {}]) {
      expect(await api.call(OTHER_STUDENT, 'like.set', bad)).toMatchObject(refused('INPUT.INVALID'));
    }
    for (const bad of [{ targetType: 'article', targetIds: [] }, { targetType: 'article', targetIds: Array.from({ length: 51 }, (_, i) => `a${i}`) }, { targetType: 'question', targetIds: ['q1'] }]) {
      expect(await api.call(OTHER_STUDENT, 'like.mine', bad)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(await api.call(null, 'like.mine', { targetType: 'article', targetIds: [articleId] })).toMatchObject(refused('AUTH.REQUIRED'));
    expect(api.count('reactions')).toBe(reactions);
    expect([postOf(own), postOf(held), postOf(hidden)].map((p) => p.likeCount)).toEqual([0, 0, 0]);

    // A take liked before its topic was hidden: no new likes, but a like can be taken back.
    const liked = await take(STUDENT);
    expectOk(await likeTake(OTHER_STUDENT, liked));
    const hiddenTopic = expectOk(await api.call(CS_ADMIN, 'topic.create', { unitId: 'c-cs', title: '将被隐藏的话题', description: '这个话题稍后会被隐藏。' })).id;
    const onHidden = expectOk(await api.call(STUDENT, 'topic.post', { topicId: hiddenTopic, content: '在将被隐藏的话题里发言' })).id;
    expectOk(await likeTake(OTHER_STUDENT, onHidden));
    expectOk(await api.call(COORDINATOR, 'topic.hide', { topicId: hiddenTopic, hidden: true, reason: '话题重复' }));
    expect(await likeTake(CS_RESPONDER, onHidden)).toMatchObject(refused('TOPIC.NOT_FOUND'));
    expect(expectOk(await likeTake(OTHER_STUDENT, onHidden, false))).toMatchObject({ on: false, count: 0 });
  });
});

describe('like.set on an article', () => {
  it('50 people at once give 50 on the article; hidden and own articles are refused', async () => {
    await Promise.all(people(50, 'article-liker').map((p) => api.call(p, 'like.set', { targetType: 'article', targetId: articleId })));
    expect(api.find('articles', { _id: articleId })[0]!.likeCount).toBe(50);
    expect(api.count('reactions', { targetId: articleId, kind: 'like', targetType: 'article' })).toBe(50);
    expect(expectOk(await api.call(null, 'article.get', { id: articleId })).article.likeCount).toBe(50);
    expect(api.find('reactions', { targetId: articleId })[0]).toMatchObject({ creditedUnitId: 'c-cs', creditedTo: null, questionId: null });
    expect(await api.call(CS_ADMIN, 'like.set', { targetType: 'article', targetId: articleId })).toMatchObject(refused('REACTION.NOT_ALLOWED'));
    expect(await api.call(STUDENT, 'like.set', { targetType: 'article', targetId: 'art_missing' })).toMatchObject(refused('ARTICLE.NOT_FOUND'));
    expectOk(await api.call(COORDINATOR, 'article.hide', { articleId, hidden: true, reason: '核实中' }));
    expect(await api.call(STUDENT, 'like.set', { targetType: 'article', targetId: articleId })).toMatchObject(refused('ARTICLE.NOT_FOUND'));
    expect(expectOk(await api.call('article-liker-3', 'like.set', { targetType: 'article', targetId: articleId, on: false }))).toMatchObject({ count: 49 });
    expectOk(await api.call(COORDINATOR, 'article.hide', { articleId, hidden: false, reason: '核实无误' }));
    expect(expectOk(await api.call('article-liker-4', 'like.mine', { targetType: 'article', targetIds: [articleId] })).liked).toEqual([articleId]);
  });
});

describe('a person who leaves the 话题墙', () => {
  it('exports their takes and comments; deletion removes their takes, empties their comments and takes their likes back', async () => {
    const leaver = 'leaving-wall-student';
    const theirs = await take(leaver, '离开的同学留下的一条发言');
    const other = await take(OTHER_STUDENT);
    expectOk(await api.call(CS_RESPONDER, 'topic.comment', { postId: theirs, content: '谢谢你的建议' }));
    expectOk(await api.call(leaver, 'topic.comment', { postId: other, content: '我也这样觉得', anonymous: true }));
    expectOk(await api.call(STUDENT, 'topic.comment', { postId: other, content: '赞同楼上' }));
    expectOk(await likeTake(leaver, other));
    expectOk(await likeTake(STUDENT, other));
    expectOk(await likeTake(STUDENT, theirs));
    const postsBefore = api.find('topics', { _id: topicId })[0]!.postCount;

    const exported = expectOk(await api.call(leaver, 'me.export', {}));
    expect(exported.topicPosts).toEqual([expect.objectContaining({ id: theirs, topicId, content: '离开的同学留下的一条发言', moderation: 'published', likeCount: 1 })]);
    expect(exported.topicComments).toEqual([expect.objectContaining({ postId: other, topicId, content: '我也这样觉得', anonymous: true })]);
    expect(exported.reactions).toEqual([expect.objectContaining({ kind: 'like', targetType: 'topicPost', targetId: other })]);

    expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }));
    expectOk(await api.call(leaver, 'me.delete', { confirm: '注销账号' }));
    expect(api.count('topicPosts', { _id: theirs })).toBe(0);
    expect(api.find('topics', { _id: topicId })[0]!.postCount).toBe(postsBefore - 1);
    const kept = postOf(other);
    expect(kept.likeCount).toBe(1);
    expect(kept.comments).toHaveLength(2);
    expect(kept.comments[0]).toMatchObject({ authorOpenid: '', content: '', moderation: { state: 'hidden' } });
    expect(kept.comments[1]).toMatchObject({ authorOpenid: STUDENT, content: '赞同楼上' });
    expect(api.count('reactions', { openid: leaver })).toBe(0);
    const shown = expectOk(await api.call(null, 'topic.posts', { topicId, pageSize: 50 })).items.find((p: { id: string }) => p.id === other);
    expect(shown.comments.map((c: { content: string }) => c.content)).toEqual(['赞同楼上']);
    expect(JSON.stringify(api.find('topicPosts', {}))).not.toContain(leaver);
  });
});

describe('message.list beyond questions', () => {
  it('a waiting-list seat and an activity made from a question each link to their own page under a Chinese title', async () => {
    const questionId = await askAsStudent(api, { title: '有没有学长学姐分享考研经验的活动', content: '想听听考研上岸的学长学姐讲讲经验。' });
    const now = api.now();
    const activityId = expectOk(
      await api.call(CS_ADMIN, 'activity.create', {
        unitId: 'c-cs', title: '考研经验分享会', body: '邀请考研上岸的学长学姐分享备考经验，欢迎报名参加。', place: '信息楼 201',
        startAt: now + 48 * HOUR_MS, endAt: now + 50 * HOUR_MS, capacity: 1, signUpDeadline: now + 24 * HOUR_MS, questionIds: [questionId],
      }),
    ).id as string;
    expectOk(await api.call('msg-seated', 'activity.signUp', { activityId }));
    expectOk(await api.call('msg-waiting', 'activity.signUp', { activityId }));
    expectOk(await api.call('msg-seated', 'activity.cancel', { activityId }));

    const waiting = expectOk(await api.call('msg-waiting', 'message.list', { pageSize: 20 }));
    expect(waiting.items).toEqual([
      expect.objectContaining({ kind: 'waitlistPromoted', title: '候补转为正式报名', questionId: null, subject: { type: 'activity', id: activityId }, page: `boards/activity/index?id=${activityId}`, read: false }),
    ]);
    expect(waiting.items[0].text).toContain('考研经验分享会');

    const asker = expectOk(await api.call(STUDENT, 'message.list', { pageSize: 50 }));
    const linked = asker.items.find((m: { kind: string }) => m.kind === 'activityLinked');
    expect(linked).toMatchObject({ title: '你的问题有了线下活动', questionId, subject: { type: 'question', id: questionId }, page: `pages/question/index?id=${questionId}` });
    for (const m of [...waiting.items, ...asker.items]) {
      expect(m.page).not.toMatch(/id=$/);
      expect(m.title).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
