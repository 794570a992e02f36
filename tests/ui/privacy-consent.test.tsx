import { act, fireEvent, render, screen } from '@testing-library/react';
import { PrivacyConsent } from '../../miniprogram/src/components/privacy-consent';
import { needPrivacyAuthorization, onNeedPrivacyAuthorization, openPrivacyContract, taroState } from './support/taro-double';

/**
 * WeChat's privacy check: when a privacy-scoped API waits for consent, the
 * popup explains, links to the guides, and answers 同意 (with the id of the
 * agreePrivacyAuthorization button WeChat checks) or 拒绝.
 */
const originalEnv = process.env.TARO_ENV;
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  onNeedPrivacyAuthorization.mockClear();
  openPrivacyContract.mockClear();
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

function ask(referrer = 'button.getPhoneNumber') {
  let resolve: jest.Mock = jest.fn();
  act(() => {
    resolve = needPrivacyAuthorization(referrer);
  });
  return resolve;
}

test('shows nothing until WeChat asks; then explains what is collected and why, and tells WeChat it is on screen', () => {
  render(<PrivacyConsent />);
  expect(onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
  expect(screen.queryByText('隐私保护提示')).toBeNull();

  const resolve = ask('button.getPhoneNumber');

  expect(screen.getByText('隐私保护提示')).toBeTruthy();
  expect(screen.getByText('在绑定手机号之前，请先阅读并同意「青年之声」的隐私保护指引。')).toBeTruthy();
  expect(screen.getByText(/微信身份标识、学校花名册中的姓名和学院/)).toBeTruthy();
  expect(screen.getByText(/同学不需要提供/)).toBeTruthy();
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
});

test('同意 answers agree with the id of the agreePrivacyAuthorization button, once, and closes', () => {
  render(<PrivacyConsent />);
  const resolve = ask('setClipboardData');
  expect(screen.getByText(/在复制数据到剪贴板之前/)).toBeTruthy();

  const agree = screen.getByText('同意');
  const button = agree.closest('[data-open-type]') as HTMLElement;
  expect(button.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
  fireEvent.click(agree);

  const agreed = resolve.mock.calls.filter(([o]) => o.event === 'agree');
  expect(agreed).toEqual([[{ event: 'agree', buttonId: button.id }]]);
  expect(button.id).toMatch(/^privacy-agree-\d+$/);
  expect(screen.queryByText('隐私保护提示')).toBeNull();
});

test('拒绝 answers disagree and closes; the API that asked then fails in WeChat', () => {
  render(<PrivacyConsent />);
  const resolve = ask();
  fireEvent.click(screen.getByText('拒绝'));
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
  expect(resolve.mock.calls.some(([o]) => o.event === 'agree')).toBe(false);
  expect(screen.queryByText('隐私保护提示')).toBeNull();
});

test('two requests while the popup is open are both answered by one tap', () => {
  render(<PrivacyConsent />);
  const first = ask('button.getPhoneNumber');
  const second = ask('setClipboardData');
  fireEvent.click(screen.getByText('同意'));
  expect(first).toHaveBeenLastCalledWith(expect.objectContaining({ event: 'agree' }));
  expect(second).toHaveBeenLastCalledWith(expect.objectContaining({ event: 'agree' }));
});

test('the links open WeChat’s guide and our own 隐私说明', () => {
  render(<PrivacyConsent />);
  ask();
  fireEvent.click(screen.getByText('《用户隐私保护指引》'));
  expect(openPrivacyContract).toHaveBeenCalledTimes(1);
  fireEvent.click(screen.getByText('隐私说明'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/privacy/index' }]);
  // Still waiting for an answer when the person comes back.
  expect(screen.getByText('隐私保护提示')).toBeTruthy();
});

test('when WeChat’s guide cannot open, it says so and points at 隐私说明', () => {
  openPrivacyContract.mockImplementationOnce((opts: { fail?: () => void } = {}) => opts.fail?.());
  render(<PrivacyConsent />);
  ask();
  fireEvent.click(screen.getByText('《用户隐私保护指引》'));
  expect(screen.getByText('暂时打不开微信的隐私保护指引，可以先阅读「隐私说明」。')).toBeTruthy();
});

test('the request goes to the popup of the page in front when several pages hold one', () => {
  taroState.pages = [{ route: 'pages/mine/index' }];
  taroState.params = {};
  const { unmount } = render(<PrivacyConsent />);
  // The second popup (another page) unmounts: the first one still answers.
  const other = render(<PrivacyConsent />);
  other.unmount();
  ask();
  expect(screen.getAllByText('隐私保护提示')).toHaveLength(1);
  unmount();
});

test('with no popup left to ask, the request is refused rather than left waiting', () => {
  const { unmount } = render(<PrivacyConsent />);
  unmount();
  const resolve = needPrivacyAuthorization();
  expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
});

test('in the browser there is no such API: nothing registers, nothing renders', () => {
  process.env.TARO_ENV = 'h5';
  const { container } = render(<PrivacyConsent />);
  expect(onNeedPrivacyAuthorization).not.toHaveBeenCalled();
  expect(container.textContent).toBe('');
});
