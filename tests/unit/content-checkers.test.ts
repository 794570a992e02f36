import { BUILT_IN_WORDS, ChainedContentChecker, KeywordContentChecker, normaliseForMatching } from '../../shared/server/adapters/keyword-content-checker';
import { WechatContentChecker } from '../../shared/server/adapters/wechat-content-checker';
import { localPhoneNumbers, WechatPhoneNumbers } from '../../shared/server/adapters/phone-numbers';
import type { ModerationWordsRecord } from '../../shared/server/ports/records';

const words = (block: string[], review: string[]): ModerationWordsRecord => ({ _id: 'moderation-words', block, review, updatedAt: 0 });
const ctx = { openid: 'o-1', scene: 'question' as const };

describe('the school word list (mint-filter over normalised text)', () => {
  it('sees through spaces, punctuation, full-width letters and case', async () => {
    const checker = new KeywordContentChecker({ moderationWords: async () => words(['代考'], ['加微信']) });
    expect(normaliseForMatching('加 Ｖ·信')).toBe('加v信');
    expect(await checker.check('有没有人 代-考 的')).toEqual({ verdict: 'risky', label: '关键词：代考' });
    expect(await checker.check('教材转让，加 微 信 聊')).toEqual({ verdict: 'review', label: '关键词：加微信' });
    expect(await checker.check('宿舍热水几点供应？')).toEqual({ verdict: 'pass', label: null });
  });

  it('uses the built-in list until a school sets its own, and re-reads the list after its cache time', async () => {
    let record: ModerationWordsRecord | null = null;
    let now = 0;
    const checker = new KeywordContentChecker({ moderationWords: async () => record }, 60_000, () => now);
    expect((await checker.check(`${BUILT_IN_WORDS.review[0]}了解一下`)).verdict).toBe('review');
    record = words(['新词'], []);
    expect((await checker.check('新词')).verdict).toBe('pass'); // still cached
    now = 60_001;
    expect((await checker.check('新词')).verdict).toBe('risky');
  });
});

describe('WeChat msgSecCheck v2', () => {
  const withAnswer = (answer: object | Error, log: string[] = []) => {
    const calls: Record<string, unknown>[] = [];
    const api = { security: { msgSecCheck: async (args: Record<string, unknown>) => { calls.push(args); if (answer instanceof Error) throw answer; return answer; } } };
    return { checker: new WechatContentChecker((l) => log.push(l), api as never), calls };
  };

  it('sends the author, the forum scene and version 2, and maps suggest and label', async () => {
    const { checker, calls } = withAnswer({ errCode: 0, result: { suggest: 'risky', label: 20001 } });
    expect(await checker.check('文本', ctx)).toEqual({ verdict: 'risky', label: '微信内容安全：时政' });
    expect(calls).toEqual([{ openid: 'o-1', scene: 3, version: 2, content: '文本' }]);
    expect(await withAnswer({ errCode: 0, result: { suggest: 'review', label: 10001 } }).checker.check('x', ctx)).toEqual({ verdict: 'review', label: '微信内容安全：广告' });
    expect(await withAnswer({ errCode: 0, result: { suggest: 'pass', label: 100 } }).checker.check('x', ctx)).toEqual({ verdict: 'pass', label: null });
  });

  it('holds the text for a moderator when the check cannot be made, and says why in the log', async () => {
    const log: string[] = [];
    const { checker } = withAnswer(Object.assign(new Error('no permission'), { errCode: -604101, errMsg: 'no permission' }), log);
    expect(await checker.check('x', ctx)).toEqual({ verdict: 'review', label: '内容安全检查暂不可用' });
    expect(log.join('\n')).toMatch(/-604101/);
  });

  it('checks long text in pieces of 2 500 characters', async () => {
    const { checker, calls } = withAnswer({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    await checker.check('字'.repeat(6000), ctx);
    expect(calls.map((c) => [...String(c.content)].length)).toEqual([2500, 2500, 1000]);
  });

  it('chains after the word list: the strictest verdict wins, a risky stops the chain', async () => {
    const { checker: wechat, calls } = withAnswer({ errCode: 0, result: { suggest: 'review', label: 10001 } });
    const chain = new ChainedContentChecker([new KeywordContentChecker({ moderationWords: async () => words(['代考'], []) }), wechat]);
    expect(await chain.check('代考', ctx)).toMatchObject({ verdict: 'risky' });
    expect(calls).toHaveLength(0);
    expect(await chain.check('广告', ctx)).toEqual({ verdict: 'review', label: '微信内容安全：广告' });
  });
});

describe('phone numbers from WeChat’s button', () => {
  it('reads the pure number, treats an invalid code as "ask again", and logs other failures', async () => {
    const log: string[] = [];
    const ok = new WechatPhoneNumbers({ phonenumber: { getPhoneNumber: async () => ({ errCode: 0, phoneInfo: { purePhoneNumber: '13800001111', phoneNumber: '+8613800001111' } }) } });
    expect(await ok.fromCode('c', 'o')).toBe('13800001111');
    const invalid = new WechatPhoneNumbers({ phonenumber: { getPhoneNumber: async () => { throw Object.assign(new Error('invalid code'), { errCode: 40029, errMsg: 'invalid code' }); } } }, (l) => log.push(l));
    expect(await invalid.fromCode('c', 'o')).toBeNull();
    expect(log).toEqual([]);
    const denied = new WechatPhoneNumbers({ phonenumber: { getPhoneNumber: async () => ({ errCode: -604101, errMsg: 'no permission' }) } }, (l) => log.push(l));
    expect(await denied.fromCode('c', 'o')).toBeNull();
    expect(log.join()).toMatch(/-604101/);
  });

  it('accepts only dev-<11 digits> locally', async () => {
    expect(await localPhoneNumbers.fromCode('dev-13800001111', 'o')).toBe('13800001111');
    expect(await localPhoneNumbers.fromCode('13800001111', 'o')).toBeNull();
  });
});
