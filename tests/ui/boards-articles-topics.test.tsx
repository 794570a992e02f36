import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ArticlesPage from '../../miniprogram/src/community/pages/articles/index';
import ArticlePage from '../../miniprogram/src/community/pages/article/index';
import NewArticlePage from '../../miniprogram/src/community/pages/article-new/index';
import TopicsPage from '../../miniprogram/src/community/pages/topics/index';
import TopicPage from '../../miniprogram/src/community/pages/topic/index';
import NewTopicPage from '../../miniprogram/src/community/pages/topic-new/index';
import { getArticle, hideArticle, listArticles, publishArticle, type ArticleCard } from '../../miniprogram/src/services/article.service';
import { closeTopic, commentOnTake, createTopic, getTopic, hideTopicContent, listTakes, listTopics, pinTopic, postTake, type TopicCard, type TopicTake } from '../../miniprogram/src/services/topic.service';
import { pickImage, uploadImage } from '../../miniprogram/src/services/upload.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { Me } from '@shared/contracts/me.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/article.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/article.service'),
  listArticles: jest.fn(),
  getArticle: jest.fn(),
  publishArticle: jest.fn(),
  hideArticle: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/topic.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/topic.service'),
  listTopics: jest.fn(),
  getTopic: jest.fn(),
  listTakes: jest.fn(),
  createTopic: jest.fn(),
  postTake: jest.fn(),
  commentOnTake: jest.fn(),
  pinTopic: jest.fn(),
  closeTopic: jest.fn(),
  hideTopicContent: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/upload.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/upload.service'),
  pickImage: jest.fn(),
  uploadImage: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/catalog.service');

const member = (unitId: string, unitName: string) => [{ unitId, unitName, team: 'league' as const, categoryIds: [] }];
const csAdmin: Me = { ...studentMe, name: '高鹏', roles: ['responder', 'unitAdmin'], memberships: member('u-cs', '计算机学院团委') };
const logisticsAdmin: Me = { ...studentMe, name: '夏主任', roles: ['unitAdmin'], memberships: member('u-logistics', '后勤服务中心') };
const coordinator: Me = { ...studentMe, name: '王钰铭', roles: ['coordinator', 'responder'], memberships: member('u-school', '校团委') };

const article = (over: Partial<ArticleCard> = {}): ArticleCard => ({
  id: 'art-1',
  title: '凌晨两点的实验室',
  unitId: 'u-cs',
  unitName: '计算机学院团委',
  coverUrl: 'http://127.0.0.1/storage/articles/covers/a.png?t=1&sign=x',
  excerpt: '比赛前的一个月，实验室的灯常常亮到凌晨。',
  publishedAt: NOW - 3 * 24 * HOUR_MS,
  likeCount: 0,
  hidden: false,
  ...over,
});
const topic = (over: Partial<TopicCard> = {}): TopicCard => ({
  id: 'tp-1',
  title: '我心中的理想校园',
  description: '图书馆、食堂、宿舍、自习室……你希望学校在哪些地方做出改变？',
  unitId: 'u-school',
  unitName: '校团委',
  state: 'open',
  pinned: true,
  hidden: false,
  postCount: 2,
  createdAt: NOW - 4 * 24 * HOUR_MS,
  ...over,
});
const take = (over: Partial<TopicTake> = {}): TopicTake => ({
  id: 'tpp-1',
  topicId: 'tp-1',
  authorName: '张晓雨',
  anonymous: false,
  mine: false,
  content: '希望图书馆考试周能24小时开放。',
  createdAt: NOW - 2 * HOUR_MS,
  moderation: 'published',
  likeCount: 0,
  commentCount: 1,
  comments: [{ id: 'tpc-1', authorName: '李思远', anonymous: false, mine: false, content: '同意！', createdAt: NOW - HOUR_MS, moderation: 'published' }],
  ...over,
});

const mocks = [listArticles, getArticle, publishArticle, hideArticle, listTopics, getTopic, listTakes, createTopic, postTake, commentOnTake, pinTopic, closeTopic, hideTopicContent, pickImage, uploadImage];
beforeEach(() => {
  for (const m of mocks) jest.mocked(m as jest.Mock).mockReset();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  taroState.params = { id: 'x' };
});

describe('青年视角', () => {
  test('the list shows covers (or the unit when storage gave no link); a student is not offered 发布文章', async () => {
    jest.mocked(listArticles).mockResolvedValue({ items: [article(), article({ id: 'art-2', title: '白大褂下的志愿者', unitName: '医学院团委', coverUrl: null })], nextCursor: null });
    render(<ArticlesPage />);
    expect(await screen.findByText('白大褂下的志愿者')).toBeTruthy();
    expect(document.querySelectorAll('img').length).toBe(1);
    expect(document.querySelector('.cover-fallback')?.textContent).toBe('医学院团委');
    expect(screen.queryByText('发布文章')).toBeNull();
    fireEvent.click(screen.getByText('凌晨两点的实验室'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/community/pages/article/index?id=art-1' }]);
  });

  test('the article page in paragraphs; the coordinator takes it down with a reason', async () => {
    jest.mocked(getArticle).mockResolvedValue({ article: { ...article(), body: '第一段。\n第二段。', authorName: '高鹏' } });
    jest.mocked(getMe).mockResolvedValue(coordinator);
    jest.mocked(hideArticle).mockResolvedValue({ hidden: true });
    render(<ArticlePage />);
    expect(await screen.findByText('第二段。')).toBeTruthy();
    expect(screen.getByText(/计算机学院团委 · 高鹏/)).toBeTruthy();
    fireEvent.click(await screen.findByText('撤下文章'));
    fireEvent.click(screen.getByText('确认撤下'));
    expect(screen.getByText('请选择或填写理由（至少 2 个字）')).toBeTruthy();
    fireEvent.click(screen.getByText('内容不实'));
    fireEvent.click(screen.getByText('确认撤下'));
    await waitFor(() => expect(hideArticle).toHaveBeenCalledWith('art-1', true, '内容不实', expect.any(String)));
  });

  test('a student reading an article is offered no moderation', async () => {
    jest.mocked(getArticle).mockResolvedValue({ article: { ...article(), body: '正文。', authorName: '高鹏' } });
    render(<ArticlePage />);
    expect(await screen.findByText('正文。')).toBeTruthy();
    await waitFor(() => expect(getMe).toHaveBeenCalled());
    expect(screen.queryByText('撤下文章')).toBeNull();
  });

  test('发布文章: a student is refused; a unit admin must give a title, a cover and 50 characters; a picture beyond the limits is refused clearly', async () => {
    const { unmount } = render(<NewArticlePage />);
    expect(await screen.findByText('发布文章仅限各单位管理员、协管员和学校管理员。')).toBeTruthy();
    unmount();

    jest.mocked(getMe).mockResolvedValue(csAdmin);
    jest.mocked(pickImage).mockRejectedValueOnce(new Error('图片不能超过 5 MB，请压缩后再上传')).mockResolvedValueOnce({ path: 'blob:cover', size: 1000, ext: 'png' });
    jest.mocked(uploadImage).mockResolvedValue('cloud://local-dev.bucket/articles/covers/a.png');
    jest.mocked(publishArticle).mockResolvedValue({ id: 'art-new', publishedAt: NOW });
    render(<NewArticlePage />);
    expect(await screen.findByText('计算机学院团委')).toBeTruthy();
    fireEvent.click(screen.getByText('发布文章', { selector: '.btn-primary' }));
    expect(screen.getByText('标题至少 4 个字')).toBeTruthy();
    expect(screen.getByText('请上传一张封面图片')).toBeTruthy();
    expect(screen.getByText('正文至少 50 个字（现在 0 个）')).toBeTruthy();

    fireEvent.click(screen.getByText(/点击上传封面/));
    expect(await screen.findByText('图片不能超过 5 MB，请压缩后再上传')).toBeTruthy();
    fireEvent.click(screen.getByText(/点击上传封面/));
    expect(await screen.findByText('已上传，点击更换')).toBeTruthy();
    expect(uploadImage).toHaveBeenCalledWith({ path: 'blob:cover', size: 1000, ext: 'png' }, 'articles/covers');

    fireEvent.input(screen.getByPlaceholderText('一句话标题'), { target: { value: '我们的竞赛之路' } });
    fireEvent.change(screen.getByPlaceholderText('正文，至少 50 字；空行分段'), { target: { value: '比'.repeat(60) } });
    fireEvent.click(screen.getByText('发布文章', { selector: '.btn-primary' }));
    await waitFor(() =>
      expect(publishArticle).toHaveBeenCalledWith({ unitId: 'u-cs', title: '我们的竞赛之路', coverFileId: 'cloud://local-dev.bucket/articles/covers/a.png', body: '比'.repeat(60) }, expect.any(String)),
    );
    await waitFor(() => expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/community/pages/article/index?id=art-new' }]));
  });
});

describe('话题墙', () => {
  test('pinned first as the server orders them, closed marked; a student cannot open a topic, a college admin can', async () => {
    jest.mocked(listTopics).mockResolvedValue({ items: [topic(), topic({ id: 'tp-2', title: '食堂菜品', pinned: false, state: 'closed' })], nextCursor: null });
    const { unmount } = render(<TopicsPage />);
    expect(await screen.findByText('# 食堂菜品 #')).toBeTruthy();
    const cards = Array.from(document.querySelectorAll('.topic-card'));
    expect(cards[0]?.textContent).toContain('置顶');
    expect(cards[1]?.textContent).toContain('已关闭');
    expect(screen.queryByText('开设话题')).toBeNull();
    unmount();

    jest.mocked(getMe).mockResolvedValue(csAdmin);
    render(<TopicsPage />);
    expect(await screen.findByText('开设话题')).toBeTruthy();
  });

  test('a department admin is not offered a topic (committees open them)', async () => {
    jest.mocked(getMe).mockResolvedValue(logisticsAdmin);
    render(<NewTopicPage />);
    expect(await screen.findByText(/开设话题仅限校团委、学院团委的管理员/)).toBeTruthy();
  });

  test('the committee opens a topic after the form is checked', async () => {
    jest.mocked(getMe).mockResolvedValue(csAdmin);
    jest.mocked(createTopic).mockResolvedValue({ id: 'tp-new' });
    render(<NewTopicPage />);
    fireEvent.click(await screen.findByText('开设话题', { selector: '.btn-primary' }));
    expect(screen.getByText('话题名称至少 2 个字')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('如：我心中的理想校园'), { target: { value: '学院运动会' } });
    fireEvent.change(screen.getByPlaceholderText('想听同学们说什么？意见会怎样被用到？'), { target: { value: '今年的运动会你最想加什么项目？' } });
    fireEvent.click(screen.getByText('开设话题', { selector: '.btn-primary' }));
    await waitFor(() => expect(createTopic).toHaveBeenCalledWith({ unitId: 'u-cs', title: '学院运动会', description: '今年的运动会你最想加什么项目？' }, expect.any(String)));
    await waitFor(() => expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/community/pages/topic/index?id=tp-new' }]));
  });

  test('a student posts anonymously; their held take shows 匿名同学 with 我 and 审核中 to them; others are 匿名同学', async () => {
    jest.mocked(getTopic).mockResolvedValue({ topic: topic(), canManage: false });
    jest.mocked(listTakes)
      .mockResolvedValueOnce({ items: [take({ id: 'tpp-2', authorName: '匿名同学', anonymous: true, comments: [], commentCount: 0 })], nextCursor: null })
      .mockResolvedValueOnce({ items: [take({ id: 'tpp-3', authorName: '匿名同学', anonymous: true, mine: true, moderation: 'review', content: '自习室能多开几间吗', comments: [], commentCount: 0 })], nextCursor: null });
    jest.mocked(postTake).mockResolvedValue({ id: 'tpp-3', moderation: 'review' });
    render(<TopicPage />);
    expect(await screen.findByText('匿名同学')).toBeTruthy();
    expect(screen.queryByText('陈嘉怡')).toBeNull();
    expect(screen.queryByText('待审核')).toBeNull();
    expect(screen.queryByText('话题管理')).toBeNull();

    fireEvent.click(screen.getByText('发表'));
    expect(screen.getByText('发言至少 2 个字')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('友善发言，就事论事'), { target: { value: '自习室能多开几间吗' } });
    fireEvent.click(within(document.querySelector('.composer') as HTMLElement).getByRole('switch'));
    fireEvent.click(screen.getByText('发表'));
    await waitFor(() => expect(postTake).toHaveBeenCalledWith('x', '自习室能多开几间吗', true, expect.any(String)));
    expect(await screen.findByText('发言已提交，需经审核后公开（你自己可以看到）')).toBeTruthy();
    expect(await screen.findByText('匿名同学（我）')).toBeTruthy();
    expect(screen.getByText('审核中')).toBeTruthy();
  });

  test('a student comments on a take', async () => {
    jest.mocked(getTopic).mockResolvedValue({ topic: topic(), canManage: false });
    jest.mocked(listTakes).mockResolvedValue({ items: [take()], nextCursor: null });
    jest.mocked(commentOnTake).mockResolvedValue({ id: 'c-new', moderation: 'published' });
    render(<TopicPage />);
    expect(await screen.findByText('同意！')).toBeTruthy();
    fireEvent.click(screen.getByText('评论', { selector: '.take__link' }));
    fireEvent.input(screen.getByPlaceholderText('写评论…'), { target: { value: '+1' } });
    fireEvent.click(screen.getByText('评论', { selector: '.take__send' }));
    await waitFor(() => expect(commentOnTake).toHaveBeenCalledWith('tpp-1', '+1', false, expect.any(String)));
    expect(await screen.findByText('评论已发布')).toBeTruthy();
  });

  test('a closed topic: no composer, no comment link, said plainly', async () => {
    jest.mocked(getTopic).mockResolvedValue({ topic: topic({ state: 'closed' }), canManage: false });
    jest.mocked(listTakes).mockResolvedValue({ items: [take()], nextCursor: null });
    render(<TopicPage />);
    expect(await screen.findByText('话题已关闭，不能再发言和评论')).toBeTruthy();
    expect(await screen.findByText('同意！')).toBeTruthy();
    expect(screen.queryByText('发表')).toBeNull();
    expect(screen.queryByText('评论', { selector: '.take__link' })).toBeNull();
  });

  test('the committee pins, closes, hides a comment with a reason and publishes a held take', async () => {
    jest.mocked(getTopic).mockResolvedValue({ topic: topic({ pinned: false }), canManage: true });
    jest.mocked(listTakes).mockImplementation(async (_id, held) =>
      held
        ? { items: [take({ id: 'tpp-held', authorName: '匿名同学', anonymous: true, moderation: 'review', content: '加微信领资料', comments: [], commentCount: 0 })], nextCursor: null }
        : { items: [take()], nextCursor: null },
    );
    jest.mocked(pinTopic).mockResolvedValue({ pinned: true });
    jest.mocked(closeTopic).mockResolvedValue({ state: 'closed' });
    jest.mocked(hideTopicContent).mockResolvedValue({ hidden: true });
    render(<TopicPage />);
    fireEvent.click(await screen.findByText('置顶', { selector: '.manage__btn' }));
    await waitFor(() => expect(pinTopic).toHaveBeenCalledWith('x', true));
    expect(await screen.findByText('已置顶，话题墙上排在最前')).toBeTruthy();
    fireEvent.click(screen.getByText('关闭话题'));
    await waitFor(() => expect(closeTopic).toHaveBeenCalledWith('x', true));

    await screen.findByText('同意！');
    const comment = document.querySelector('.take__comment') as HTMLElement;
    fireEvent.click(within(comment).getByText('隐藏'));
    expect(screen.getByText('隐藏这条评论')).toBeTruthy();
    fireEvent.click(screen.getByText('人身攻击'));
    fireEvent.click(screen.getByText('确认隐藏'));
    await waitFor(() => expect(hideTopicContent).toHaveBeenCalledWith({ postId: 'tpp-1', commentId: 'tpc-1' }, true, '人身攻击', expect.any(String)));
    expect(await screen.findByText('评论已隐藏')).toBeTruthy();

    fireEvent.click(screen.getByText('待审核'));
    expect(await screen.findByText('加微信领资料')).toBeTruthy();
    expect(listTakes).toHaveBeenLastCalledWith('x', true, undefined);
    fireEvent.click(screen.getByText('通过并公开'));
    fireEvent.input(screen.getByPlaceholderText('理由（写入操作日志）'), { target: { value: '内容无问题' } });
    fireEvent.click(screen.getByText('确认公开'));
    await waitFor(() => expect(hideTopicContent).toHaveBeenLastCalledWith({ postId: 'tpp-held' }, false, '内容无问题', expect.any(String)));
  });

  test('a hidden or missing topic offers the wall', async () => {
    jest.mocked(getTopic).mockRejectedValue(new ApiRequestError('TOPIC.NOT_FOUND'));
    jest.mocked(listTakes).mockResolvedValue({ items: [], nextCursor: null });
    render(<TopicPage />);
    expect(await screen.findByText('话题不存在或已隐藏')).toBeTruthy();
    fireEvent.click(screen.getByText('返回话题墙'));
    expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/community/pages/topics/index' }]);
  });
});
