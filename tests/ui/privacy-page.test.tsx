import { fireEvent, render, screen } from '@testing-library/react';
import PrivacyPage from '../../miniprogram/src/pages/privacy/index';
import { openPrivacyContract, taroState } from './support/taro-double';

/** 隐私说明: what, why, how long, who sees it, the content check, the crisis lane, rights, contact — without signing in. */
const originalEnv = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

test('says what is collected and why, with nothing loaded from the network', () => {
  render(<PrivacyPage />);
  for (const text of ['我们收集哪些信息，为什么', '微信身份标识（openid）', '花名册信息', '你提交的内容', '发给你的消息', '老师的手机号']) {
    expect(screen.getByText(text)).toBeTruthy();
  }
  expect(screen.getByText(/同学不会被要求提供手机号/)).toBeTruthy();
  expect(screen.getByText(/不获取你的微信昵称、头像/)).toBeTruthy();
});

test('says who sees what: anonymity hides name and college from other students, the unit is public, handlers see more', () => {
  render(<PrivacyPage />);
  expect(screen.getByText('谁能看到什么')).toBeTruthy();
  expect(screen.getByText(/其他同学看不到你的姓名和学院；负责处理的老师能看到/)).toBeTruthy();
  expect(screen.getByText(/负责答复的单位始终公开显示/)).toBeTruthy();
  expect(screen.getByText(/包括不公开的办理备注/)).toBeTruthy();
});

test('says how long: 730 days after a case closes, at once on account deletion', () => {
  render(<PrivacyPage />);
  expect(screen.getByText(/相关个人信息保存 730 天/)).toBeTruthy();
  expect(screen.getByText('注销账号后，上述删除立即进行，不必等到期满。')).toBeTruthy();
});

test('explains the content check, reports and the crisis lane, with the national hotlines to tap', () => {
  process.env.TARO_ENV = 'h5';
  render(<PrivacyPage />);
  expect(screen.getByText(/学校的敏感词表和微信内容安全检测/)).toBeTruthy();
  expect(screen.getByText(/被 3 位不同的同学举报后/)).toBeTruthy();
  expect(screen.getByText(/私下转给学校负责心理援助的老师/)).toBeTruthy();
  expect((screen.getByText('12356').closest('a') as HTMLAnchorElement).getAttribute('href')).toBe('tel:12356');
  expect((screen.getByText('110').closest('a') as HTMLAnchorElement).getAttribute('href')).toBe('tel:110');
});

test('says what the person may do, how, and whom to contact; leads to 账号与数据', () => {
  render(<PrivacyPage />);
  expect(screen.getByText('你的权利')).toBeTruthy();
  expect(screen.getByText(/我的 → 账号与数据 → 导出我的数据/)).toBeTruthy();
  expect(screen.getByText(/我的 → 账号与数据 → 注销账号/)).toBeTruthy();
  expect(screen.getByText('联系我们')).toBeTruthy();
  fireEvent.click(screen.getByText('查看和导出我的数据'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/account/pages/my-data/index' }]);
});

test('in WeChat it also opens the guide declared to WeChat; not in the browser', () => {
  process.env.TARO_ENV = 'weapp';
  openPrivacyContract.mockClear();
  const { unmount } = render(<PrivacyPage />);
  fireEvent.click(screen.getByText('微信《用户隐私保护指引》'));
  expect(openPrivacyContract).toHaveBeenCalledTimes(1);
  unmount();

  process.env.TARO_ENV = 'h5';
  render(<PrivacyPage />);
  expect(screen.queryByText('微信《用户隐私保护指引》')).toBeNull();
});
