import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import type { MessageItem } from '@shared/contracts/message.contract';
import { useMessages } from '../../../hooks/use-messages';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { ListFooter } from '../../../components/list-footer';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { formatRelative } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';
import './index.scss';

const TAB_PAGES = new Set<string>([routes.home, routes.mine]);

/** Opens what the message is about (a tab page by switchTab: it cannot be pushed). */
function open(page: string) {
  const path = page.split('?')[0] ?? page;
  if (TAB_PAGES.has(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url: page });
}

function Message({ m, read, now, onOpen }: { m: MessageItem; read: boolean; now: number; onOpen: () => void }) {
  return (
    <View className={`board-card msg ${read ? 'msg--read' : ''}`} onClick={onOpen}>
      <View className='msg__head'>
        {read ? null : <Text className='msg__dot' aria-label='未读' />}
        <Text className='msg__title'>{m.title}</Text>
        <Text className='msg__time'>{formatRelative(m.at, now)}</Text>
      </View>
      <Text className='msg__text breakable'>{m.text}</Text>
      <Text className='msg__go'>{read ? '查看' : '未读 · 查看'} ›</Text>
    </View>
  );
}

export default function MessagesPage() {
  const c = useMessages();
  const now = useNow();
  usePullToReload(c.reload, c.list.loading);
  useReshow(c.reload);

  if (c.list.errorCode === 'AUTH.REQUIRED') {
    return (
      <View className='board'>
        <SignInPrompt purpose='你的消息' onSignedIn={c.reload} />
      </View>
    );
  }
  return (
    <View className='board board--messages'>
      <View className='board__intro msg-intro'>
        <View className='msg-intro__text'>
          <Text className='board__title'>消息中心</Text>
          <Text className='board__hint'>{c.unreadShown > 0 ? `${c.unreadShown} 条未读` : '问题的答复、关注的进展、活动报名等消息都在这里'}</Text>
        </View>
        {c.unreadShown > 0 ? (
          <Button className='btn-ghost msg-intro__all' size='mini' onClick={() => void c.markAllRead()}>全部已读</Button>
        ) : null}
      </View>
      {c.error ? <Text className='board-error board-error--block'>{c.error}</Text> : null}
      <View className='board__list'>
        {c.list.items.map((m) => (
          <Message
            key={m.id}
            m={m}
            read={c.isRead(m)}
            now={now}
            onOpen={() => {
              c.markRead(m);
              open(m.page);
            }}
          />
        ))}
      </View>
      <ListFooter
        loading={c.list.loading}
        error={c.list.error}
        hasMore={c.list.hasMore}
        empty={c.list.items.length === 0}
        emptyText='还没有消息。提问、同问或关注问题后，有答复和进展会通知你'
        onMore={c.list.loadMore}
        onRetry={c.list.reload}
      />
    </View>
  );
}
