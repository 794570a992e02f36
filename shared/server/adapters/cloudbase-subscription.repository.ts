import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { isDuplicateKeyError } from './cloudbase-question.repository';
import type { SubscriptionRepository } from '../ports/repositories';
import type { SubscriptionRecord } from '../ports/records';

export function subscriptionId(openid: string, templateId: string): string {
  return `${openid}.${templateId}`;
}

export class CloudbaseSubscriptionRepository implements SubscriptionRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.subscriptions.name);
  }

  async addCredits(openid: string, templateId: string, credits: number, at: number): Promise<void> {
    const _id = subscriptionId(openid, templateId);
    const inc = () => this.coll.where({ _id }).update({ credits: this.db.command.inc(credits), updatedAt: at });
    if ((await inc()).updated === 1) return;
    try {
      await this.coll.add({ _id, openid, templateId, credits, updatedAt: at } satisfies SubscriptionRecord);
    } catch (err) {
      // Two taps raced to create the record: the other one won, add to it.
      if (!isDuplicateKeyError(err)) throw err;
      await inc();
    }
  }

  async consumeCredit(openid: string, templateId: string, at: number): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ _id: subscriptionId(openid, templateId), credits: _.gt(0) })
      .update({ credits: _.inc(-1), updatedAt: at });
    return res.updated === 1;
  }

  async clearCredits(openid: string, templateId: string, at: number): Promise<void> {
    await this.coll.where({ _id: subscriptionId(openid, templateId) }).update({ credits: 0, updatedAt: at });
  }

  async listCredits(openid: string): Promise<SubscriptionRecord[]> {
    const res = await this.coll.where({ openid }).limit(100).get();
    return res.data as SubscriptionRecord[];
  }

  async removeAll(openid: string): Promise<void> {
    await this.coll.where({ openid }).remove();
  }
}
