import { useCallback, useState } from 'react';
import type { MessageItem } from '@shared/contracts/message.contract';
import { listMessages, markMessagesRead } from '../services/community.service';
import { showUnread } from '../services/unread-messages';
import { userMessageOf } from '../services/api-error';
import { usePagedList } from './use-paged-list';

const fetchMessages = (cursor?: string) =>
  listMessages(cursor).then((page) => {
    // The first page carries the unread count: the badge follows what the list shows.
    if (!cursor) showUnread(page.unread);
    return page;
  });

/**
 * 消息中心: messages newest first (paged), which were read, and the two ways
 * to read them — open one (marks it), or 全部已读.
 */
export function useMessages() {
  const list = usePagedList<MessageItem>(fetchMessages);
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(new Set());
  const [allRead, setAllRead] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const isRead = useCallback((m: MessageItem) => allRead || m.read || readNow.has(m.id), [allRead, readNow]);
  const unreadShown = list.items.filter((m) => !isRead(m)).length;

  /** Marks it read (shown at once; the count comes back from the server). */
  const markRead = useCallback(
    (m: MessageItem) => {
      if (isRead(m)) return;
      setReadNow((prev) => new Set(prev).add(m.id));
      markMessagesRead({ ids: [m.id] }).then(
        (out) => showUnread(out.unread),
        () => undefined, // Still unread on the server: the next visit shows it unread again.
      );
    },
    [isRead],
  );

  const markAllRead = useCallback(async () => {
    setError(null);
    try {
      const out = await markMessagesRead({ all: true });
      setAllRead(true);
      showUnread(out.unread);
    } catch (err) {
      setError(userMessageOf(err));
    }
  }, []);

  const reload = useCallback(() => {
    setReadNow(new Set());
    setAllRead(false);
    list.reload();
  }, [list.reload]);

  return { list, isRead, unreadShown, markRead, markAllRead, error, reload };
}
