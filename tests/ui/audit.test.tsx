import { fireEvent, render, screen, within } from '@testing-library/react';
import AuditPage from '../../miniprogram/src/admin/pages/audit/index';
import { listAudit } from '../../miniprogram/src/services/moderation.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { AuditEntry } from '@shared/contracts/moderation.contract';
import type { Me } from '@shared/contracts/me.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/moderation.service');
jest.mock('../../miniprogram/src/services/me.service');

const auditMock = jest.mocked(listAudit);
const as = (name: string, roles: Me['roles']): Me => ({ ...studentMe, name, roles });
const schoolAdmin = as('李天罡', ['schoolAdmin', 'supervisor']);
const coordinator = as('王钰铭', ['coordinator', 'responder']);

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 'au-1',
  at: NOW - 10 * MINUTE_MS,
  actorName: '李天罡',
  action: 'moderation.hide',
  target: '问题「宿舍热水几点供应？」的夏晶的答复：已隐藏',
  reason: '广告引流',
  ...overrides,
});

const hidden = entry({});
const published = entry({
  id: 'au-2',
  at: NOW - 2 * HOUR_MS,
  actorName: '王钰铭',
  action: 'moderation.publish',
  target: '问题「二手教材转让，有需要的同学加微信」的问题：已公开',
  reason: '内容无违规',
});
const unknown = entry({ id: 'au-3', at: NOW - 26 * HOUR_MS, action: 'roles.grant', target: '计算机科学与技术学院团委：高鹏', reason: null });

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  auditMock.mockReset().mockResolvedValue({ items: [hidden, published, unknown], nextCursor: null });
  jest.mocked(getMe).mockResolvedValue(schoolAdmin);
});

const rows = () => Array.from(document.querySelectorAll('.audit-entry'));

describe('操作日志', () => {
  test('only the school admin reads it: the coordinator gets 无权限 and the log is never asked for', async () => {
    jest.mocked(getMe).mockResolvedValue(coordinator);
    render(<AuditPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.getByText('操作日志仅限学校管理员（工作小组组长）查看。')).toBeTruthy();
    expect(auditMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('返回'));
    expect(taroState.navigations).toEqual([{ kind: 'switchTab', url: '/pages/mine/index' }]);
  });

  test('the server refusing the log shows the same state', async () => {
    auditMock.mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只有学校管理员可以查看操作日志'));
    render(<AuditPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });

  test('newest first (the server\'s order): when, who, what in words, to what, why', async () => {
    render(<AuditPage />);
    await screen.findByText('隐藏内容');
    expect(auditMock).toHaveBeenCalledWith(undefined);
    expect(rows().map((r) => r.querySelector('.audit-entry__action')?.textContent)).toEqual(['隐藏内容', '公开内容', 'roles.grant']);

    const [first, second, third] = rows() as HTMLElement[];
    expect(within(first!).getByText('3月2日 09:50')).toBeTruthy();
    expect(within(first!).getByText('操作人：李天罡')).toBeTruthy();
    expect(within(first!).getByText('问题「宿舍热水几点供应？」的夏晶的答复：已隐藏')).toBeTruthy();
    expect(within(first!).getByText('理由：广告引流')).toBeTruthy();
    expect(first!.querySelector('.audit-entry__action')?.className).toContain('audit-entry__action--moderation-hide');

    expect(within(second!).getByText('操作人：王钰铭')).toBeTruthy();
    expect(within(second!).getByText('理由：内容无违规')).toBeTruthy();
    expect(second!.querySelector('.audit-entry__action')?.className).toContain('audit-entry__action--moderation-publish');

    // An action this build does not know yet is shown as the server names it, never dropped.
    expect(third!.querySelector('.audit-entry__action')?.className).toContain('audit-entry__action--raw');
    expect(within(third!).getByText('3月1日 08:00')).toBeTruthy();
    expect(third!.textContent).not.toContain('理由');
  });

  test('roster, routing and report actions are named in words', async () => {
    const actions = ['roster.invite', 'roster.revokeInvite', 'roster.join', 'roster.update', 'unit.update', 'category.create', 'report.submit', 'report.urge'];
    auditMock.mockResolvedValue({ items: actions.map((action, i) => entry({ id: `au-r${i}`, action, target: '计算机科学与技术学院团委', reason: null })), nextCursor: null });
    render(<AuditPage />);
    await screen.findByText('发出邀请');
    expect(rows().map((r) => r.querySelector('.audit-entry__action')?.textContent)).toEqual(['发出邀请', '撤销邀请', '接受邀请加入', '调整人员与分工', '修改单位', '新增问题类别', '提交双周报', '催交双周报']);
  });

  test('pages on with the cursor', async () => {
    auditMock
      .mockResolvedValueOnce({ items: [hidden], nextCursor: 'c-2' })
      .mockResolvedValueOnce({ items: [published], nextCursor: null });
    render(<AuditPage />);
    await screen.findByText('隐藏内容');
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('公开内容')).toBeTruthy();
    expect(auditMock).toHaveBeenLastCalledWith('c-2');
    expect(rows()).toHaveLength(2);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  test('empty, and a failed load with 重试', async () => {
    auditMock.mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValue({ items: [], nextCursor: null });
    render(<AuditPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('还没有操作记录')).toBeTruthy();
  });

  test('links on to 内容审核', async () => {
    render(<AuditPage />);
    fireEvent.click(await screen.findByText('内容审核'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/admin/pages/moderation/index' }]);
  });
});
