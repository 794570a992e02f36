import type { Clock } from '../clock';
import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import type { IdGenerator } from '../ids';
import type { Notifier, SendResult, SubscribeMessage } from '../ports/notifier';

/**
 * The local cloud's stand-in for WeChat: every message lands in the `outbox`
 * collection, which developers read at GET /__dev/outbox.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Clock,
    private readonly ids: IdGenerator,
  ) {}

  async sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
    await this.db.collection(COLLECTIONS.outbox.name).add({
      _id: this.ids.next('out'),
      channel: 'subscribe',
      ...message,
      createdAt: this.clock().now(),
    });
    return { ok: true };
  }

  async postToGroup(webhookUrl: string, text: string): Promise<SendResult> {
    await this.db.collection(COLLECTIONS.outbox.name).add({
      _id: this.ids.next('out'),
      channel: 'wecom',
      webhookUrl,
      text,
      createdAt: this.clock().now(),
    });
    return { ok: true };
  }
}
