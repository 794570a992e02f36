import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReportsPage, { REPORTS_DENIED } from '../../miniprogram/src/admin/pages/reports/index';
import ReportPage from '../../miniprogram/src/admin/pages/report/index';
import { getReport, listReports, saveReport, submitReport, urgeReports } from '../../miniprogram/src/services/report.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { REPORT_STALE_TEXT, urgeResultText } from '../../miniprogram/src/admin/hooks/use-biweekly';
import type { Me } from '@shared/contracts/me.contract';
import { DAY_MS } from '@shared/domain/statistics';
import { downloadFile, openDocument, showModal, taroState } from './support/taro-double';
import { NOW, studentMe } from './support/fixtures';
import { reportDetail, reportList, reportSummary } from './support/stats-fixtures';

jest.mock('../../miniprogram/src/services/report.service');
jest.mock('../../miniprogram/src/services/me.service');

const as = (name: string, roles: Me['roles'], memberships: Me['memberships'] = []): Me => ({ ...studentMe, name, roles, memberships });
const schoolAdmin = as('李天罡', ['schoolAdmin']);
const supervisor = as('孟妍', ['supervisor']);
const unitAdmin = as('高鹏', ['responder', 'unitAdmin'], [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'league', categoryIds: [] }]);

const items = [
  reportSummary({ id: 'r-school', scope: 'school', unitId: null, unitName: '学校（全校汇总）', state: 'submitted', submittedAt: NOW - 3.5 * DAY_MS, submittedByName: '李天罡' }),
  reportSummary({ late: true, urgeCount: 1, lastUrgedAt: NOW - DAY_MS }),
  reportSummary({ id: 'r-med', unitId: 'u-med', unitName: '医学院团委', state: 'submitted', submittedAt: NOW - 3.5 * DAY_MS, submittedByName: '王老师' }),
];

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(schoolAdmin);
  jest.mocked(listReports).mockReset().mockResolvedValue(reportList(items));
  jest.mocked(getReport).mockReset().mockResolvedValue(reportDetail());
  jest.mocked(saveReport).mockReset();
  jest.mocked(submitReport).mockReset();
  jest.mocked(urgeReports).mockReset();
  showModal.mockClear();
  downloadFile.mockClear();
  openDocument.mockClear();
});

describe('双周报 list', () => {
  it('shows each report with its status, who submitted, and the period progress', async () => {
    render(<ReportsPage />);
    expect(await screen.findByText('学校（全校汇总）')).toBeTruthy();
    expect(screen.getByText(/2月12日—2月25日 · 截止 .* · 已提交 2\/3/)).toBeTruthy();
    expect(screen.getAllByText('已提交')).toHaveLength(2);
    expect(screen.getByText('待填写')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
    expect(screen.getByText(/王老师 于 .* 提交/)).toBeTruthy();
    expect(screen.getByText(/已催交 1 次/)).toBeTruthy();
    fireEvent.click(screen.getByText('医学院团委'));
    expect(taroState.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/admin/pages/report/index?id=r-med' });
  });

  it('lets the school admin 催交 every unit not submitted, or one, and says what happened', async () => {
    jest.mocked(urgeReports).mockResolvedValue({ urged: ['r-cs'], alreadyToday: [], submitted: [], messages: { delivered: 1, undeliverable: 1 } });
    render(<ReportsPage />);
    fireEvent.click(await screen.findByText('催交未提交的 1 个单位'));
    expect(await screen.findByText(/已催交 1 个单位；送达 1 条，1 条无法送达/)).toBeTruthy();
    expect(jest.mocked(urgeReports).mock.calls[0]![0]).toEqual({ period: '2026-02-26', note: '' });
    fireEvent.click(screen.getByText('催交'));
    await waitFor(() => expect(urgeReports).toHaveBeenCalledTimes(2));
    expect(jest.mocked(urgeReports).mock.calls[1]![0]).toEqual({ period: '2026-02-26', unitIds: ['u-cs'], note: '' });
    // Urging did not open the report.
    expect(taroState.navigations).toHaveLength(0);
  });

  it('says when everyone was already urged today', () => {
    expect(urgeResultText({ urged: [], alreadyToday: ['a', 'b'], submitted: [], messages: { delivered: 0, undeliverable: 0 } })).toBe('2 个单位今天已催交过，不再重复发送。');
  });

  it('offers a unit admin no 催交 (the server says who may)', async () => {
    jest.mocked(getMe).mockResolvedValue(unitAdmin);
    jest.mocked(listReports).mockResolvedValue(reportList([items[1]!], false));
    render(<ReportsPage />);
    expect(await screen.findByText('计算机学院团委')).toBeTruthy();
    expect(screen.queryByText('催交')).toBeNull();
    expect(screen.queryByText(/催交未提交/)).toBeNull();
  });

  it('explains when no report exists yet, and refuses a student', async () => {
    jest.mocked(listReports).mockResolvedValue({ period: null, periods: [], items: [], viewerCanUrge: true });
    const { unmount } = render(<ReportsPage />);
    expect(await screen.findByText('还没有双周报')).toBeTruthy();
    unmount();
    jest.mocked(getMe).mockResolvedValue(studentMe);
    render(<ReportsPage />);
    expect(await screen.findByText(REPORTS_DENIED)).toBeTruthy();
  });
});

describe('one 双周报', () => {
  beforeEach(() => {
    taroState.params = { id: 'r-cs' };
    jest.mocked(getMe).mockResolvedValue(unitAdmin);
  });

  it('shows the figures, missed deadlines with who held them, repeated questions and cases', async () => {
    render(<ReportPage />);
    expect(await screen.findByText('计算机学院团委 · 双周报')).toBeTruthy();
    expect(screen.getByLabelText('总体数据')).toBeTruthy();
    expect(screen.getByText('实验室晚上几点关门？')).toBeTruthy();
    expect(screen.getByText(/超时时认领人：任智宇 · 仍未答复/)).toBeTruthy();
    expect(screen.getByText(/3 个相似问题 · 已整理为常见问题「校园卡补办」/)).toBeTruthy();
    expect(screen.getByText('【线下典型案例】宿舍热水几点供应？')).toBeTruthy();
  });

  it('saves, then submits after confirming, with the version read', async () => {
    jest.mocked(saveReport).mockResolvedValue({ id: 'r-cs', state: 'draft', version: 2 });
    jest.mocked(getReport).mockResolvedValueOnce(reportDetail()).mockResolvedValue(reportDetail({ version: 2, problems: '部分老师未及时认领问题，下一步建立值班表。' }));
    render(<ReportPage />);
    const box = await screen.findByPlaceholderText(/本期工作中存在的问题/);
    fireEvent.input(box, { target: { value: '部分老师未及时认领问题，下一步建立值班表。' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(saveReport).toHaveBeenCalledWith('r-cs', '部分老师未及时认领问题，下一步建立值班表。', 1, expect.any(String)));
    expect(await screen.findByText('✓ 已保存')).toBeTruthy();

    jest.mocked(submitReport).mockResolvedValue({ id: 'r-cs', state: 'submitted', version: 3, submittedAt: NOW, late: true });
    await waitFor(() => expect(getReport).toHaveBeenCalledTimes(2));
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(submitReport).toHaveBeenCalledWith('r-cs', '部分老师未及时认领问题，下一步建立值班表。', 2, expect.any(String)));
    expect(showModal.mock.calls[0]![0].content).toMatch(/提交后不能再修改/);
    expect(await screen.findByText('✓ 已提交（已过截止时间，记为逾期提交）')).toBeTruthy();
  });

  it('retries a submission whose answer was lost with the same request id', async () => {
    jest.mocked(submitReport).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce({ id: 'r-cs', state: 'submitted', version: 2, submittedAt: NOW, late: false });
    render(<ReportPage />);
    fireEvent.input(await screen.findByPlaceholderText(/本期工作中存在的问题/), { target: { value: '无' } });
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('✓ 已提交')).toBeTruthy();
    const [first, second] = jest.mocked(submitReport).mock.calls;
    expect(second![3]).toBe(first![3]);
  });

  it('on a stale copy, says so, reloads, and keeps what the admin wrote', async () => {
    jest.mocked(saveReport).mockRejectedValue(new ApiRequestError('REPORT.CONFLICT', '双周报刚被其他人修改或已提交，请刷新后再试'));
    render(<ReportPage />);
    const box = await screen.findByPlaceholderText(/本期工作中存在的问题/);
    fireEvent.input(box, { target: { value: '我的修改' } });
    jest.mocked(getReport).mockResolvedValue(reportDetail({ version: 2, problems: '别人写的' }));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText(REPORT_STALE_TEXT)).toBeTruthy();
    await waitFor(() => expect(getReport).toHaveBeenCalledTimes(2));
    expect((screen.getByPlaceholderText(/本期工作中存在的问题/) as HTMLTextAreaElement).value).toBe('我的修改');
  });

  it('refuses to send more than 2000 characters', async () => {
    render(<ReportPage />);
    fireEvent.input(await screen.findByPlaceholderText(/本期工作中存在的问题/), { target: { value: '字'.repeat(2001) } });
    expect(screen.getByText('2001/2000')).toBeTruthy();
    fireEvent.click(screen.getByText('保存'));
    expect(saveReport).not.toHaveBeenCalled();
  });

  it('is read-only for a supervisor, and downloads the files through WeChat', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    jest.mocked(getReport).mockResolvedValue(reportDetail({ viewerCanEdit: false }));
    render(<ReportPage />);
    expect(await screen.findByText('尚未填写，由本单位管理员填写后提交。')).toBeTruthy();
    expect(screen.queryByText('提交')).toBeNull();
    fireEvent.click(screen.getByText('下载 Excel'));
    await waitFor(() => expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/r-cs-v1.xlsx', fileType: 'xlsx', showMenu: true }));
    expect(downloadFile).toHaveBeenCalledWith({ url: 'https://files.example/reports/r-cs-v1.xlsx' });
  });

  it('says when the files are being made', async () => {
    jest.mocked(getReport).mockResolvedValue(reportDetail({ files: null }));
    render(<ReportPage />);
    expect(await screen.findByText(/Excel 和 Word 文件正在生成/)).toBeTruthy();
  });

  it('shows a report outside the viewer’s units as 无权限', async () => {
    jest.mocked(getReport).mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只能查看本单位的双周报'));
    render(<ReportPage />);
    expect(await screen.findByText('只能查看本单位的双周报')).toBeTruthy();
    expect(screen.getByText('返回')).toBeTruthy();
    expect(within(document.body).queryByText('保存')).toBeNull();
  });
});
