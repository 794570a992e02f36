import Taro from '@tarojs/taro';
import { callAction } from '../../miniprogram/src/services/api.client';
import { askQuestion, getQuestion, listWaitingInbox } from '../../miniprogram/src/services/question.service';
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
    result: { ok: true, data: { id: 'q1', routedTo: { unitId: 'u1', unitName: '校团委', reason: 'triage' }, createdAt: 1, deadlineAt: 2 } },
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

test('the 待回复 list gathers the overdue, due-soon and pending boxes and pages each on its own cursor', async () => {
  const pages: Record<string, { items: ReturnType<typeof summary>[]; nextCursor: string | null }> = {
    'overdue:': { items: [summary({ id: 'o1' })], nextCursor: null },
    'dueSoon:': { items: [summary({ id: 'd1' })], nextCursor: 'd-2' },
    'pending:': { items: [summary({ id: 'p1' })], nextCursor: 'p-2' },
    'dueSoon:d-2': { items: [summary({ id: 'd2' })], nextCursor: null },
    'pending:p-2': { items: [summary({ id: 'p2' })], nextCursor: null },
  };
  callFunction.mockImplementation(({ data }: { data: { data: { box: string; cursor?: string } } }) =>
    Promise.resolve({ result: { ok: true, data: pages[`${data.data.box}:${data.data.cursor ?? ''}`] } }),
  );

  const first = await listWaitingInbox();
  expect(first.items.map((q) => q.id)).toEqual(['o1', 'd1', 'p1']);
  expect(first.nextCursor).not.toBeNull();

  const second = await listWaitingInbox(first.nextCursor ?? undefined);
  expect(second.items.map((q) => q.id)).toEqual(['d2', 'p2']);
  expect(second.nextCursor).toBeNull();
  const asked = callFunction.mock.calls.map(([arg]) => (arg as { data: { data: { box: string; cursor?: string } } }).data.data);
  expect(asked.slice(3)).toEqual([
    { pageSize: 20, box: 'dueSoon', cursor: 'd-2' },
    { pageSize: 20, box: 'pending', cursor: 'p-2' },
  ]);
});
