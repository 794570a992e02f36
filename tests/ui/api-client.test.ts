import Taro from '@tarojs/taro';
import { callAction } from '../../miniprogram/src/services/api.client';
import { askQuestion, getQuestion, listInbox } from '../../miniprogram/src/services/question.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { newRequestId } from '../../miniprogram/src/services/request-id';
import { detail, summary } from './support/fixtures';

// No TARO_APP_API_BASE and not H5: the WeChat cloud transport.
const callFunction = jest.mocked(Taro.cloud.callFunction) as unknown as jest.Mock;

beforeEach(() => callFunction.mockReset());

test('calls the api cloud function with {action, data} and returns the validated output', async () => {
  callFunction.mockResolvedValue({ result: { ok: true, data: detail({ id: 'q5' }) } });

  const q = await getQuestion('q5');

  expect(q.id).toBe('q5');
  expect(callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'question.get', data: { id: 'q5' } } });
  expect(Taro.cloud.init).toHaveBeenCalledTimes(1);
});

test('question.ask carries the request id in the event', async () => {
  callFunction.mockResolvedValue({
    result: { ok: true, data: { id: 'q1', routedTo: { unitId: 'u1', unitName: '校团委', reason: 'triage' }, createdAt: 1, deadlineAt: 2, moderation: 'published', crisis: null } },
  });
  const input = { collegeId: 'u-cs', categoryId: 'c1', title: '标题标题', content: '内容内容内容内容内容' };

  await askQuestion(input, 'req-12345678');

  expect(callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'question.ask', data: input, requestId: 'req-12345678' } });
});

test('an {ok:false} reply becomes an ApiRequestError with the code and Chinese message', async () => {
  callFunction.mockResolvedValue({ result: { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '你没有权限进行此操作' } } });
  await expect(callAction('me.get', {})).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN', message: '你没有权限进行此操作' });
});

test('a reply that breaks the contract is rejected as REPLY.INVALID', async () => {
  callFunction.mockResolvedValue({ result: { ok: true, data: { ...detail(), status: 'lost' } } });
  await expect(getQuestion('q1')).rejects.toMatchObject({ code: 'REPLY.INVALID', message: '服务返回的数据有误，请稍后再试' });

  callFunction.mockResolvedValue({ result: 'oops' });
  await expect(getQuestion('q1')).rejects.toBeInstanceOf(ApiRequestError);
});

test('a transport failure is NETWORK.FAILED', async () => {
  callFunction.mockRejectedValue(new Error('timeout'));
  await expect(callAction('catalog.get', {})).rejects.toMatchObject({ code: 'NETWORK.FAILED' });
});

test('request ids satisfy the contract format', () => {
  const id = newRequestId(Date.UTC(2026, 0, 1), () => 0.5);
  expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(newRequestId()).not.toBe(newRequestId());
});

test('inbox.list asks for one box at a time', async () => {
  callFunction.mockResolvedValue({ result: { ok: true, data: { items: [summary({ id: 'd1' })], nextCursor: 'd-2' } } });
  const page = await listInbox({ box: 'dueSoon' });
  expect(page.items.map((q) => q.id)).toEqual(['d1']);
  await listInbox({ box: 'overdue', cursor: 'o-2' });
  const asked = callFunction.mock.calls.map(([arg]) => (arg as { data: { action: string; data: unknown } }).data);
  expect(asked).toEqual([
    expect.objectContaining({ action: 'inbox.list', data: { pageSize: 20, box: 'dueSoon' } }),
    expect.objectContaining({ action: 'inbox.list', data: { pageSize: 20, box: 'overdue', cursor: 'o-2' } }),
  ]);
});
