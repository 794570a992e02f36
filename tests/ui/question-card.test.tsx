import { render, screen, within } from '@testing-library/react';
import { QuestionCard } from '../../miniprogram/src/components/question-card';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { NOW, summary } from './support/fixtures';

const overdueClaimedReopened = summary({
  title: '宿舍漏水没人管',
  status: 'routed',
  answeredAt: null,
  urgent: true,
  deadlineAt: NOW - HOUR_MS,
  assigneeName: '夏晶',
  reopenedAt: NOW - 2 * HOUR_MS,
});

test('on the workbench a card shows urgent, overdue and reopened markers and who claimed it', () => {
  render(<QuestionCard question={overdueClaimedReopened} now={NOW} onOpen={() => undefined} forHandlers />);
  const card = screen.getByText('宿舍漏水没人管').closest('.q-card') as HTMLElement;
  expect(Array.from(card.querySelectorAll('.badge')).map((b) => b.textContent)).toEqual(['紧急', '已超时', '重新办理', '后勤']);
  expect(within(card).getByText('认领人 夏晶')).toBeTruthy();
});

test('a card that nobody claimed says so on the workbench', () => {
  render(<QuestionCard question={summary({ title: '无人认领' })} now={NOW} onOpen={() => undefined} forHandlers />);
  expect(screen.getByText('未认领')).toBeTruthy();
});

test('in a student list the card shows nothing handler-only, even if a name came along', () => {
  render(<QuestionCard question={summary({ title: '学生看到的问题', assigneeName: '夏晶' })} now={NOW} onOpen={() => undefined} />);
  const card = screen.getByText('学生看到的问题').closest('.q-card') as HTMLElement;
  expect(card.textContent).not.toContain('夏晶');
  expect(card.textContent).not.toContain('认领');
});
