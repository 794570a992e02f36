import Taro from '@tarojs/taro';
import { requestSubscriptions } from '../../miniprogram/src/services/subscription.service';

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

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

test('in WeChat, asks for the templates and records what the user chose', async () => {
  process.env.TARO_ENV = 'weapp';
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', tplAnswered: 'accept', tplProgress: 'reject' });

  requestSubscriptions(['tplAnswered', 'tplProgress']);
  await flush();

  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tplAnswered', 'tplProgress'], entityIds: [] });
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
  expect(() => requestSubscriptions(['tplAnswered'])).not.toThrow();
  await flush();
  expect(callFunction).not.toHaveBeenCalled();
});

test('outside WeChat, or without templates, nothing is asked', async () => {
  process.env.TARO_ENV = 'h5';
  requestSubscriptions(['tplAnswered']);
  process.env.TARO_ENV = 'weapp';
  requestSubscriptions([]);
  requestSubscriptions(undefined);
  await flush();
  expect(requestSubscribeMessage).not.toHaveBeenCalled();
});
