import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button, Input } from '@tarojs/components';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { useReshow } from '../../../hooks/use-reshow';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { CHECK_IN_MARGIN_MS, checkInOpen, phaseOf, useActivity, useAttendees } from '../../../hooks/use-activity';
import type { ActivityView } from '../../../services/activity.service';
import { Badge } from '../../../components/status-tag';
import { StateView } from '../../../components/state-view';
import { LoadFailure } from '../../components/board-ui';
import { formatDateTime } from '../../../utils/time';
import { formatSpan } from '../../../utils/datetime-input';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

type Activity = ActivityView['activity'];
type Mine = ActivityView['mine'];

interface Steps {
  busy: boolean;
  signUp: () => void;
  cancel: (waiting: boolean) => void;
  checkIn: (code: string) => void;
}

function CheckIn({ a, now, mine, steps }: { a: Activity; now: number; mine: Mine; steps: Steps }) {
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  if (mine.checkedInAt !== null) {
    return <Text className='act__checked'>✓ 已于 {formatDateTime(mine.checkedInAt, now)} 签到</Text>;
  }
  if (!checkInOpen(a, now)) {
    const early = now < a.startAt - CHECK_IN_MARGIN_MS;
    return <Text className='act__hint'>{early ? `签到在活动开始前半小时开放（${formatDateTime(a.startAt - CHECK_IN_MARGIN_MS, now)} 起），到场后输入组织者展示的 6 位签到码。` : '签到时间已过。'}</Text>;
  }
  const submit = () => {
    const clean = code.trim();
    if (!/^\d{6}$/.test(clean)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    steps.checkIn(clean);
  };
  return (
    <View className='act__checkin'>
      <Text className='field__label'>现场签到</Text>
      <View className='act__checkin-row'>
        <Input className='board-input act__code' type='number' maxlength={6} placeholder='输入 6 位签到码' value={code} onInput={(e) => setCode(e.detail.value)} />
        <Button className='btn-primary act__checkin-btn' disabled={steps.busy || undefined} onClick={submit}>签到</Button>
      </View>
      {invalid ? <Text className='board-error'>签到码为 6 位数字</Text> : null}
    </View>
  );
}

/** The viewer's place and what they can do: 报名 / 候补 / 取消 / 签到. */
function MyPlace({ a, mine, now, steps }: { a: Activity; mine: Mine; now: number; steps: Steps }) {
  const phase = phaseOf(a, now);
  const started = now >= a.startAt;
  if (mine.state === 'signedUp') {
    return (
      <View className='act__place act__place--in'>
        <Text className='act__place-title'>你已报名</Text>
        <CheckIn a={a} now={now} mine={mine} steps={steps} />
        {!started && mine.checkedInAt === null ? (
          <Button className='btn-ghost' disabled={steps.busy || undefined} onClick={() => steps.cancel(false)}>取消报名</Button>
        ) : null}
      </View>
    );
  }
  if (mine.state === 'waiting') {
    return (
      <View className='act__place act__place--wait'>
        <Text className='act__place-title'>候补第 {mine.position ?? '?'} 位</Text>
        <Text className='act__hint'>有同学取消报名时按候补顺序递补，递补成功会通知你。候补同学不能签到。</Text>
        {!started ? (
          <Button className='btn-ghost' disabled={steps.busy || undefined} onClick={() => steps.cancel(true)}>取消候补</Button>
        ) : null}
      </View>
    );
  }
  if (phase === 'ended') return <Text className='act__closed'>活动已结束</Text>;
  if (phase === 'closed') return <Text className='act__closed'>报名已截止</Text>;
  return (
    <View className='act__place'>
      {phase === 'full' ? <Text className='act__hint'>名额已满，现在报名将进入候补名单（目前 {a.waiting} 人候补）。</Text> : null}
      <Button className='btn-primary' disabled={steps.busy || undefined} onClick={steps.signUp}>
        {steps.busy ? '提交中…' : phase === 'full' ? '报名候补' : '立即报名'}
      </Button>
      <Text className='act__hint act__hint--center'>报名截止：{formatDateTime(a.signUpDeadline, now)}</Text>
    </View>
  );
}

function People({ title, people, now, empty }: { title: string; people: { name: string; at: number; checkedInAt: number | null }[]; now: number; empty: string }) {
  return (
    <View className='act__people'>
      <Text className='act__people-title'>{title}</Text>
      {people.length === 0 ? <Text className='act__hint'>{empty}</Text> : null}
      {people.map((p, i) => (
        <View key={`${p.name}-${p.at}`} className='act__person'>
          <Text className='act__person-name'>{i + 1}. {p.name}</Text>
          <Text className={`act__person-meta ${p.checkedInAt !== null ? 'act__person-meta--ok' : ''}`}>
            {p.checkedInAt !== null ? `已签到 ${formatDateTime(p.checkedInAt, now)}` : `报名于 ${formatDateTime(p.at, now)}`}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The organiser's part: the check-in code to show at the venue and the lists. */
function Organiser({ activityId, now }: { activityId: string; now: number }) {
  const att = useAttendees(activityId);
  if (!att.data) {
    return (
      <View className='board-card act__org'>
        <Text className='act__org-title'>组织者</Text>
        {att.error ? (
          <View>
            <Text className='board-error'>{att.error}</Text>
            <Button className='btn-ghost' onClick={att.reload}>重试</Button>
          </View>
        ) : (
          <Text className='act__hint'>加载中…</Text>
        )}
      </View>
    );
  }
  const d = att.data;
  return (
    <View className='board-card act__org'>
      <Text className='act__org-title'>组织者</Text>
      <Text className='act__hint'>签到码（请在现场展示，仅组织者可见）</Text>
      <Text className='act__code-show'>{d.checkInCode}</Text>
      <Text className='act__hint'>签到时间：{formatDateTime(d.checkInFrom, now)} 至 {formatDateTime(d.checkInUntil, now)}</Text>
      <View className='act__stats'>
        <Text className='act__stat'>已报名 {d.signedUp.length}</Text>
        <Text className='act__stat'>候补 {d.waiting.length}</Text>
        <Text className='act__stat act__stat--ok'>已签到 {d.checkedIn}</Text>
      </View>
      <People title={`已报名（${d.signedUp.length}）`} people={d.signedUp} now={now} empty='还没有同学报名' />
      <People title={`候补（${d.waiting.length}）`} people={d.waiting} now={now} empty='没有候补的同学' />
      <Button className='btn-ghost' onClick={att.reload}>刷新名单</Button>
    </View>
  );
}

export default function ActivityPage() {
  const { id = '' } = useEntryParams();
  const act = useActivity(id);
  const now = useNow();
  useReshow(act.reload);
  usePullToReload(act.reload, act.loading);

  if (!act.data) {
    return (
      <View className='board'>
        {act.error ? (
          <LoadFailure error={act.error} code={act.errorCode} purpose='这个活动' onRetry={act.reload} backLabel='看看其他活动' backUrl={routes.activities} />
        ) : (
          <StateView kind='loading' title='加载中…' />
        )}
      </View>
    );
  }
  const { activity: a, mine, canManage } = act.data;
  const left = Math.max(0, a.capacity - a.signedUp);
  return (
    <View className='board board--detail'>
      <View className='board__main'>
        <View className='board-card act'>
          <View className='board-card__tags'>
            {a.fromQuestions ? <Badge tone='blue'>来自同学提问</Badge> : null}
            {now >= a.endAt ? <Badge tone='gray'>已结束</Badge> : null}
          </View>
          <Text className='act__title breakable'>{a.title}</Text>
          <View className='act__facts'>
            <Text className='act__fact'>时间：{formatSpan(a.startAt, a.endAt, now)}</Text>
            <Text className='act__fact breakable'>地点：{a.place}</Text>
            <Text className='act__fact'>主办：{a.unitName}</Text>
            <Text className='act__fact'>名额：{a.capacity} 人 · 已报名 {a.signedUp} · 剩余 {left}{a.waiting > 0 ? ` · 候补 ${a.waiting}` : ''}</Text>
            <Text className='act__fact'>报名截止：{formatDateTime(a.signUpDeadline, now)}</Text>
          </View>
          <Text className='act__body breakable' selectable>{a.body}</Text>
          <Text className='act__by'>{a.createdByName} 发布于 {formatDateTime(a.createdAt, now)}</Text>
        </View>

        {a.questions.length > 0 ? (
          <View className='board-card'>
            <Text className='act__org-title'>这个活动回应了同学们的提问</Text>
            {a.questions.map((q) => (
              <Text key={q.id} className='act__question breakable' onClick={() => void Taro.navigateTo({ url: routes.question(q.id) })}>
                {q.title} ›
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View className='board__side'>
        <View className='board-card'>
          {act.note ? <Text className='act__note'>{act.note}</Text> : null}
          {act.actionError ? <Text className='board-error'>{act.actionError}</Text> : null}
          <MyPlace a={a} mine={mine} now={now} steps={act} />
        </View>
        {canManage ? <Organiser activityId={a.id} now={now} /> : null}
      </View>
    </View>
  );
}
