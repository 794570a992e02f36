import Taro from '@tarojs/taro';
import { canSubscribe, requestSubscriptions } from '../../miniprogram/src/services/subscription.service';

const callFunction = jest.mocked(Taro.cloud.callFunction) as unknown as jest.Mock;
const requestSubscribeMessage = jest.mocked(Taro.requestSubscribeMessage) as unknown as jest.Mock;
const originalEnv = process.env.TARO_ENV;

beforeEach(() => {
  callFunction.mockReset().mockResolvedValue({ result: { ok: true, data: { credits: [] } } });
  requestSubscribeMessage.mockReset();
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

test('in WeChat, asks for the templates, records what the user chose and resolves with the credits now held', async () => {
  process.env.TARO_ENV = 'weapp';
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', tplAnswered: 'accept', tplProgress: 'reject' });
  callFunction.mockResolvedValue({ result: { ok: true, data: { credits: [{ templateId: 'tplAnswered', credits: 4 }] } } });

  const credits = requestSubscriptions(['tplAnswered', 'tplProgress']);
  // WeChat shows the prompt only inside the tap: the request goes out before anything is awaited.
  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tplAnswered', 'tplProgress'], entityIds: [] });
  await expect(credits).resolves.toEqual([{ templateId: 'tplAnswered', credits: 4 }]);

  expect(callFunction).toHaveBeenCalledWith({
    name: 'api',
    data: {
      action: 'subscription.record',
      data: { results: [{ templateId: 'tplAnswered', result: 'accept' }, { templateId: 'tplProgress', result: 'reject' }] },
    },
  });
});

test('a failed or dismissed prompt is swallowed and records nothing', async () => {
  process.env.TARO_ENV = 'weapp';
  requestSubscribeMessage.mockRejectedValue(new Error('requestSubscribeMessage:fail cancel'));
  await expect(requestSubscriptions(['tplAnswered'])).resolves.toBeNull();
  expect(callFunction).not.toHaveBeenCalled();
});

test('a failed record is swallowed too', async () => {
  process.env.TARO_ENV = 'weapp';
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', tplAnswered: 'accept' });
  callFunction.mockRejectedValue(new Error('offline'));
  await expect(requestSubscriptions(['tplAnswered'])).resolves.toBeNull();
});

test('outside WeChat, or without templates, nothing is asked', async () => {
  process.env.TARO_ENV = 'h5';
  expect(canSubscribe()).toBe(false);
  await expect(requestSubscriptions(['tplAnswered'])).resolves.toBeNull();
  process.env.TARO_ENV = 'weapp';
  expect(canSubscribe()).toBe(true);
  await requestSubscriptions([]);
  await requestSubscriptions(undefined);
  expect(requestSubscribeMessage).not.toHaveBeenCalled();
});
