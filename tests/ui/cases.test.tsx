import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CasesPage, { CASES_DENIED } from '../../miniprogram/src/admin/pages/cases/index';
import CaseMarkPage, { CASE_MARK_DENIED } from '../../miniprogram/src/admin/pages/case-mark/index';
import QuestionPage from '../../miniprogram/src/pages/question/index';
import { listCases, markCase } from '../../miniprogram/src/services/stats.service';
import { getQuestion } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { CaseItem } from '@shared/contracts/typical-case.contract';
import type { Me } from '@shared/contracts/me.contract';
import { DAY_MS } from '@shared/domain/statistics';
import { taroState } from './support/taro-double';
import { NOW, detail, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/stats.service');
jest.mock('../../miniprogram/src/services/question.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/question.service'),
  getQuestion: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/me.service');

const as = (name: string, roles: Me['roles']): Me => ({ ...studentMe, name, roles });
const responder = as('任智宇', ['responder']);

const item = (overrides: Partial<CaseItem> = {}): CaseItem => ({
  questionId: 'q3',
  title: '宿舍热水几点供应？',
  kind: 'offline',
  writeUp: '协调后勤延长热水供应时间到 23 点。',
  unitId: 'u-cs',
  unitName: '计算机学院团委',
  categoryName: '后勤',
  status: 'resolved',
  visibility: 'public',
  askedAt: NOW - 6 * DAY_MS,
  markedAt: NOW - 5 * DAY_MS,
  markedByName: '高鹏',
  ...overrides,
});

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(responder);
  jest.mocked(listCases).mockReset().mockResolvedValue({ items: [item(), item({ questionId: 'q4', kind: 'online', title: '奖学金评定标准' })], nextCursor: null });
  jest.mocked(markCase).mockReset();
  jest.mocked(getQuestion).mockReset().mockResolvedValue(detail({ id: 'q1', viewerIsHandler: true, viewerCanMarkCase: true, status: 'answered' }));
});

describe('典型案例 list', () => {
  it('lists cases with kind, write-up and who marked them, filters by kind, and opens the question', async () => {
    render(<CasesPage />);
    expect(await screen.findByText('宿舍热水几点供应？')).toBeTruthy();
    expect(screen.getAllByText('协调后勤延长热水供应时间到 23 点。')).toHaveLength(2);
    expect(screen.getAllByText(/计算机学院团委 · 后勤 · 高鹏 于 .* 标记/)).toHaveLength(2);
    fireEvent.click(screen.getAllByText('线上典型案例')[0]!);
    await waitFor(() => expect(listCases).toHaveBeenLastCalledWith({ kind: 'online' }, undefined));
    fireEvent.click(screen.getByText('奖学金评定标准'));
    expect(taroState.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/pages/question/index?id=q4' });
  });

  it('is not for students', async () => {
    jest.mocked(getMe).mockResolvedValue(studentMe);
    render(<CasesPage />);
    expect(await screen.findByText(CASES_DENIED)).toBeTruthy();
    expect(listCases).not.toHaveBeenCalled();
  });
});

describe('标记为典型案例', () => {
  beforeEach(() => {
    taroState.params = { id: 'q1' };
  });

  it('is offered on the question page to its handlers once answered', async () => {
    render(<QuestionPage />);
    fireEvent.click(await screen.findByText('标记为典型案例 ›'));
    expect(taroState.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/admin/pages/case-mark/index?id=q1' });
  });

  it('is not offered to the public', async () => {
    jest.mocked(getQuestion).mockResolvedValue(detail({ id: 'q1', viewerCanMarkCase: false, typicalCase: null }));
    render(<QuestionPage />);
    await screen.findByText(detail().title);
    expect(screen.queryByText(/典型案例/)).toBeNull();
  });

  it('checks kind and write-up before sending, then marks', async () => {
    jest.mocked(markCase).mockResolvedValue({ questionId: 'q1', typicalCase: { kind: 'online', writeUp: '答复清楚，附上了办事流程和联系电话。', markedAt: NOW, markedByName: '任智宇' }, version: 4 });
    render(<CaseMarkPage />);
    fireEvent.click(await screen.findByText('标记为典型案例'));
    expect(screen.getByText('请选择线上案例或线下案例')).toBeTruthy();
    fireEvent.click(screen.getByText('线上典型案例'));
    fireEvent.input(screen.getByPlaceholderText(/做了什么、结果如何/), { target: { value: '太短' } });
    fireEvent.click(screen.getByText('标记为典型案例'));
    expect(screen.getByText('请写至少 10 个字的案例说明')).toBeTruthy();
    expect(markCase).not.toHaveBeenCalled();
    fireEvent.input(screen.getByPlaceholderText(/做了什么、结果如何/), { target: { value: '答复清楚，附上了办事流程和联系电话。' } });
    fireEvent.click(screen.getByText('标记为典型案例'));
    expect(await screen.findByText('已标记为线上典型案例')).toBeTruthy();
    expect(markCase).toHaveBeenCalledWith({ questionId: 'q1', kind: 'online', writeUp: '答复清楚，附上了办事流程和联系电话。' }, expect.any(String));
  });

  it('edits or removes an existing case, and shows the server’s refusal', async () => {
    jest.mocked(getQuestion).mockResolvedValue(
      detail({ id: 'q1', viewerCanMarkCase: true, status: 'resolved', typicalCase: { kind: 'offline', writeUp: '协调后勤延长热水供应时间。', markedAt: NOW - DAY_MS, markedByName: '高鹏' } }),
    );
    jest.mocked(markCase).mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只有负责单位的答复人员、单位管理员或协管可以标记典型案例'));
    render(<CaseMarkPage />);
    expect((await screen.findByPlaceholderText(/做了什么、结果如何/) as HTMLTextAreaElement).value).toBe('协调后勤延长热水供应时间。');
    fireEvent.click(screen.getByText('取消标记'));
    expect(await screen.findByText('只有负责单位的答复人员、单位管理员或协管可以标记典型案例')).toBeTruthy();
    jest.mocked(markCase).mockResolvedValueOnce({ questionId: 'q1', typicalCase: null, version: 5 });
    fireEvent.click(screen.getByText('取消标记'));
    expect(await screen.findByText('已取消典型案例标记')).toBeTruthy();
    expect(jest.mocked(markCase).mock.calls[1]![0]).toEqual({ questionId: 'q1', kind: 'none', writeUp: '' });
  });

  it('says who may mark when the viewer may not, and waits for an answer', async () => {
    jest.mocked(getQuestion).mockResolvedValueOnce(detail({ id: 'q1', viewerCanMarkCase: false }));
    const { unmount } = render(<CaseMarkPage />);
    expect(await screen.findByText(CASE_MARK_DENIED)).toBeTruthy();
    unmount();
    jest.mocked(getQuestion).mockResolvedValueOnce(detail({ id: 'q1', viewerCanMarkCase: true, status: 'routed' }));
    render(<CaseMarkPage />);
    expect(await screen.findByText('问题答复后才能标记为典型案例')).toBeTruthy();
  });
});
