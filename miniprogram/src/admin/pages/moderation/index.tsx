import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import { canModerate } from '@shared/domain/permissions';
import { useModerationQueue } from '../../../hooks/use-moderation-queue';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
// Styles load in import order: the shared components in the order the other pages use them (tag, footer, state).
import { ModerationCard } from '../../components/moderation-card';
import { ListFooter } from '../../../components/list-footer';
import { AccessGate, NoAccess } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { moderationKey } from '../../../utils/moderation';
import './index.scss';

export const MODERATION_DENIED = '内容审核仅限协管员和学校管理员使用。';

function ModerationQueue({ me }: { me: Me }) {
  const { list, forbidden, decision, done, notice } = useModerationQueue();
  const now = useNow(60_000);
  usePullToReload(list.reload, list.loading);
  // Mounted once the viewer is known (after the page's first show): every show it sees is a return, e.g.
  // from a question page, and the queue may have changed meanwhile.
  useDidShow(list.reload);
  if (forbidden) return <NoAccess text={MODERATION_DENIED} />;

  return (
    <View className='moderation'>
      <View className='moderation__intro'>
        <Text className='moderation__title'>内容审核</Text>
        <Text className='moderation__hint'>
          以下内容未通过自动检查或被多位用户举报，暂不公开（提问同学和办理人员仍能看到），等待最久的在前。请核实后公开或隐藏，并写明理由：理由写入处理记录，每次操作记入操作日志。
        </Text>
      </View>

      {done ? (
        <View className={`moderation__done moderation__done--${done.decision}`}>
          <Text className='moderation__done-mark'>✓</Text>
          <View className='moderation__done-body'>
            <Text className='moderation__done-line'>{done.text}</Text>
            <Text className='moderation__done-what breakable'>{done.what}</Text>
          </View>
        </View>
      ) : null}
      {notice ? <Text className='moderation__notice'>{notice}</Text> : null}

      {list.items.map((item) => (
        <ModerationCard key={moderationKey(item)} item={item} now={now} decision={decision} />
      ))}
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText='暂无待审核内容'
        onMore={list.loadMore}
        onRetry={list.reload}
      />
      <OversightLinks show={['audit', 'escalations']} roles={me.roles} />
    </View>
  );
}

/**
 * 内容审核 (the coordinator, the school admin): what the content check held or
 * people reported, longest waiting first; each is published or hidden with a
 * reason, and leaves the list with a confirmation. Anyone else is told the page
 * is not theirs.
 */
export default function ModerationPage() {
  return (
    <AccessGate allows={canModerate} deniedText={MODERATION_DENIED}>
      {(me) => <ModerationQueue me={me} />}
    </AccessGate>
  );
}
