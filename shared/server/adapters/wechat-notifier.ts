import { ERRCODE_NO_PERMISSION, type Notifier, type SendResult, type SubscribeMessage } from '../ports/notifier';
import { wechatOpenApi } from './wechat-openapi';

/**
 * WeChat in the cloud: subscription messages through wx-server-sdk's
 * cloud.openapi, and WeCom group robots over HTTPS. wx-server-sdk is loaded
 * lazily (and kept out of the bundle) so the local cloud, which never calls
 * this adapter, does not need it installed.
 *
 * The cloud call needs the function's permission for subscribeMessage.send
 * (config.json → permissions.openapi). WeChat applies that file only when the
 * function is uploaded from WeChat DevTools; the CloudBase CLI never reads it
 * (docs/decisions/0008). Without it every send fails with -604101: that is
 * reported as its own errcode with a message saying what to do, and logged,
 * never taken for a sent message.
 */
interface OpenApi {
  subscribeMessage: { send(args: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string } | undefined> };
}

export const SUBSCRIBE_SEND_PERMISSION = 'subscribeMessage.send';

/** What the outbox records and the log says when the permission is missing. */
export function missingPermissionMessage(): string {
  return (
    `NO_PERMISSION: WeChat refused the cloud call ${SUBSCRIBE_SEND_PERMISSION} (${ERRCODE_NO_PERMISSION}): ` +
    `this cloud function has no permission for it. Grant it by uploading the function once from WeChat DevTools ` +
    `(cloudfunctions/<name> → 上传并部署：云端安装依赖), which applies config.json permissions.openapi; allow 10 minutes ` +
    `for WeChat's cache (README → Deploy to CloudBase).`
  );
}

export class WechatNotifier implements Notifier {
  constructor(
    private readonly miniprogramState: 'developer' | 'trial' | 'formal',
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  private api(): OpenApi {
    return wechatOpenApi<OpenApi>();
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
    const answer = await this.callSubscribeSend(message);
    // One verdict for every outcome: only WeChat's errCode 0 means the message went.
    if (answer.errCode === 0) return { ok: true };
    if (answer.errCode === ERRCODE_NO_PERMISSION) {
      const reason = missingPermissionMessage();
      this.log(`[qnzs] ${reason} (wx-server-sdk: ${answer.errMsg})`);
      return { ok: false, errcode: answer.errCode, errmsg: reason };
    }
    return { ok: false, errcode: answer.errCode, errmsg: answer.errMsg };
  }

  /** wx-server-sdk answers {errCode: 0} when WeChat accepted the message and throws a CloudSDKError otherwise. */
  private async callSubscribeSend(message: SubscribeMessage): Promise<{ errCode: number; errMsg: string }> {
    const data = Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }]));
    try {
      const res = await this.api().subscribeMessage.send({
        touser: message.touser,
        page: message.page,
        templateId: message.templateId,
        miniprogramState: this.miniprogramState,
        lang: 'zh_CN',
        data,
      });
      if (!res) return { errCode: -1, errMsg: 'empty answer from wx-server-sdk' };
      return { errCode: typeof res.errCode === 'number' ? res.errCode : 0, errMsg: res.errMsg ?? '' };
    } catch (err) {
      const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
      const errMsg = typeof e?.errMsg === 'string' ? e.errMsg : typeof e?.message === 'string' ? e.message : String(err);
      return { errCode: typeof e?.errCode === 'number' && e.errCode !== 0 ? e.errCode : -1, errMsg };
    }
  }

  async postToGroup(webhookUrl: string, text: string): Promise<SendResult> {
    const answer = await this.callRobot(webhookUrl, text);
    // The robot answers HTTP 200 with {errcode: 0, errmsg: "ok"} when it posted the message.
    if (answer.httpOk && answer.errcode === 0) return { ok: true };
    return { ok: false, errcode: answer.errcode ?? answer.status, errmsg: answer.errmsg };
  }

  private async callRobot(webhookUrl: string, text: string): Promise<{ httpOk: boolean; status: number; errcode?: number; errmsg: string }> {
    try {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      });
      const body = (await res.json().catch(() => ({}))) as { errcode?: unknown; errmsg?: unknown };
      return {
        httpOk: res.ok,
        status: res.status,
        errcode: typeof body.errcode === 'number' ? body.errcode : undefined,
        errmsg: typeof body.errmsg === 'string' ? body.errmsg : res.statusText || 'no errcode in the robot\'s answer',
      };
    } catch (err) {
      return { httpOk: false, status: -1, errcode: -1, errmsg: err instanceof Error ? err.message : String(err) };
    }
  }
}
