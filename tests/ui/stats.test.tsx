import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StatsPage, { STATS_DENIED } from '../../miniprogram/src/admin/pages/stats/index';
import { getStatsOverview, getStatsPeople, getStatsUnits } from '../../miniprogram/src/services/stats.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { customRangeProblem, duration, percent, presetRange } from '../../miniprogram/src/admin/utils/figures';
import type { Me } from '@shared/contracts/me.contract';
import { NOW, studentMe } from './support/fixtures';
import { overview, people, units, unitStats } from './support/stats-fixtures';

jest.mock('../../miniprogram/src/services/stats.service');
jest.mock('../../miniprogram/src/services/me.service');

const as = (name: string, roles: Me['roles'], memberships: Me['memberships'] = []): Me => ({ ...studentMe, name, roles, memberships });
const schoolAdmin = as('李天罡', ['schoolAdmin']);
const collegeAdmin = as('高鹏', ['responder', 'unitAdmin'], [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'league', categoryIds: [] }]);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(schoolAdmin);
  jest.mocked(getStatsOverview).mockReset().mockResolvedValue(overview());
  jest.mocked(getStatsUnits).mockReset().mockResolvedValue(units());
  jest.mocked(getStatsPeople).mockReset().mockResolvedValue(people());
});

const table = (label: string) => screen.findByLabelText(label);
const rowsOf = (t: HTMLElement) => within(t).getAllByRole('row').slice(1);

describe('数据统计', () => {
  it('shows the three rates with their counts, the other figures, and the last 30 days by default', async () => {
    render(<StatsPage />);
    const cards = await screen.findByLabelText('总体数据');
    expect(within(cards).getByText('按时答复率').previousSibling?.textContent).toContain('75%');
    expect(within(cards).getByText('按时 6/8')).toBeTruthy();
    expect(within(cards).getByText('办结 5/10')).toBeTruthy();
    expect(within(cards).getByText('满意 3/4')).toBeTruthy();
    expect(within(cards).getByText('3小时12分')).toBeTruthy();
    expect(within(cards).getByText('7 / 31')).toBeTruthy();
    expect(within(cards).getByText('线上 2 · 线下 1')).toBeTruthy();
    expect(getStatsOverview).toHaveBeenCalledWith({ from: '2026-02-01', to: '2026-03-02' });
    expect(screen.getByText(/全校 · 2月1日—3月2日（30 天）/)).toBeTruthy();
  });

  it('ranks every unit with the figures behind each place, and lists a silent unit unranked', async () => {
    render(<StatsPage />);
    const t = await table('各单位统计');
    const rows = rowsOf(t);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('1医学院团委100%4/4');
    expect(rows[1]?.textContent).toContain('2计算机学院团委75%6/82');
    expect(rows[2]?.textContent).toContain('未排名后勤服务中心—');
    expect(screen.getByText(/名次依次比较：按时答复率高 → 超时次数少 → 满意率高 → 办结率高 → 回答量多/)).toBeTruthy();
  });

  it('has a table beside the trend chart, newest day first, and ranks people without a likes column until likes are counted', async () => {
    render(<StatsPage />);
    const trend = rowsOf(await table('每日数据'));
    expect(trend[0]?.textContent).toContain('3月2日41');
    expect(trend[0]?.textContent).toContain('1/250%');
    const ppl = await table('答复人员统计');
    expect(within(ppl).queryByText('获赞')).toBeNull();
    expect(rowsOf(ppl)[0]?.textContent).toContain('1任智宇计算机学院团委 · 专帮青96');
    expect(screen.getByText(/答复点赞功能上线后再统计获赞数/)).toBeTruthy();
  });

  it('asks again for 本周 and 本学期, and checks custom dates before asking', async () => {
    render(<StatsPage />);
    await table('各单位统计');
    fireEvent.click(screen.getByText('本周'));
    // 2026-03-02 is a Monday.
    await waitFor(() => expect(getStatsUnits).toHaveBeenLastCalledWith({ from: '2026-03-02', to: '2026-03-02' }));
    fireEvent.click(screen.getByText('本学期'));
    await waitFor(() => expect(getStatsUnits).toHaveBeenLastCalledWith({ from: '2026-02-15', to: '2026-03-02' }));
    fireEvent.click(screen.getByText('自定义'));
    const calls = jest.mocked(getStatsUnits).mock.calls.length;
    expect(customRangeProblem({ from: '2026-03-02', to: '2026-03-01' }, NOW)).toBe('开始日期不能晚于结束日期');
    expect(customRangeProblem({ from: '2026-03-01', to: '2026-03-05' }, NOW)).toBe('结束日期不能晚于今天');
    expect(customRangeProblem({ from: '2024-01-01', to: '2026-03-01' }, NOW)).toBe('统计区间最长 366 天');
    expect(customRangeProblem({ from: '2026-01-01', to: '2026-03-01' }, NOW)).toBe('');
    fireEvent.click(screen.getByText('查询'));
    // The custom range starts from the one shown (本学期), so it is valid and asked for.
    await waitFor(() => expect(jest.mocked(getStatsUnits).mock.calls.length).toBe(calls + 1));
  });

  it('shows a college admin their own units only, as the server scoped them', async () => {
    jest.mocked(getMe).mockResolvedValue(collegeAdmin);
    jest.mocked(getStatsOverview).mockResolvedValue(overview(false, ['u-cs']));
    jest.mocked(getStatsUnits).mockResolvedValue(units([unitStats()]));
    render(<StatsPage />);
    expect(await screen.findByText('数据统计 · 计算机学院团委')).toBeTruthy();
    expect(rowsOf(await table('各单位统计'))).toHaveLength(1);
    expect(screen.queryByText(/全校/)).toBeNull();
  });

  it('says who the page is for to a student and loads nothing', async () => {
    jest.mocked(getMe).mockResolvedValue(studentMe);
    render(<StatsPage />);
    expect(await screen.findByText(STATS_DENIED)).toBeTruthy();
    expect(getStatsOverview).not.toHaveBeenCalled();
  });

  it('shows the server refusal as 无权限 and a failure with 重试', async () => {
    jest.mocked(getStatsOverview).mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只能查看本单位的统计'));
    const { unmount } = render(<StatsPage />);
    expect(await screen.findByText('只能查看本单位的统计')).toBeTruthy();
    unmount();
    jest.mocked(getStatsOverview).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'));
    render(<StatsPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByLabelText('总体数据')).toBeTruthy();
  });
});

describe('figures in words', () => {
  it('formats rates, durations and ranges', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(1)).toBe('100%');
    expect(duration(45)).toBe('45分钟');
    expect(duration(60)).toBe('1小时');
    expect(duration(60 * 26)).toBe('1天2小时');
    expect(presetRange('days30', NOW)).toEqual({ from: '2026-02-01', to: '2026-03-02' });
    expect(presetRange('term', Date.UTC(2026, 9, 10))).toEqual({ from: '2026-09-01', to: '2026-10-10' });
    expect(presetRange('term', Date.UTC(2027, 0, 10))).toEqual({ from: '2026-09-01', to: '2027-01-10' });
  });
});
