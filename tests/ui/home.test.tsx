import { fireEvent, render, screen, within } from '@testing-library/react';
import HomePage from '../../miniprogram/src/pages/index/index';
import { listPublicQuestions } from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { taroState } from './support/taro-double';
import { NOW, catalog, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/catalog.service');

const listMock = jest.mocked(listPublicQuestions);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  listMock.mockReset();
});

test('lists public questions with their status tags, category and routed unit', async () => {
  listMock.mockResolvedValue({
    items: [
      summary({ id: 'q1', title: '宿舍热水几点供应？', status: 'answered' }),
      summary({ id: 'q2', title: '转专业需要什么条件？', status: 'routed', categoryName: '学业', ownerUnitName: '计算机学院团委', answeredAt: null }),
    ],
    nextCursor: null,
  });

  render(<HomePage />);

  const first = (await screen.findByText('宿舍热水几点供应？')).closest('.q-card') as HTMLElement;
  expect(within(first).getByText('已回复')).toBeTruthy();
  expect(within(first).getByText('后勤服务中心')).toBeTruthy();
  expect(within(first).getByText('3小时前')).toBeTruthy();

  const second = screen.getByText('转专业需要什么条件？').closest('.q-card') as HTMLElement;
  expect(within(second).getByText('待回复')).toBeTruthy();
  expect(within(second).getByText('计算机学院团委')).toBeTruthy();
  expect(screen.getByText('没有更多了')).toBeTruthy();
});

test('tapping a question opens its detail page; 我要提问 opens the ask page', async () => {
  listMock.mockResolvedValue({ items: [summary({ id: 'q42', title: '图书馆开放时间' })], nextCursor: null });
  render(<HomePage />);

  fireEvent.click(await screen.findByText('图书馆开放时间'));
  fireEvent.click(screen.getByText('我要提问'));

  expect(taroState.navigations).toEqual([
    { kind: 'navigateTo', url: '/pages/question/index?id=q42' },
    { kind: 'navigateTo', url: '/pages/ask/index' },
  ]);
});

test('加载更多 requests the next page with the cursor and appends it', async () => {
  listMock
    .mockResolvedValueOnce({ items: [summary({ id: 'q1', title: '第一页的问题' })], nextCursor: 'c-2' })
    .mockResolvedValueOnce({ items: [summary({ id: 'q2', title: '第二页的问题' })], nextCursor: null });
  render(<HomePage />);

  fireEvent.click(await screen.findByText('加载更多'));

  expect(await screen.findByText('第二页的问题')).toBeTruthy();
  expect(screen.getByText('第一页的问题')).toBeTruthy();
  expect(listMock).toHaveBeenLastCalledWith(expect.objectContaining({ categoryId: undefined, cursor: 'c-2', sort: 'newest' }));
});

test('a category chip filters the list by that category', async () => {
  listMock.mockResolvedValue({ items: [], nextCursor: null });
  render(<HomePage />);
  expect(await screen.findByText('还没有公开的问题，来提第一个吧')).toBeTruthy();

  fireEvent.click(await screen.findByText('学业'));

  await screen.findByText('没有符合筛选条件的问题，换个条件看看');
  expect(listMock).toHaveBeenLastCalledWith(expect.objectContaining({ categoryId: 'cat-study', cursor: undefined }));
});

test('a failed load shows the backend message and 重试 loads again', async () => {
  const { ApiRequestError } = jest.requireActual('../../miniprogram/src/services/api-error');
  listMock
    .mockRejectedValueOnce(new ApiRequestError('INTERNAL'))
    .mockResolvedValueOnce({ items: [summary({ title: '恢复后的问题' })], nextCursor: null });
  render(<HomePage />);

  expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('恢复后的问题')).toBeTruthy();
});
