import { WechatNotifier } from '../../shared/server/adapters/wechat-notifier';
import { ERRCODE_NO_PERMISSION, ERRCODE_NO_SUBSCRIPTION, type SubscribeMessage } from '../../shared/server/ports/notifier';

/**
 * The WeChat adapter against a mocked wx-server-sdk (it is installed only in
 * the cloud). Every case pins the verdict, so inverting a success check in the
 * adapter fails these tests.
 */
const send = jest.fn();
const init = jest.fn();
jest.mock('wx-server-sdk', () => ({ init, DYNAMIC_CURRENT_ENV: 'dynamic-env', openapi: { subscribeMessage: { send } } }), { virtual: true });

/** What wx-server-sdk throws: a CloudSDKError carrying errCode and errMsg. */
function cloudSdkError(errCode: number, errMsg: string) {
  return Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg });
}

const MESSAGE: SubscribeMessage = {
  touser: 'o-student-1',
  templateId: 'tplReminder_001',
  page: 'pages/question/index?id=q1',
  data: { thing1: '数据结构答疑', time3: '2025-03-01 10:00' },
};
const WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234-efgh';

let log: jest.Mock;
let notifier: WechatNotifier;
beforeEach(() => {
  send.mockReset();
  init.mockReset();
  log = jest.fn();
  notifier = new WechatNotifier('formal', log);
});
afterEach(() => jest.restoreAllMocks());

describe('WechatNotifier.sendSubscribeMessage', () => {
  it('reports a message WeChat accepted as sent, with the request WeChat expects', async () => {
    send.mockResolvedValue({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    await expect(notifier.sendSubscribeMessage(MESSAGE)).resolves.toEqual({ ok: true });
    expect(init).toHaveBeenCalledWith({ env: 'dynamic-env' });
    expect(send).toHaveBeenCalledWith({
      touser: 'o-student-1',
      page: 'pages/question/index?id=q1',
      templateId: 'tplReminder_001',
      miniprogramState: 'formal',
      lang: 'zh_CN',
      data: { thing1: { value: '数据结构答疑' }, time3: { value: '2025-03-01 10:00' } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('reports an answer with a non-zero errCode as not sent, with WeChat\'s code and message', async () => {
    send.mockResolvedValue({ errCode: 40003, errMsg: 'invalid openid' });
    await expect(notifier.sendSubscribeMessage(MESSAGE)).resolves.toEqual({ ok: false, errcode: 40003, errmsg: 'invalid openid' });
  });

  it('reports a thrown error as not sent', async () => {
    send.mockRejectedValue(new Error('socket hang up'));
    await expect(notifier.sendSubscribeMessage(MESSAGE)).resolves.toEqual({ ok: false, errcode: -1, errmsg: 'socket hang up' });
  });

  it('passes 43101 (no subscription left) on as its own code', async () => {
    send.mockRejectedValue(cloudSdkError(ERRCODE_NO_SUBSCRIPTION, 'openapi.subscribeMessage.send:fail user refuse to accept the msg'));
    await expect(notifier.sendSubscribeMessage(MESSAGE)).resolves.toEqual({
      ok: false,
      errcode: 43101,
      errmsg: 'openapi.subscribeMessage.send:fail user refuse to accept the msg',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('reports -604101 (no permission for the cloud call) recognisably and logs how to grant it', async () => {
    send.mockRejectedValue(cloudSdkError(-604101, 'system error: error code: -604101'));
    const result = await notifier.sendSubscribeMessage(MESSAGE);
    expect(result).toEqual({ ok: false, errcode: ERRCODE_NO_PERMISSION, errmsg: expect.stringMatching(/^NO_PERMISSION: /) });
    expect(!result.ok && result.errmsg).toMatch(/subscribeMessage\.send/);
    expect(!result.ok && result.errmsg).toMatch(/WeChat DevTools/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/NO_PERMISSION: WeChat refused the cloud call subscribeMessage\.send \(-604101\).*config\.json permissions\.openapi.*system error: error code: -604101/);
  });

  it('also recognises -604101 when it comes back as an answer rather than an exception', async () => {
    send.mockResolvedValue({ errCode: -604101, errMsg: 'function has no permission to call this API' });
    await expect(notifier.sendSubscribeMessage(MESSAGE)).resolves.toMatchObject({ ok: false, errcode: -604101, errmsg: expect.stringMatching(/^NO_PERMISSION/) });
    expect(log).toHaveBeenCalledTimes(1);
  });
});

describe('WechatNotifier.postToGroup (WeCom group robot)', () => {
  function robotAnswers(body: unknown, status = 200) {
    return jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  }

  it('reports a message the robot posted as sent', async () => {
    const fetch = robotAnswers({ errcode: 0, errmsg: 'ok' });
    await expect(notifier.postToGroup(WEBHOOK, '@任智宇 有问题即将超时')).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith(WEBHOOK, expect.objectContaining({ method: 'POST' }));
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({ msgtype: 'text', text: { content: '@任智宇 有问题即将超时' } });
  });

  it('reports the robot\'s refusal as not sent', async () => {
    robotAnswers({ errcode: 93000, errmsg: 'invalid webhook url' });
    await expect(notifier.postToGroup(WEBHOOK, 'x')).resolves.toEqual({ ok: false, errcode: 93000, errmsg: 'invalid webhook url' });
  });

  it('reports an HTTP error or an answer without errcode as not sent', async () => {
    robotAnswers({}, 502);
    await expect(notifier.postToGroup(WEBHOOK, 'x')).resolves.toMatchObject({ ok: false, errcode: 502 });
    robotAnswers({ hello: 'captive portal' }, 200);
    await expect(notifier.postToGroup(WEBHOOK, 'x')).resolves.toMatchObject({ ok: false });
  });

  it('reports a network failure as not sent', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    await expect(notifier.postToGroup(WEBHOOK, 'x')).resolves.toEqual({ ok: false, errcode: -1, errmsg: 'fetch failed' });
  });
});
