import tcb from '@cloudbase/node-sdk';
import { COORDINATOR, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 11, 青年视角 (articles with a cover in cloud storage, the 14-day
 * reminder) and 话题墙 (topics, anonymous takes, comments, pin/close/hide).
 */
let api: LocalApi;
let cover: string;
let notPicture: string;
beforeAll(async () => {
  api = await startLocalApi();
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3f1a2a80000000049454e44ae426082', 'hex');
  cover = (await tcb.init({ env: 'local-dev' }).uploadFile({ cloudPath: 'articles/test-cover.png', fileContent: png })).fileID!;
  notPicture = (await tcb.init({ env: 'local-dev' }).uploadFile({ cloudPath: 'articles/notes.txt', fileContent: Buffer.from('not a picture') })).fileID!;
});
afterAll(() => api.stop());

const CS_ADMIN = 'dev-cs-league';
const ECON_ADMIN = 'dev-econ-league';
const SCHOOL_ADMIN = 'dev-admin';
const DAY = 24 * 60 * 60 * 1000;
const refused = (code: string) => ({ ok: false, error: { code } });
const BODY = '这是一篇计算机学院团委的原创文章，讲述同学们在实验室里通宵调试代码、互相帮助解决难题的故事，也写到了老师们的陪伴与指导。'.repeat(2);

const article = (overrides: Record<string, unknown> = {}) => ({ unitId: 'c-cs', title: '在代码里读懂青春', coverFileId: cover, body: BODY, ...overrides });

describe('青年视角 articles', () => {
  it('are published by the unit’s admin, the coordinator or the school admin, with a stored cover, and nobody else', async () => {
    const id = expectOk(await api.call(CS_ADMIN, 'article.publish', article(), 'article-0001')).id;
    expect(expectOk(await api.call(COORDINATOR, 'article.publish', article({ unitId: 'c-econ', title: '经院青年说' }))).id).toBeTruthy();
    expect(expectOk(await api.call(SCHOOL_ADMIN, 'article.publish', article({ unitId: 'u-school', title: '校团委寄语' }))).id).toBeTruthy();
    for (const who of [ECON_ADMIN, CS_RESPONDER, STUDENT]) expect(await api.call(who, 'article.publish', article())).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(null, 'article.publish', article())).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(CS_ADMIN, 'article.publish', article({ coverFileId: 'cloud://local-dev.bucket/articles/none.png' }))).toMatchObject(refused('FILE.NOT_FOUND'));
    // A cover is checked as a picture is: a stored file that is not an image is refused.
    expect(await api.call(CS_ADMIN, 'article.publish', article({ coverFileId: notPicture }))).toMatchObject(refused('FILE.TYPE'));
    expect(await api.call(CS_ADMIN, 'article.publish', article({ body: `${BODY}出售答案，联系我。` }))).toMatchObject(refused('CONTENT.REFUSED'));
    // A retry answers the same; the same request id with another article is refused.
    expect(expectOk(await api.call(CS_ADMIN, 'article.publish', article(), 'article-0001')).id).toBe(id);
    expect(await api.call(CS_ADMIN, 'article.publish', article({ title: '另一篇文章标题' }), 'article-0001')).toMatchObject(refused('REQUEST.KEY_REUSED'));
    expect(api.count('articles', { title: '在代码里读懂青春' })).toBe(1);

    const page = expectOk(await api.call(null, 'article.list', {}));
    expect(page.items[0]).toMatchObject({ title: '校团委寄语', unitName: '校团委', likeCount: 0 });
    expect(page.items.find((a: { id: string }) => a.id === id).coverUrl).toMatch(/^https?:\/\//);
    const mine = expectOk(await api.call(null, 'article.list', { unitId: 'c-cs' }));
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(mine.items.every((a: { unitId: string }) => a.unitId === 'c-cs')).toBe(true);
    expect(expectOk(await api.call(STUDENT, 'article.get', { id })).article).toMatchObject({ body: BODY, authorName: '计算机科学与技术学院团委' });
  });

  it('are taken down by moderators only, and a hidden one is gone for the public', async () => {
    const id = expectOk(await api.call(CS_ADMIN, 'article.publish', article({ title: '待撤下的文章' }))).id;
    expect(await api.call(CS_ADMIN, 'article.hide', { articleId: id, hidden: true, reason: '内容不实' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(expectOk(await api.call(COORDINATOR, 'article.hide', { articleId: id, hidden: true, reason: '内容不实' }))).toEqual({ hidden: true });
    expect(await api.call(STUDENT, 'article.get', { id })).toMatchObject(refused('ARTICLE.NOT_FOUND'));
    expect(await api.call(null, 'article.get', { id })).toMatchObject(refused('ARTICLE.NOT_FOUND'));
    expect(expectOk(await api.call(CS_ADMIN, 'article.get', { id })).article.hidden).toBe(true);
    expect(expectOk(await api.call(null, 'article.list', { pageSize: 50 })).items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect(api.find('audit', { action: 'article.hide' })).toHaveLength(1);
  });

  it('refuses bad input', async () => {
    for (const bad of [article({ title: 'a' }), article({ body: '太短' }), article({ coverFileId: 'http://x/y.png' }), article({ coverFileId: { $gt: '' } }), article({ extra: 1 })]) {
      expect(await api.call(CS_ADMIN, 'article.publish', bad)).toMatchObject(refused('INPUT.INVALID'));
    }
    for (const [action, data] of [['article.list', { pageSize: 0 }], ['article.get', { id: 'a b' }], ['article.hide', { articleId: 'x', hidden: 'yes', reason: '原因' }]] as const) {
      expect(await api.call(COORDINATOR, action, data)).toMatchObject(refused('INPUT.INVALID'));
    }
  });
});

describe('话题墙 topics', () => {
  let topic: string;
  beforeAll(async () => {
    topic = expectOk(await api.call(CS_ADMIN, 'topic.create', { unitId: 'c-cs', title: '你心中的理想学院', description: '说说你希望学院的学习生活有哪些改变。' })).id;
  });

  it('are opened by a league committee’s admin, the coordinator or the school admin', async () => {
    expect(expectOk(await api.call(COORDINATOR, 'topic.create', { unitId: 'u-school', title: '校园里的微小改变', description: '你注意到了校园里哪些微小的改变？' })).id).toBeTruthy();
    expect(await api.call(ECON_ADMIN, 'topic.create', { unitId: 'c-cs', title: '别人的话题', description: '其他学院的管理员不能在这里开话题。' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    for (const who of [CS_RESPONDER, STUDENT]) expect(await api.call(who, 'topic.create', { unitId: 'c-cs', title: '学生开话题', description: '学生和答复人不能开设话题。' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(SCHOOL_ADMIN, 'topic.create', { unitId: 'd-logistics', title: '部门开话题', description: '职能部门不是团委，不开设话题。' })).toMatchObject(refused('INPUT.INVALID'));
    for (const who of [ECON_ADMIN, CS_RESPONDER, STUDENT]) {
      expect(await api.call(who, 'topic.pin', { topicId: topic, pinned: true })).toMatchObject(refused('AUTH.FORBIDDEN'));
      expect(await api.call(who, 'topic.close', { topicId: topic, closed: true })).toMatchObject(refused('AUTH.FORBIDDEN'));
      expect(await api.call(who, 'topic.hide', { topicId: topic, hidden: true, reason: '测试' })).toMatchObject(refused('AUTH.FORBIDDEN'));
    }
  });

  it('takes posts and comments, and never names an anonymous author to anyone else', async () => {
    const post = expectOk(await api.call(STUDENT, 'topic.post', { topicId: topic, content: '希望自习室晚上开到十二点', anonymous: true }, 'post-00001'));
    expect(post.moderation).toBe('published');
    expect(expectOk(await api.call(STUDENT, 'topic.post', { topicId: topic, content: '希望自习室晚上开到十二点', anonymous: true }, 'post-00001')).id).toBe(post.id);
    expectOk(await api.call(OTHER_STUDENT, 'topic.comment', { postId: post.id, content: '同意，期末周尤其需要' }));
    for (const viewer of [null, OTHER_STUDENT, CS_ADMIN, COORDINATOR]) {
      const page = expectOk(await api.call(viewer, 'topic.posts', { topicId: topic }));
      const shown = page.items.find((p: { id: string }) => p.id === post.id);
      expect(shown).toMatchObject({ authorName: '匿名同学', anonymous: true, mine: false, commentCount: 1, likeCount: 0 });
      expect(shown.comments[0]).toMatchObject({ authorName: '李思远', content: '同意，期末周尤其需要' });
      expect(JSON.stringify(page)).not.toContain('张晓雨');
    }
    expect(expectOk(await api.call(STUDENT, 'topic.posts', { topicId: topic })).items[0]).toMatchObject({ id: post.id, mine: true });
    expect(expectOk(await api.call(null, 'topic.get', { id: topic })).topic.postCount).toBe(1);
  });

  it('holds a take the content check is unsure of for the committee, and refuses a risky one', async () => {
    expect(await api.call(STUDENT, 'topic.post', { topicId: topic, content: '有人代考吗，价格好商量' })).toMatchObject(refused('CONTENT.REFUSED'));
    const held = expectOk(await api.call(OTHER_STUDENT, 'topic.post', { topicId: topic, content: '想交流的同学加微信 abc123' }));
    expect(held.moderation).toBe('review');
    const ids = async (who: string | null, extra = {}) => expectOk(await api.call(who, 'topic.posts', { topicId: topic, ...extra })).items.map((p: { id: string }) => p.id);
    expect(await ids(null)).not.toContain(held.id);
    expect(await api.call(STUDENT, 'topic.posts', { topicId: topic, held: true })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await ids(CS_ADMIN, { held: true })).toContain(held.id);
    expectOk(await api.call(CS_ADMIN, 'topic.hide', { postId: held.id, hidden: false, reason: '交流学习，可以公开' }));
    expect(await ids(null)).toContain(held.id);
    expectOk(await api.call(COORDINATOR, 'topic.hide', { postId: held.id, hidden: true, reason: '留联系方式' }));
    expect(await ids(null)).not.toContain(held.id);
    expect(await api.call(STUDENT, 'topic.comment', { postId: held.id, content: '评论被隐藏的发言' })).toMatchObject(refused('TOPIC.POST_NOT_FOUND'));
  });

  it('hides a comment, pins, closes and hides the topic', async () => {
    const post = expectOk(await api.call(STUDENT, 'topic.post', { topicId: topic, content: '希望食堂增加夜宵窗口' })).id;
    const comment = expectOk(await api.call(OTHER_STUDENT, 'topic.comment', { postId: post, content: '这条评论将被隐藏' })).id;
    expectOk(await api.call(CS_ADMIN, 'topic.hide', { postId: post, commentId: comment, hidden: true, reason: '与话题无关' }));
    const shown = expectOk(await api.call(null, 'topic.posts', { topicId: topic })).items.find((p: { id: string }) => p.id === post);
    expect(shown.comments).toEqual([]);
    expect(shown.commentCount).toBe(0);

    expectOk(await api.call(CS_ADMIN, 'topic.pin', { topicId: topic, pinned: true }));
    expect(expectOk(await api.call(null, 'topic.list', {})).items[0]).toMatchObject({ id: topic, pinned: true });
    expectOk(await api.call(CS_ADMIN, 'topic.close', { topicId: topic, closed: true }));
    expect(await api.call(STUDENT, 'topic.post', { topicId: topic, content: '关闭后还能发言吗' })).toMatchObject(refused('TOPIC.CLOSED'));
    expect(await api.call(STUDENT, 'topic.comment', { postId: post, content: '关闭后评论' })).toMatchObject(refused('TOPIC.CLOSED'));
    expectOk(await api.call(SCHOOL_ADMIN, 'topic.hide', { topicId: topic, hidden: true, reason: '话题结束' }));
    expect(expectOk(await api.call(null, 'topic.list', {})).items.map((t: { id: string }) => t.id)).not.toContain(topic);
    expect(await api.call(STUDENT, 'topic.get', { id: topic })).toMatchObject(refused('TOPIC.NOT_FOUND'));
    expect(await api.call(STUDENT, 'topic.posts', { topicId: topic })).toMatchObject(refused('TOPIC.NOT_FOUND'));
    expect(expectOk(await api.call(CS_ADMIN, 'topic.get', { id: topic })).topic.hidden).toBe(true);
    expect(api.find('audit', { action: 'topic.hide' }).length).toBeGreaterThanOrEqual(2);
  });

  it('pages the takes without repeats', async () => {
    const wall = expectOk(await api.call(COORDINATOR, 'topic.create', { unitId: 'u-school', title: '分页测试话题', description: '用于检查发言分页不重复不遗漏。' })).id;
    for (let i = 0; i < 5; i++) expectOk(await api.call(`pager-${i}`, 'topic.post', { topicId: wall, content: `第 ${i} 条发言内容` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = expectOk(await api.call(null, 'topic.posts', { topicId: wall, pageSize: 2, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses bad input', async () => {
    for (const [action, data] of [
      ['topic.create', { unitId: 'c-cs', title: '', description: '描述内容足够长了吗' }],
      ['topic.create', { unitId: 'c-cs', title: '标题', description: '短' }],
      ['topic.list', { pageSize: 51 }],
      ['topic.get', {}],
      ['topic.post', { topicId: topic, content: 'x'.repeat(301) }],
      ['topic.post', { topicId: topic, content: '   ' }],
      ['topic.posts', { topicId: topic, cursor: '1.2.3' }],
      ['topic.comment', { postId: 'p', content: '' }],
      ['topic.pin', { topicId: topic, pinned: 'yes' }],
      ['topic.close', { topicId: topic }],
      ['topic.hide', { hidden: true, reason: '没有目标' }],
      ['topic.hide', { topicId: topic, postId: 'p', hidden: true, reason: '两个目标' }],
      ['topic.hide', { topicId: topic, commentId: 'c', hidden: true, reason: '评论缺发言' }],
    ] as const) {
      expect(await api.call(COORDINATOR, action, data)).toMatchObject(refused('INPUT.INVALID'));
    }
  });
});

describe('the 14-day article reminder', () => {
  it('reminds a unit that has not published for 14 days, once per lapse, and again after its next lapse', async () => {
    await api.tick(); // clocks start for units without one
    api.advance(15 * DAY);
    const first = await api.tick();
    expect(first.articles.reminded).toBeGreaterThan(0);
    const econ = () => api.find('notifications', { kind: 'articleDue', recipientOpenid: ECON_ADMIN });
    const cs = () => api.find('notifications', { kind: 'articleDue', recipientOpenid: CS_ADMIN });
    expect(econ()).toHaveLength(1);
    expect(cs()).toHaveLength(1);
    expect(econ()[0]).toMatchObject({ subject: { type: 'unit', id: 'c-econ' }, unitId: 'c-econ' });
    expect((await api.tick()).articles.reminded).toBe(0);
    expect(econ()).toHaveLength(1);

    // 计算机学院 publishes: its clock starts again; 经济学院 is not reminded twice for the same lapse.
    expectOk(await api.call(CS_ADMIN, 'article.publish', article({ title: '新的一篇原创文章' })));
    api.advance(10 * DAY);
    await api.tick();
    expect(cs()).toHaveLength(1);
    expect(econ()).toHaveLength(1);
    api.advance(5 * DAY);
    await api.tick();
    expect(cs()).toHaveLength(2);
    expect(econ()).toHaveLength(1);
  });
});

it('served every board query from a declared index', () => {
  expect(api.stats().unindexed).toEqual([]);
});
