import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { isDuplicateKeyError } from './cloudbase-question.repository';
import type { DeliveryResult, NotificationRepository, PageRequest } from '../ports/repositories';
import type { NotificationRecord } from '../ports/records';

export class CloudbaseNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.notifications.name);
  }

  async insertMany(notifications: NotificationRecord[]): Promise<void> {
    if (notifications.length === 0) return;
    try {
      await this.coll.add(notifications);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Some exist already (the sweep or another tick got there first): write the rest one by one.
      for (const n of notifications) {
        try {
          await this.coll.add(n);
        } catch (one) {
          if (!isDuplicateKeyError(one)) throw one;
        }
      }
    }
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const _ = this.db.command;
    for (let i = 0; i < ids.length; i += 500) {
      const res = await this.coll.where({ _id: _.in(ids.slice(i, i + 500)) }).field({ _id: true }).limit(1000).get();
      for (const row of res.data as { _id: string }[]) found.add(row._id);
    }
    return found;
  }

  async listDue(now: number, limit: number): Promise<NotificationRecord[]> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ state: _.in(['pending', 'sending']), dueAt: _.lte(now) })
      .orderBy('dueAt', 'asc')
      .limit(limit)
      .get();
    return res.data as NotificationRecord[];
  }

  async claim(notification: NotificationRecord, now: number, leaseMs: number): Promise<boolean> {
    const res = await this.coll
      .where({ _id: notification._id, state: notification.state, dueAt: notification.dueAt })
      .update({ state: 'sending', dueAt: now + leaseMs });
    return res.updated === 1;
  }

  async finish(id: string, outcome: DeliveryResult): Promise<void> {
    await this.coll.doc(id).update({ state: outcome.state, channel: outcome.channel, reason: outcome.reason, problem: outcome.problem, finishedAt: outcome.at, attempts: outcome.attempts });
  }

  async retryLater(id: string, dueAt: number, attempts: number, reason: string): Promise<void> {
    await this.coll.doc(id).update({ state: 'pending', dueAt, attempts, reason });
  }

  async listUnreachable(unitIds: string[] | null, limit: number): Promise<NotificationRecord[]> {
    if (unitIds !== null && unitIds.length === 0) return [];
    const _ = this.db.command;
    const problems = { state: _.in(['fallback', 'undeliverable']), unitId: unitIds === null ? _.neq(null) : _.in(unitIds) };
    const res = await this.coll.where(problems).orderBy('createdAt', 'desc').limit(limit).get();
    return res.data as NotificationRecord[];
  }

  async listByRecipient(openid: string, limit: number): Promise<NotificationRecord[]> {
    const res = await this.coll.where({ recipientOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get();
    return res.data as NotificationRecord[];
  }

  async removeByRecipient(openid: string): Promise<void> {
    await this.coll.where({ recipientOpenid: openid }).remove();
  }

  async listForRecipient(openid: string, page: PageRequest): Promise<NotificationRecord[]> {
    const _ = this.db.command;
    // Message ids are long and dotted, so the cursor is (createdAt, how many rows at that instant were shown): see the port.
    const where: Record<string, unknown> = { recipientOpenid: openid, state: _.neq('withdrawn') };
    if (page.after) where.createdAt = _.lte(page.after.values[0]);
    const skip = page.after ? Number(page.after.id) : 0;
    const res = await this.coll.where(where).orderBy('createdAt', 'desc').orderBy('_id', 'asc').skip(skip).limit(page.limit).get();
    return res.data as NotificationRecord[];
  }

  async countUnread(openid: string): Promise<number> {
    const _ = this.db.command;
    const res = await this.coll.where({ recipientOpenid: openid, readAt: null, state: _.neq('withdrawn') }).count();
    return res.total as number;
  }

  async markRead(openid: string, ids: string[] | null, at: number): Promise<number> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { recipientOpenid: openid, readAt: null };
    if (ids) where._id = _.in(ids);
    const res = await this.coll.where(where).update({ readAt: at });
    return res.updated as number;
  }
}
