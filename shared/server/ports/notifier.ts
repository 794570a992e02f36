/**
 * The capability of reaching a person outside the app. Adapters: WeChat
 * (wx-server-sdk cloud.openapi + WeCom group robots) in the cloud, the local
 * outbox under the local cloud.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page the message opens, with its query. */
  page: string;
  data: Record<string, string>;
}

export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg: string };

/** WeChat's answer when the user has no subscription left for this template. */
export const ERRCODE_NO_SUBSCRIPTION = 43101;

/**
 * CloudBase's answer when the function has no permission for the cloud call
 * (subscribeMessage.send not granted): nothing will send until a person fixes
 * the deployment, so it is never retried as if it were a passing failure.
 */
export const ERRCODE_NO_PERMISSION = -604101;

export interface Notifier {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult>;
  /** A WeCom (企业微信) group robot: the unit's fallback channel. */
  postToGroup(webhookUrl: string, text: string): Promise<SendResult>;
}

/** Only WeCom group robot URLs are accepted as fallback channels (shared/domain/routing-table.ts: the unit record uses it too). */
export { WECOM_WEBHOOK_PATTERN } from '../../domain/routing-table';
