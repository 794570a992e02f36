import { QuestionAskInput } from '../../shared/contracts/question.contract';
import { QuestionRateInput, QuestionTransferInput } from '../../shared/contracts/case.contract';
import { countChars, countVisibleChars, normalizeText } from '../../shared/domain/user-text';

/** What people type is the same text on both sides: normalised, then counted as a person counts. */
describe('normalising typed text', () => {
  it.each([
    ['NUL, BEL, ESC and backspace', '宿舍\u0000热水\u0007坏了\u001b[31m\b', '宿舍热水坏了[31m'],
    ['bidirectional overrides and isolates', '\u202E退款\u202C 链接\u2066x\u2069', '退款 链接x'],
    ['zero-width spaces and the byte-order mark', '\uFEFF热\u200B水\u2060', '热水'],
    ['CR LF and long runs of blank lines', '第一行\r\n\r\n\r\n\r\n第二行', '第一行\n\n第二行'],
    ['runs of spaces, and trailing spaces on a line', '  热水   几点   \n  供应  ', '热水 几点\n 供应'],
  ])('removes %s', (_label, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('keeps a one-line field on one line', () => {
    expect(normalizeText('宿舍\n热水\t坏了', { singleLine: true })).toBe('宿舍 热水 坏了');
  });

  it('counts characters as a person does: an emoji is one, its variation selector and joiners none', () => {
    expect(countChars('好👍')).toBe(2);
    expect(countChars('❤️')).toBe(1);
    expect(countChars('👨‍👩‍👧')).toBe(3);
    expect(countVisibleChars('  好 \n ')).toBe(1);
  });
});

describe('the contracts use it', () => {
  const ask = { collegeId: 'c-cs', categoryId: 'cat-study', title: '宿舍热水几点供应', content: '最近晚上十点以后就没有热水了。' };

  it('refuses a title made only of invisible characters', () => {
    const r = QuestionAskInput.safeParse({ ...ask, title: '\u200B\u200B\u200B\u200B\u200B\u200B' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ path: ['title'], message: '至少 4 个字' });
  });

  it('does not let spaces make up the minimum, and lets emoji count as one each', () => {
    expect(QuestionAskInput.safeParse({ ...ask, title: '热 水   ' }).success).toBe(false);
    expect(QuestionAskInput.safeParse({ ...ask, title: '👍'.repeat(60) }).success).toBe(true);
    expect(QuestionAskInput.safeParse({ ...ask, title: '👍'.repeat(61) }).success).toBe(false);
  });

  it('stores the normalised text', () => {
    const parsed = QuestionAskInput.parse({ ...ask, title: ' \u202E宿舍\u0000热水\n几点供应 ' });
    expect(parsed.title).toBe('宿舍热水 几点供应');
    expect(QuestionTransferInput.parse({ questionId: 'q1', toUnitId: 'd-x', reason: '属于\u0007后勤' }).reason).toBe('属于后勤');
    expect(QuestionRateInput.parse({ questionId: 'q1', satisfied: true, comment: '\u200B' }).comment).toBe('');
  });

  it('refuses a 100 000-character paste before normalising it', () => {
    const r = QuestionAskInput.safeParse({ ...ask, content: '很'.repeat(100_000) });
    expect(r.success).toBe(false);
  });
});
