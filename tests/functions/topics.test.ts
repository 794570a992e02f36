import { COORDINATOR, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/** 话题墙 (issue 11): the committee opens topics, people post, the committee closes, pins and hides. */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: { code } });
let n = 0;
const openTopic = async (title = '你心中理想的图书馆') => {
  n += 1;
  return expectOk(await api.call(COORDINATOR, 'topic.open', { title: `${title}${n}`, description: '说说你希望图书馆做哪些改变' })).id as string;
};

describe('topic.open / topic.list', () => {
  it('the committee opens topics, listed newest first, paged without repeats; a retry opens one', async () => {
    const first = expectOk(await api.call(COORDINATOR, 'topic.open', { title: '食堂菜品大家谈', description: '' }, 'topic-open-1'));
    expect(expectOk(await api.call(COORDINATOR, 'topic.open', { title: '食堂菜品大家谈', description: '' }, 'topic-open-1'))).toEqual(first);
    expect(await api.call(COORDINATOR, 'topic.open', { title: '另一个话题标题', description: '' }, 'topic-open-1')).toMatchObject(refused('REQUEST.KEY_REUSED'));
    await openTopic();
    await openTopic();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = expectOk(await api.call(null, 'topic.list', { pageSize: 2, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((t: any) => t.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Three opened here, newest first, then the demo's two older topics.
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen[2]).toBe(first.id);
    expect(seen.slice(3)).toEqual(['tp-demo-library', 'tp-demo-canteen']);
  });

  it('refuses students, responders, strangers and bad input', async () => {
    const before = api.count('topics');
    for (const who of [STUDENT, CS_RESPONDER]) expect(await api.call(who, 'topic.open', { title: '学生不能开话题', description: '' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(null, 'topic.open', { title: '没有登录的人', description: '' })).toMatchObject(refused('AUTH.REQUIRED'));
    for (const data of [{ title: '短' }, { title: { $gt: '' } }, { title: '一个很好的话题', extra: 1 }, { title: 'x'.repeat(200) }]) {
      expect(await api.call(COORDINATOR, 'topic.open', data)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(api.count('topics')).toBe(before);
  });
});

describe('topic.post / topic.posts', () => {
  it('publishes a post once per request, counts it, and never shows a student by name', async () => {
    const topicId = await openTopic();
    const reply = expectOk(await api.call(STUDENT, 'topic.post', { topicId, content: '希望图书馆延长开放时间到晚上十一点' }, 'post-req-1'));
    expect(reply).toMatchObject({ moderation: 'published' });
    expect(expectOk(await api.call(STUDENT, 'topic.post', { topicId, content: '希望图书馆延长开放时间到晚上十一点' }, 'post-req-1'))).toEqual(reply);
    expect(await api.call(STUDENT, 'topic.post', { topicId, content: '换了内容的同一个请求' }, 'post-req-1')).toMatchObject(refused('REQUEST.KEY_REUSED'));
    expectOk(await api.call(OTHER_STUDENT, 'topic.post', { topicId, content: '多一些自习座位就好了', anonymous: true }));
    expectOk(await api.call(CS_RESPONDER, 'topic.post', { topicId, content: '学院会把大家的意见转给图书馆' }));
    const wall = expectOk(await api.call(null, 'topic.posts', { topicId }));
    expect(wall.topic.postCount).toBe(3);
    expect(wall.items.map((p: any) => p.authorName).sort()).toEqual(['任智宇', '匿名同学', '同学'].sort());
    expect(JSON.stringify(wall)).not.toContain('张晓雨');
    expect(JSON.stringify(wall)).not.toContain('dev-');
  });

  it('refuses what the content check refuses, holds crisis words for a moderator, writing nothing public', async () => {
    const topicId = await openTopic();
    const posts = api.count('topicPosts');
    expect(await api.call(STUDENT, 'topic.post', { topicId, content: '有人需要代考吗，价格好商量' })).toMatchObject(refused('CONTENT.REFUSED'));
    expect(api.count('topicPosts')).toBe(posts);
    expect(expectOk(await api.call(STUDENT, 'topic.post', { topicId, content: '兼职日结，加微信了解' }))).toMatchObject({ moderation: 'review' });
    expect(expectOk(await api.call(STUDENT, 'topic.post', { topicId, content: '我真的不想活了，活着没有意义' }))).toMatchObject({ moderation: 'review' });
    expect(expectOk(await api.call(null, 'topic.posts', { topicId })).items).toEqual([]);
  });

  it('refuses closed and unknown topics, strangers and bad input', async () => {
    const topicId = await openTopic();
    expectOk(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'close' }));
    expect(await api.call(STUDENT, 'topic.post', { topicId, content: '关闭后还能发吗' })).toMatchObject(refused('TOPIC.CLOSED'));
    expect(await api.call(STUDENT, 'topic.post', { topicId: 'tp_nope', content: '没有这个话题' })).toMatchObject(refused('TOPIC.NOT_FOUND'));
    expect(await api.call(null, 'topic.post', { topicId, content: '没有登录' })).toMatchObject(refused('AUTH.REQUIRED'));
    for (const data of [{ topicId }, { topicId, content: '好' }, { topicId, content: 'x'.repeat(400) }, { topicId, content: '正常内容', anonymous: 'yes' }]) {
      expect(await api.call(STUDENT, 'topic.post', data)).toMatchObject(refused('INPUT.INVALID'));
    }
    expect(await api.call(null, 'topic.posts', { topicId: 'tp_nope' })).toMatchObject(refused('TOPIC.NOT_FOUND'));
    expect(await api.call(null, 'topic.posts', { topicId, cursor: 'bad' })).toMatchObject(refused('INPUT.INVALID'));
  });
});

describe('topic.manage', () => {
  it('pins a post above the others and hides one from the wall', async () => {
    const topicId = await openTopic();
    const a = expectOk(await api.call(STUDENT, 'topic.post', { topicId, content: '第一条发言内容' })).id;
    const b = expectOk(await api.call(OTHER_STUDENT, 'topic.post', { topicId, content: '第二条发言内容' })).id;
    expect(expectOk(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'pin', postId: a })).post).toMatchObject({ id: a, pinned: true });
    expect(expectOk(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'hide', postId: b, reason: '与话题无关' })).post).toMatchObject({ id: b, moderation: 'hidden' });
    const wall = expectOk(await api.call(null, 'topic.posts', { topicId }));
    expect(wall.pinned.map((p: any) => p.id)).toEqual([a]);
    expect(wall.items.map((p: any) => p.id)).toEqual([a]);
    expect(expectOk(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'reopen' })).topic.state).toBe('open');
  });

  it('refuses everyone but the committee, posts of another topic and bad input', async () => {
    const topicId = await openTopic();
    const other = await openTopic();
    const post = expectOk(await api.call(STUDENT, 'topic.post', { topicId, content: '一条普通的发言' })).id;
    for (const who of [STUDENT, CS_RESPONDER]) expect(await api.call(who, 'topic.manage', { topicId, op: 'hide', postId: post })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(COORDINATOR, 'topic.manage', { topicId: other, op: 'pin', postId: post })).toMatchObject(refused('POST.NOT_FOUND'));
    expect(await api.call(COORDINATOR, 'topic.manage', { topicId: 'tp_nope', op: 'close' })).toMatchObject(refused('TOPIC.NOT_FOUND'));
    expect(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'pin' })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'close', postId: post })).toMatchObject(refused('INPUT.INVALID'));
    expect(await api.call(COORDINATOR, 'topic.manage', { topicId, op: 'delete', postId: post })).toMatchObject(refused('INPUT.INVALID'));
    expect(expectOk(await api.call(null, 'topic.posts', { topicId })).items.map((p: any) => p.id)).toEqual([post]);
  });

  it('reads through declared indexes', async () => {
    const topicId = await openTopic();
    api.resetStats();
    await api.call(STUDENT, 'topic.post', { topicId, content: '索引测试的发言' });
    await api.call(null, 'topic.posts', { topicId });
    await api.call(null, 'topic.list', {});
    expect(api.stats().unindexed).toEqual([]);
  });
});

describe('a person who leaves', () => {
  it('exports their posts, and deleting the account removes them from the wall', async () => {
    const topicId = await openTopic();
    expectOk(await api.call('leaving-poster', 'topic.post', { topicId, content: '离开前的最后一条发言' }));
    expect(expectOk(await api.call('leaving-poster', 'me.export', {})).topicPosts).toEqual([expect.objectContaining({ topicId, content: '离开前的最后一条发言' })]);
    expectOk(await api.call('leaving-poster', 'me.delete', { confirm: '注销账号' }));
    expect(expectOk(await api.call(null, 'topic.posts', { topicId })).items).toEqual([]);
  });
});
