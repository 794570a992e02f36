import { askAsStudent, COORDINATOR, CS_PEER, CS_RESPONDER, expectOk, OTHER_STUDENT, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Trust and safety (issue 8): the rules about who may do what with their own
 * question, what anonymity promises, and text that is never content.
 */
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe('nobody handles their own question', () => {
  it('refuses a responder who asked it: no official answer, no follow-up, no handling; another responder answers and the asker rates', async () => {
    const id = expectOk(
      await api.call(CS_PEER, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '我自己提的问题', content: '作为答复人员，我自己也有一个学业上的问题想问。' }),
    ).id;
    expect(await api.call(CS_PEER, 'answer.post', { questionId: id, content: '我来答复我自己的问题。' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    for (const [action, data] of [
      ['question.claim', {}],
      ['question.transfer', { toUnitId: 'd-academic', reason: '转给教务处' }],
    ] as const) {
      expect(await api.call(CS_PEER, action, { questionId: id, ...data })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    }
    const asAsker = expectOk(await api.call(CS_PEER, 'question.get', { id }));
    expect(asAsker).toMatchObject({ viewerIsAsker: true, viewerIsHandler: false, viewerCanAnswer: false, viewerActions: [] });

    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '另一位老师的答复。' }));
    expect(await api.call(CS_PEER, 'answer.post', { questionId: id, content: '补充一下我自己的问题。' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await api.call(CS_PEER, 'question.startHandling', { questionId: id, note: '' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expectOk(await api.call(CS_PEER, 'question.rate', { questionId: id, satisfied: true }));
  });

  it('holds for the coordinator too: another handler answers their question', async () => {
    const id = expectOk(
      await api.call(COORDINATOR, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '协管自己的问题', content: '协管老师自己提出的一个问题，需要别人来答复。' }),
    ).id;
    expect(await api.call(COORDINATOR, 'answer.post', { questionId: id, content: '协管答复自己。' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '学院老师的答复。' }));
  });
});

describe('what anonymity promises', () => {
  it('hides the asker’s name and college from everyone but the asker and the handlers; the handling unit stays public', async () => {
    const id = await askAsStudent(api, { title: '匿名提问的隐私', anonymous: true });
    const other = expectOk(await api.call(OTHER_STUDENT, 'question.get', { id }));
    expect(other).toMatchObject({ askerName: '匿名同学', collegeId: null, ownerUnitName: '计算机科学与技术学院团委' });
    expect(JSON.stringify(other)).not.toContain('张晓雨');
    expect(JSON.stringify(other)).not.toContain('"collegeId":"c-cs"');
    expect(expectOk(await api.call(STUDENT, 'question.get', { id }))).toMatchObject({ askerName: '张晓雨', collegeId: 'c-cs' });
    expect(expectOk(await api.call(CS_RESPONDER, 'question.get', { id }))).toMatchObject({ askerName: '张晓雨', collegeId: 'c-cs' });
  });
});

describe('text that is never content', () => {
  it.each([
    ['a title of zero-width characters', { title: '\u200B\u200B\u200B\u200B\u200B' }],
    ['a title of spaces and controls', { title: ' \u0000\u0007 \u001b ' }],
    ['content shorter than 10 visible characters once normalised', { content: '\u202E短短\u202C' + ' '.repeat(20) }],
  ])('refuses %s and writes nothing', async (_label, fields) => {
    const before = api.count('questions');
    const reply = await api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '一个正常的标题', content: '一个正常的问题内容，长度足够通过校验。', ...fields });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    expect(api.count('questions')).toBe(before);
  });

  it('stores title, content, reason, note, notice and comment normalised', async () => {
    const id = expectOk(
      await api.call(STUDENT, 'question.ask', { collegeId: 'c-cs', categoryId: 'cat-study', title: '\u202E宿舍\u0000热水\n几点供应', content: '最近晚上\u0007十点以后\u200B就没有热水了。\r\n\r\n\r\n谢谢' }),
    ).id;
    expect(api.question(id)).toMatchObject({ title: '宿舍热水 几点供应', content: '最近晚上十点以后就没有热水了。\n\n谢谢' });
    expectOk(await api.call(CS_RESPONDER, 'answer.post', { questionId: id, content: '答复\u0008内容' }));
    expectOk(await api.call(CS_RESPONDER, 'question.startHandling', { questionId: id, note: '办理\u001b说明' }));
    expectOk(await api.call(CS_RESPONDER, 'question.resolve', { questionId: id, note: '已\u200B办结' }));
    expectOk(await api.call(STUDENT, 'question.rate', { questionId: id, satisfied: true, comment: '谢谢\u202E老师' }));
    const q = api.question(id);
    expect(q.answers[0].content).toBe('答复内容');
    expect(q.timeline.map((e: any) => e.reason)).toEqual(expect.arrayContaining(['办理说明', '已办结', '谢谢老师']));
  });
});
