import type { MessageItem } from '../../contracts/message.contract';
import { MESSAGE_TITLES } from '../../domain/notification-plan';
import type { NotificationRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { decodeCursor, encodeCursor, pageRequest } from './paging';

/**
 * 消息中心: every message the platform meant for a person — answered,
 * followed question updated, urged, transferred, reminders — read from the
 * delivery records themselves (one per message, whatever the channel did), so
 * the centre holds even what WeChat could not deliver. Unread is a count on
 * the recipient index, one request (decision 19). All of it needs only the
 * caller's openid, so it runs beside the viewer lookup.
 */
function present(n: NotificationRecord): MessageItem {
  // A message about a report, an activity or a unit has no question (''): its subject and page say where it leads.
  const subject = n.questionId ? { type: 'question' as const, id: n.questionId } : (n.subject ?? null);
  return { id: n._id, kind: n.kind, title: MESSAGE_TITLES[n.kind], text: n.text, questionId: n.questionId || null, subject, page: n.page, at: n.createdAt, read: n.readAt != null };
}

export const listMessages: ActionDefinition<'message.list', { rows: NotificationRecord[]; unread: number }> = {
  viewer: 'required',
  async prepare({ pageSize, cursor }, { repos, openid }) {
    const [rows, unread] = await Promise.all([repos.notifications.listForRecipient(openid, pageRequest(pageSize, cursor)), repos.notifications.countUnread(openid)]);
    return { rows, unread };
  },
  async run({ pageSize, cursor }, _ctx, { rows, unread }) {
    const items = rows.slice(0, pageSize);
    const last = items[items.length - 1];
    let nextCursor: string | null = null;
    if (rows.length > pageSize && last) {
      // How many shown messages share the last one's instant (counting earlier pages when they did too).
      const before = decodeCursor(cursor);
      const carried = before && before.values[0] === last.createdAt ? Number(before.id) : 0;
      nextCursor = encodeCursor([last.createdAt], String(carried + items.filter((n) => n.createdAt === last.createdAt).length));
    }
    return { items: items.map(present), nextCursor, unread };
  },
};

/** Idempotent: marking what is read already changes nothing; only the caller's own messages are touched. */
export const markMessagesRead: ActionDefinition<'message.markRead', { marked: number; unread: number }> = {
  viewer: 'required',
  async prepare({ ids, all }, { repos, openid, now }) {
    const marked = await repos.notifications.markRead(openid, all ? null : ids ?? [], now);
    return { marked, unread: await repos.notifications.countUnread(openid) };
  },
  async run(_input, _ctx, result) {
    return result;
  },
};

export const countUnreadMessages: ActionDefinition<'message.unread', number> = {
  viewer: 'required',
  prepare: (_input, { repos, openid }) => repos.notifications.countUnread(openid),
  async run(_input, _ctx, unread) {
    return { unread };
  },
};
