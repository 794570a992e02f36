import { act, fireEvent, render, screen } from '@testing-library/react';
import { WebHeader } from '../../miniprogram/src/components/web-header';
import { eventCenter, taroState } from './support/taro-double';

/** The browser build's header on a PC: the app's own navigation, not the phone's tab bar. */
function navItem(text: string): HTMLElement {
  return screen.getByText(text).closest('.web-header__item') as HTMLElement;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/pages/index/index');
});

test('offers 首页 / 我要提问 / 我的 and marks where the user is', () => {
  render(<WebHeader />);
  expect(screen.getByText('青年之声 · Campus')).toBeTruthy();
  expect(navItem('首页').className).toContain('web-header__item--on');
  expect(navItem('我的').className).not.toContain('web-header__item--on');

  // The router announces every page change.
  window.history.replaceState(null, '', '/pages/mine/index');
  act(() => {
    eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: '/pages/mine/index' } });
  });
  expect(navItem('我的').className).toContain('web-header__item--on');
  expect(navItem('首页').className).not.toContain('web-header__item--on');
});

test('from a question page: the tabs switch, 我要提问 opens the ask page', () => {
  window.history.replaceState(null, '', '/pages/question/index?id=q1');
  render(<WebHeader />);
  expect(document.querySelector('.web-header__item--on')).toBeNull();
  fireEvent.click(screen.getByText('我要提问'));
  fireEvent.click(screen.getByText('我的'));
  fireEvent.click(screen.getByText('首页'));
  expect(taroState.navigations).toEqual([
    { kind: 'navigateTo', url: '/pages/ask/index' },
    { kind: 'switchTab', url: '/pages/mine/index' },
    { kind: 'switchTab', url: '/pages/index/index' },
  ]);
});

test('where the user already is, a tap does nothing', () => {
  window.history.replaceState(null, '', '/pages/ask/index?college=c-cs');
  render(<WebHeader />);
  expect(navItem('我要提问').className).toContain('web-header__item--on');
  fireEvent.click(screen.getByText('我要提问'));
  expect(taroState.navigations).toEqual([]);
});

test('社区 opens the boards and stays marked on every board page; from a board page it goes back to 活动公告', () => {
  render(<WebHeader />);
  fireEvent.click(screen.getByText('社区'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/community/pages/activities/index' }]);
  window.history.replaceState(null, '', '/community/pages/topic/index?id=tp-1');
  act(() => {
    eventCenter.trigger('__afterTaroRouterChange', {});
  });
  expect(navItem('社区').className).toContain('web-header__item--on');
  fireEvent.click(screen.getByText('社区'));
  expect(taroState.navigations).toHaveLength(2);
});
