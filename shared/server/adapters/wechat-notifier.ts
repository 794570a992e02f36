import type { Notifier, SendResult, SubscribeMessage } from '../ports/notifier';

/**
 * WeChat in the cloud: subscription messages through wx-server-sdk's
 * cloud.openapi (the function's config.json grants subscribeMessage.send), and
 * WeCom group robots over HTTPS. wx-server-sdk is loaded lazily so the local
 * cloud, which never calls this adapter, does not need it installed.
 */
interface OpenApi {
  subscribeMessage: { send(args: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }> };
}

export class WechatNotifier implements Notifier {
  private openapi: OpenApi | null = null;

  constructor(private readonly miniprogramState: 'developer' | 'trial' | 'formal') {}

  private api(): OpenApi {
    if (!this.openapi) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk') as { init(o: object): void; DYNAMIC_CURRENT_ENV: unknown; openapi: OpenApi };
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      this.openapi = cloud.openapi;
    }
    return this.openapi;
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
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
      if (res.errCode && res.errCode !== 0) return { ok: false, errcode: res.errCode, errmsg: res.errMsg ?? '' };
      return { ok: true };
    } catch (err) {
      const e = err as { errCode?: number; errMsg?: string; message?: string };
      return { ok: false, errcode: e.errCode ?? -1, errmsg: e.errMsg ?? e.message ?? String(err) };
    }
  }

  async postToGroup(webhookUrl: string, text: string): Promise<SendResult> {
    try {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      });
      const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
      if (!res.ok || (body.errcode ?? 0) !== 0) return { ok: false, errcode: body.errcode ?? res.status, errmsg: body.errmsg ?? res.statusText };
      return { ok: true };
    } catch (err) {
      return { ok: false, errcode: -1, errmsg: err instanceof Error ? err.message : String(err) };
    }
  }
}
