import { useCallback } from 'react';
import type { Me } from '@shared/contracts/me.contract';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listMyQuestions } from '../../services/question.service';
import { usePagedList } from '../../hooks/use-paged-list';
import { useMe } from '../../hooks/use-me';
import { useNow } from '../../hooks/use-now';
import { usePullToReload } from '../../hooks/use-pull-to-reload';
import { useReshow } from '../../hooks/use-reshow';
import { QuestionCard } from '../../components/question-card';
import { CountdownTag } from '../../components/countdown-tag';
import { ListFooter } from '../../components/list-footer';
import { IdentityPicker } from '../../components/identity-picker';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { StateView } from '../../components/state-view';
import { PrivacyConsent } from '../../components/privacy-consent';
import {
  canCurateFaq,
  canModerate,
  canReadAuditLog,
  canReadCases,
  canReadStatistics,
  canReadRoster,
  canReadRouting,
  canSeeEntryLinks,
  canSeeEscalations,
  canSeeUnreachable,
  canUseWorkbench,
} from '@shared/domain/permissions';
import { roleLabel } from '../../utils/labels';
import { routes } from '../../utils/routes';
import { requestSubscriptions } from '../../services/subscription.service';
import { useUnreadCount, useUnreadRefresh } from '../../hooks/use-unread-messages';
import './index.scss';

/** Staff see whether their phone is bound (reminders that fail fall back to a call); everyone else what is there. */
function accountHint(me: Me): string {
  const staff = me.registered && me.roles.some((r) => r !== 'student');
  if (!staff) return '查看、导出我的数据，或注销账号';
  return me.phone ? `手机号 ${me.phone} · 导出数据、注销账号` : '未绑定手机号 · 提醒送不到时用来联系你';
}

/** 隐私说明: for everyone, signed in or not. */
function PrivacyEntry() {
  return (
    <View className='mine__entry mine__entry--quiet' onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
      <View className='mine__entry-text'>
        <Text className='mine__entry-title'>隐私说明</Text>
        <Text className='mine__entry-hint'>我们收集什么、为什么、保存多久、谁能看到</Text>
      </View>
      <Text className='mine__entry-arrow'>›</Text>
    </View>
  );
}

/** 消息中心, with the unread count (the tab bar badge shows the same). */
function MessagesEntry() {
  const unread = useUnreadCount();
  return (
    <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.messages })}>
      <View className='mine__entry-text'>
        <Text className='mine__entry-title'>消息中心</Text>
        <Text className='mine__entry-hint'>{unread > 0 ? `${unread} 条未读消息` : '答复、关注的进展、活动报名的通知'}</Text>
      </View>
      {unread > 0 ? <Text className='mine__unread'>{unread > 99 ? '99+' : unread}</Text> : null}
      <Text className='mine__entry-arrow'>›</Text>
    </View>
  );
}

export default function MinePage() {
  const me = useMe();
  useUnreadRefresh();
  const fetchPage = useCallback((cursor?: string) => listMyQuestions({ cursor }), []);
  const list = usePagedList(fetchPage);
  const now = useNow();
  const reloadAll = useCallback(() => {
    me.reload();
    list.reload();
  }, [me.reload, list.reload]);
  useReshow(reloadAll);
  usePullToReload(reloadAll, list.loading);

  // No identity yet: one explanation and one way forward, not an error per section.
  if (me.errorCode === 'AUTH.REQUIRED') {
    return (
      <View className='mine'>
        <SignInPrompt purpose='你的提问和答复' onSignedIn={reloadAll} />
        <View className='mine__signed-out'>
          <PrivacyEntry />
        </View>
      </View>
    );
  }

  const profile = me.data;
  const roles = profile?.roles ?? [];
  return (
    <View className='mine'>
      <PrivacyConsent />
      <View className='mine__side'>
        <View className='mine__profile'>
          <View className='mine__avatar'>
            <Text>{(profile?.name ?? '同学').slice(0, 1)}</Text>
          </View>
          <View className='mine__who'>
            <Text className='mine__name'>{profile?.name ?? (me.loading ? '加载中…' : '同学')}</Text>
            {profile ? (
              <View className='mine__roles'>
                {(roles.length ? roles : ['student']).map((r) => (
                  <Text key={r} className='mine__role'>{roleLabel(r)}</Text>
                ))}
              </View>
            ) : null}
            {profile && profile.memberships.length > 0 ? (
              <Text className='mine__units'>{profile.memberships.map((m) => m.unitName).join('、')}</Text>
            ) : null}
          </View>
        </View>

        <IdentityPicker onChange={reloadAll} />

        {profile ? <MessagesEntry /> : null}

        {canUseWorkbench({ roles }) ? (
          <View
            className='mine__entry'
            onClick={() => {
              // Reminders before the 24-hour deadline need a subscription; ask at this tap.
              requestSubscriptions(profile?.subscribeTemplates.responder);
              void Taro.navigateTo({ url: routes.inbox });
            }}
          >
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>答复工作台</Text>
              <Text className='mine__entry-hint'>查看待回复的问题，24小时内答复</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canSeeEscalations({ roles }) ? (
          <View className='mine__entry mine__entry--warn' onClick={() => void Taro.navigateTo({ url: routes.escalations })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>超时督办</Text>
              <Text className='mine__entry-hint'>各单位超过时限仍未答复的问题</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canSeeEscalations({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.performance })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>各单位答复情况</Text>
              <Text className='mine__entry-hint'>近 7 / 30 / 90 天按时答复与超时</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canReadStatistics({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.stats })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>数据统计</Text>
              <Text className='mine__entry-hint'>按时答复率、办结率、满意率，各单位与人员排名</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canReadStatistics({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.reports() })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>双周报</Text>
              <Text className='mine__entry-hint'>{canSeeEscalations({ roles }) ? '各单位提交情况，催交未提交的单位' : '填写存在问题与工作建议，13 日、27 日前提交'}</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canReadCases({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.cases })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>典型案例</Text>
              <Text className='mine__entry-hint'>线上、线下典型案例报送</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canModerate({ roles }) ? (
          <View className='mine__entry mine__entry--warn' onClick={() => void Taro.navigateTo({ url: routes.moderation })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>内容审核</Text>
              <Text className='mine__entry-hint'>被拦下或被举报、等待审核的内容</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canCurateFaq({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.faqCuration })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>常见问题整理</Text>
              <Text className='mine__entry-hint'>把反复出现的提问整理成置顶的常见问题</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canReadAuditLog({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.audit })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>操作日志</Text>
              <Text className='mine__entry-hint'>审核等管理操作：谁、何时、为什么</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canSeeUnreachable({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.unreachable })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>提醒送达情况</Text>
              <Text className='mine__entry-hint'>哪些老师没有收到答复提醒</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canReadRoster({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.people })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>人员与分工</Text>
              <Text className='mine__entry-hint'>{canSeeEntryLinks({ roles }) ? '邀请新成员，调整团队与分工，看达标情况' : '各单位成员、团队与分工，达标情况'}</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canReadRouting({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.routing })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>单位与分类</Text>
              <Text className='mine__entry-hint'>问题分给哪个单位、答复时限、紧急联系人</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {canSeeEntryLinks({ roles }) ? (
          <View className='mine__entry mine__entry--plain' onClick={() => void Taro.navigateTo({ url: routes.entry })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>入口与二维码</Text>
              <Text className='mine__entry-hint'>公众号菜单、小程序码、网站飘窗</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {profile ? (
          <View className='mine__entry mine__entry--quiet' onClick={() => void Taro.navigateTo({ url: routes.join() })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>加入答复团队</Text>
              <Text className='mine__entry-hint'>收到管理员的邀请码？在这里输入</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}

        {profile ? (
          <View className='mine__entry mine__entry--quiet' onClick={() => void Taro.navigateTo({ url: routes.account })}>
            <View className='mine__entry-text'>
              <Text className='mine__entry-title'>账号与数据</Text>
              <Text className='mine__entry-hint'>{accountHint(profile)}</Text>
            </View>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        ) : null}
        <PrivacyEntry />
      </View>

      <View className='mine__main'>
        {me.error ? (
          <StateView kind='error' title={me.error} actions={[{ label: '重试', primary: true, onClick: reloadAll }]} />
        ) : profile ? (
          <>
            <View className='mine__section'>
              <Text className='mine__section-title'>我的提问</Text>
              <Text className='mine__section-link' onClick={() => void Taro.navigateTo({ url: routes.ask() })}>我要提问 ›</Text>
            </View>
            {list.items.map((q) => (
              <QuestionCard
                key={q.id}
                question={q}
                now={now}
                onOpen={(id) => Taro.navigateTo({ url: routes.question(id) })}
                aside={q.status === 'routed' ? <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} /> : undefined}
              />
            ))}
            <ListFooter
              loading={list.loading}
              error={list.error}
              hasMore={list.hasMore}
              empty={list.items.length === 0}
              emptyText='你还没有提过问题'
              onMore={list.loadMore}
              onRetry={list.reload}
            />
          </>
        ) : null}
      </View>
    </View>
  );
}
