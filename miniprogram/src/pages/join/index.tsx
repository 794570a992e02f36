import Taro from '@tarojs/taro';
import { View, Text, Button, Input } from '@tarojs/components';
import { INVITATION_STATUS_LABELS } from '@shared/domain/invitation';
import { TEAM_LABELS } from '@shared/domain/organisation';
import type { InviteInfo } from '../../services/roster.service';
import { isRetryable } from '../../services/api-error';
import { useEntryParams } from '../../hooks/use-entry-params';
import { useJoin } from '../../hooks/use-join';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { StateView } from '../../components/state-view';
import { inviteFromEntry } from '../../utils/entry-params';
import { roleLabel } from '../../utils/labels';
import { routes } from '../../utils/routes';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/** Why an invitation in this state cannot be used, and what to do instead. */
const CLOSED_TEXT: Record<Exclude<InviteInfo['status'], 'open'>, string> = {
  expired: '这个邀请已过期。',
  usedUp: '这个邀请已被使用，不能再用来加入。',
  revoked: '这个邀请已被管理员撤销。',
};

const goHome = () => void Taro.switchTab({ url: routes.home });
const goInbox = () => void Taro.redirectTo({ url: routes.inbox });

function Invitation({ info }: { info: InviteInfo }) {
  return (
    <View className='join__card'>
      <Text className='join__who'>{info.invitedByName} 邀请你加入</Text>
      <Text className='join__unit breakable'>{info.unitName}</Text>
      <View className='join__rows'>
        <View className='join__row'>
          <Text className='join__key'>团队</Text>
          <Text className='join__val'>{TEAM_LABELS[info.team]}</Text>
        </View>
        <View className='join__row'>
          <Text className='join__key'>分工</Text>
          <Text className='join__val breakable'>{info.categories.length ? info.categories.map((c) => c.name).join('、') : '暂未指定，由管理员分配'}</Text>
        </View>
        <View className='join__row'>
          <Text className='join__key'>身份</Text>
          <Text className='join__val'>{roleLabel(info.role)}</Text>
        </View>
        {info.name ? (
          <View className='join__row'>
            <Text className='join__key'>受邀人</Text>
            <Text className='join__val'>{info.name}</Text>
          </View>
        ) : null}
        <View className='join__row'>
          <Text className='join__key'>有效期至</Text>
          <Text className='join__val'>
            {formatDateTime(info.expiresAt)}
            <Text className={`join__status join__status--${info.status}`}>{INVITATION_STATUS_LABELS[info.status]}</Text>
          </Text>
        </View>
      </View>
    </View>
  );
}

/**
 * 加入答复团队: the page an invitation's mini-program code opens (scene `i=<code>`),
 * or a code typed by hand. Shows what the invitation is for, then 加入 binds this
 * WeChat identity to the roster and leads to the 答复工作台.
 */
export default function JoinPage() {
  const entryCode = inviteFromEntry(useEntryParams());
  const j = useJoin(entryCode);
  const { step } = j;

  if (step.kind === 'failed' && step.errorCode === 'AUTH.REQUIRED') {
    return (
      <View className='join'>
        <SignInPrompt purpose='邀请的内容并加入答复团队' onSignedIn={() => j.retry(step.code)} />
      </View>
    );
  }

  return (
    <View className='join'>
      {step.kind === 'enter' ? (
        <View className='join__card'>
          <Text className='join__title'>加入答复团队</Text>
          <Text className='join__hint'>扫描管理员发给你的小程序码会自动打开邀请；也可以在这里输入 10 位邀请码。</Text>
          <Input
            className='join__input'
            placeholder='例如 CSEXPERT26'
            maxlength={20}
            value={j.typed}
            onInput={(e) => j.setTyped(e.detail.value)}
          />
          {j.typedError ? <Text className='join__error'>{j.typedError}</Text> : null}
          <Button className='btn-primary join__btn' onClick={j.submitTyped}>查看邀请</Button>
          <Button className='btn-ghost' onClick={goHome}>返回首页</Button>
        </View>
      ) : null}

      {step.kind === 'loading' ? <StateView kind='loading' title='正在读取邀请…' /> : null}

      {step.kind === 'failed' ? (
        <StateView
          kind='error'
          title={step.message}
          text={`邀请码：${step.code}`}
          actions={[
            ...(isRetryable(step.errorCode) && step.errorCode !== 'INVITE.INVALID' ? [{ label: '重试', primary: true, onClick: () => j.retry(step.code) }] : []),
            { label: '输入其他邀请码', primary: !isRetryable(step.errorCode) || step.errorCode === 'INVITE.INVALID', onClick: j.enterAnother },
            { label: '返回首页', onClick: goHome },
          ]}
        />
      ) : null}

      {step.kind === 'invitation' ? (
        <>
          <Invitation info={step.info} />
          {step.info.alreadyJoined ? (
            <View className='join__card join__card--done'>
              <Text className='join__done-line'>你已经通过这个邀请加入了「{step.info.unitName}」。</Text>
              <Button className='btn-primary join__btn' onClick={goInbox}>进入答复工作台</Button>
            </View>
          ) : step.info.status !== 'open' ? (
            <View className='join__card join__card--closed'>
              <Text className='join__closed'>{CLOSED_TEXT[step.info.status]}请联系{step.info.invitedByName}重新邀请。</Text>
              <Button className='btn-ghost' onClick={j.enterAnother}>输入其他邀请码</Button>
              <Button className='btn-ghost' onClick={goHome}>返回首页</Button>
            </View>
          ) : (
            <View className='join__card'>
              {!step.info.registered && !step.info.name ? (
                <>
                  <Text className='join__label'>你的姓名</Text>
                  <Input className='join__input' placeholder='真实姓名，2–20 个字' maxlength={20} value={j.name} onInput={(e) => j.setName(e.detail.value)} />
                </>
              ) : null}
              <Text className='join__hint'>加入后，发给「{step.info.unitName}」的问题会出现在你的答复工作台，临近答复时限时会提醒你。</Text>
              {j.joinError ? <Text className='join__error'>{j.joinError}</Text> : null}
              <Button className='btn-primary join__btn' loading={j.joining} disabled={j.joining} onClick={j.join}>
                {j.joining ? '正在加入…' : '加入'}
              </Button>
              <Button className='btn-ghost' onClick={j.enterAnother}>不是这个邀请，重新输入</Button>
            </View>
          )}
        </>
      ) : null}

      {step.kind === 'joined' ? (
        <View className='join__card join__card--done'>
          <Text className='join__done-icon'>✓</Text>
          <Text className='join__done-title'>已加入</Text>
          <Text className='join__done-line breakable'>
            {step.result.unitName} · {TEAM_LABELS[step.result.team]}
          </Text>
          <Text className='join__hint'>发给本单位的问题会出现在答复工作台的「待回复」里，请在时限内答复。</Text>
          <Button className='btn-primary join__btn' onClick={goInbox}>进入答复工作台</Button>
          <Button className='btn-ghost' onClick={() => void Taro.switchTab({ url: routes.mine })}>返回我的</Button>
        </View>
      ) : null}
    </View>
  );
}
