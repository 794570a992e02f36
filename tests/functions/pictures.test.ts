import tcb from '@cloudbase/node-sdk';
import { askAsStudent, COORDINATOR, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 11, pictures in questions and answers: up to three stored images of at
 * most 2 MB each, checked before anything is written, shown through temporary
 * links only to those who may see the question (or the answer).
 */
let api: LocalApi;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3f1a2a80000000049454e44ae426082', 'hex');
const ids: Record<'a' | 'b' | 'c' | 'd' | 'big' | 'text', string> = { a: '', b: '', c: '', d: '', big: '', text: '' };

beforeAll(async () => {
  api = await startLocalApi({ QNZS_ASK_PER_HOUR: '100' });
  const app = tcb.init({ env: 'local-dev' });
  const put = async (cloudPath: string, fileContent: Buffer) => (await app.uploadFile({ cloudPath, fileContent })).fileID!;
  ids.a = await put('questions/pictures/a.png', PNG);
  ids.b = await put('questions/pictures/b.jpg', PNG);
  ids.c = await put('questions/pictures/c.webp', PNG);
  ids.d = await put('questions/pictures/d.gif', PNG);
  ids.big = await put('questions/pictures/big.png', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
  ids.text = await put('questions/pictures/notes.txt', Buffer.from('not a picture'));
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: { code } });
const ask = (fields: Record<string, unknown> = {}) => ({
  collegeId: 'c-cs',
  categoryId: 'cat-study',
  title: '实验报告的格式要求是什么',
  content: '老师发的模板和去年的不一样，附上截图，请问以哪个为准？',
  ...fields,
});
const fetchStatus = async (url: string) => (await fetch(url)).status;

describe('pictures in questions', () => {
  it('are stored with the question, held for a moderator, and linked for the asker and the handlers only', async () => {
    const out = expectOk(await api.call(STUDENT, 'question.ask', ask({ pictures: [ids.a, ids.b] })));
    expect(out.moderation).toBe('review');
    expect(api.question(out.id).pictures).toEqual([ids.a, ids.b]);

    const mine = expectOk(await api.call(STUDENT, 'question.get', { id: out.id }));
    expect(mine.pictureUrls).toHaveLength(2);
    expect(await fetchStatus(mine.pictureUrls[0])).toBe(200);
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id: out.id })).pictureUrls).toHaveLength(2);
    // Held: another student neither sees the question nor gets a link.
    expect(await api.call(OTHER_STUDENT, 'question.get', { id: out.id })).toMatchObject(refused('AUTH.FORBIDDEN'));

    // Once a moderator publishes it, the public sees the pictures too, through links of its own.
    expectOk(await api.call(COORDINATOR, 'moderation.decide', { questionId: out.id, target: 'question', decision: 'publish', reason: '图片无不当内容' }));
    const seen = expectOk(await api.call(OTHER_STUDENT, 'question.get', { id: out.id }));
    expect(seen.pictureUrls).toHaveLength(2);
    const feed = JSON.stringify(expectOk(await api.call(OTHER_STUDENT, 'question.listPublic', {})));
    expect(feed).not.toContain('/storage/');
  });

  it('of a private question are never shown to another student', async () => {
    const out = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '私密问题带图片', visibility: 'private', pictures: [ids.c] })));
    expect(expectOk(await api.call(STUDENT, 'question.get', { id: out.id })).pictureUrls).toHaveLength(1);
    const other = await api.call(OTHER_STUDENT, 'question.get', { id: out.id });
    expect(other).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(JSON.stringify(other)).not.toContain('/storage/');
  });

  it('refuses a missing, too large, non-image, repeated or fourth picture and writes nothing', async () => {
    const before = api.count('questions');
    const quotaBefore = JSON.stringify(api.find('askQuotas'));
    const cases: [unknown, string][] = [
      [[ids.a, 'cloud://local-dev.local-dev-1250000000/questions/pictures/gone.png'], 'FILE.NOT_FOUND'],
      [[ids.big], 'FILE.TOO_LARGE'],
      [[ids.text], 'FILE.TYPE'],
      [[ids.a, ids.b, ids.c, ids.d], 'INPUT.INVALID'],
      [[ids.a, ids.a], 'INPUT.INVALID'],
      [['https://example.com/x.png'], 'INPUT.INVALID'],
    ];
    for (const [i, [pictures, code]] of cases.entries()) {
      expect(await api.call(STUDENT, 'question.ask', ask({ pictures }), `bad-pictures-${i}`)).toMatchObject(refused(code));
    }
    const tooLarge = await api.call(STUDENT, 'question.ask', ask({ pictures: [ids.a, ids.big] }));
    expect(tooLarge).toMatchObject({ ok: false, error: { message: expect.stringContaining('第 2 张图片') } });
    expect(api.count('questions')).toBe(before);
    expect(JSON.stringify(api.find('askQuotas'))).toBe(quotaBefore);
  });

  it('answers a retry with the same request id as the first time, and refuses the id with other pictures', async () => {
    const first = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '重试带图片的提问', pictures: [ids.a] }), 'pictures-retry-1'));
    const again = expectOk(await api.call(STUDENT, 'question.ask', ask({ title: '重试带图片的提问', pictures: [ids.a] }), 'pictures-retry-1'));
    expect(again).toEqual(first);
    expect(api.count('questions', { title: '重试带图片的提问' })).toBe(1);
    expect(await api.call(STUDENT, 'question.ask', ask({ title: '重试带图片的提问', pictures: [ids.b] }), 'pictures-retry-1')).toMatchObject(refused('REQUEST.KEY_REUSED'));
  });
});

describe('pictures in answers', () => {
  it('are checked, stored with the answer, linked to whoever sees the answer, and a retry gives the same answer', async () => {
    const id = await askAsStudent(api, { title: '宿舍网络报修怎么操作' });
    const before = api.question(id);
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '按截图步骤报修即可。', pictures: [ids.text] })).toMatchObject(refused('FILE.TYPE'));
    expect(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '按截图步骤报修即可。', pictures: [ids.a, ids.b, ids.c, ids.d] })).toMatchObject(refused('INPUT.INVALID'));
    expect(api.question(id)).toEqual(before);

    const post = { questionId: id, content: '按截图步骤报修即可。', pictures: [ids.b, ids.c] };
    const reply = expectOk(await api.call(CS_RESPONDER, 'answer.post', post, 'answer-pictures-1'));
    expect(expectOk(await api.call(CS_RESPONDER, 'answer.post', post, 'answer-pictures-1'))).toEqual(reply);
    expect(await api.call(CS_RESPONDER, 'answer.post', { ...post, pictures: [ids.b] }, 'answer-pictures-1')).toMatchObject(refused('REQUEST.KEY_REUSED'));
    expect(api.question(id).answers).toHaveLength(1);
    expect(api.question(id).answers[0].pictures).toEqual([ids.b, ids.c]);

    // A public question: the asker and any student read the answer with its pictures.
    for (const viewer of [STUDENT, OTHER_STUDENT]) {
      const q = expectOk(await api.call(viewer, 'question.get', { id }));
      expect(q.answers[0].pictureUrls).toHaveLength(2);
      expect(q.pictureUrls).toEqual([]);
    }
  });

  it('is refused to a student before any picture is looked at', async () => {
    const id = await askAsStudent(api, { title: '学生不能带图回复' });
    expect(await api.call(OTHER_STUDENT, 'answer.post', { questionId: id, content: '我也想知道这个问题', pictures: [ids.a] })).toMatchObject(refused('AUTH.FORBIDDEN'));
  });
});

describe('pictures and account deletion', () => {
  it('a student who deletes their account takes their question pictures with them; the anonymised question stays', async () => {
    const out = expectOk(await api.call(OTHER_STUDENT, 'question.ask', ask({ title: '宿舍墙皮脱落要报修吗', pictures: [ids.d] })));
    expect(api.question(out.id).pictures).toEqual([ids.d]);
    expectOk(await api.call(OTHER_STUDENT, 'me.delete', { confirm: '注销账号' }));
    expect(api.question(out.id)).toMatchObject({ pictures: [], askerName: expect.any(String) });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id: out.id })).pictureUrls ?? []).toHaveLength(0);
  });
});
