import { API_ACTIONS, isActionName } from '../../shared/contracts/actions';
import { QuestionAskInput } from '../../shared/contracts/question.contract';
import { ERROR_MESSAGES } from '../../shared/domain/errors';

describe('contracts', () => {
  it('declares input and output for every action', () => {
    for (const [name, contract] of Object.entries(API_ACTIONS)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(contract.input).toBeDefined();
      expect(contract.output).toBeDefined();
    }
  });

  it('does not treat inherited object keys as actions', () => {
    expect(isActionName('toString')).toBe(false);
    expect(isActionName('__proto__')).toBe(false);
    expect(isActionName('question.ask')).toBe(true);
  });

  it('trims text, fills defaults and rejects unknown keys', () => {
    const parsed = QuestionAskInput.parse({ collegeId: 'c-cs', categoryId: 'cat-study', title: '  标题四个字  ', content: '内容至少需要十个字的长度' });
    expect(parsed).toMatchObject({ title: '标题四个字', anonymous: false, urgent: false, visibility: 'public' });
    expect(QuestionAskInput.safeParse({ ...parsed, extra: 1 }).success).toBe(false);
  });

  it('has a Chinese message for every error code', () => {
    for (const message of Object.values(ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
