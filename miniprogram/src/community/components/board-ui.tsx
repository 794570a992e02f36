import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Button } from '@tarojs/components';
import type { Catalog } from '@shared/contracts/catalog.contract';
import type { Me } from '@shared/contracts/me.contract';
import { StateView } from '../../components/state-view';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { isRetryable, type ApiErrorCode } from '../../services/api-error';
import { useMe } from '../../hooks/use-me';
import { useCatalog } from '../../hooks/use-catalog';
import { routes } from '../../utils/routes';
import { nativeMaxLength } from '../../utils/text-limits';

const BOARDS = [
  { key: 'activities', label: '活动公告', url: routes.activities },
  { key: 'articles', label: '青年视角', url: routes.articles },
  { key: 'topics', label: '话题墙', url: routes.topics },
  { key: 'tags', label: '热点标签', url: routes.hotTags },
  { key: 'experts', label: '专家推荐', url: routes.experts },
] as const;
export type BoardKey = (typeof BOARDS)[number]['key'];

/** The boards side by side at the top of each board's list: one tap to the next. */
export function BoardNav({ here }: { here: BoardKey }) {
  return (
    <View className='board-nav'>
      {BOARDS.map((b) => (
        <Text
          key={b.key}
          className={`board-nav__item ${b.key === here ? 'board-nav__item--on' : ''}`}
          onClick={() => {
            if (b.key !== here) void Taro.redirectTo({ url: b.url });
          }}
        >
          {b.label}
        </Text>
      ))}
    </View>
  );
}

/** Back where the person came from, or to the board's list after a deep link. */
export function leaveTo(url: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url });
}

interface LoadFailureProps {
  error: string;
  code: ApiErrorCode | null;
  /** What the person wanted to see ("这个活动"), for the sign-in prompt. */
  purpose: string;
  onRetry: () => void;
  /** The board's list: the way on when a retry cannot help. */
  backLabel: string;
  backUrl: string;
}

/** A page that could not load: sign in, retry when that can help, or back to the board. */
export function LoadFailure({ error, code, purpose, onRetry, backLabel, backUrl }: LoadFailureProps) {
  if (code === 'AUTH.REQUIRED') return <SignInPrompt purpose={purpose} onSignedIn={onRetry} />;
  const retry = isRetryable(code);
  return (
    <StateView
      kind='error'
      title={error}
      actions={[...(retry ? [{ label: '重试', primary: true, onClick: onRetry }] : []), { label: backLabel, primary: !retry, onClick: () => void Taro.redirectTo({ url: backUrl }) }]}
    />
  );
}

interface GateProps {
  allows: (me: Me, catalog: Catalog) => boolean;
  deniedText: string;
  purpose: string;
  backLabel: string;
  backUrl: string;
  children: (me: Me, catalog: Catalog) => ReactNode;
}

/** An organiser's form: who the viewer is and the units come first; anyone else is told whom it is for. */
export function BoardGate({ allows, deniedText, purpose, backLabel, backUrl, children }: GateProps) {
  const me = useMe();
  const catalog = useCatalog();
  const failed = me.error ? me : catalog.error ? catalog : null;
  if (failed) {
    return (
      <View className='board'>
        <LoadFailure
          error={failed.error ?? ''}
          code={failed.errorCode}
          purpose={purpose}
          onRetry={() => {
            me.reload();
            catalog.reload();
          }}
          backLabel={backLabel}
          backUrl={backUrl}
        />
      </View>
    );
  }
  if (!me.data || !catalog.data) {
    return (
      <View className='board'>
        <StateView kind='loading' title='加载中…' />
      </View>
    );
  }
  if (!allows(me.data, catalog.data)) {
    return (
      <View className='board'>
        <StateView kind='info' title='无权限' text={deniedText} actions={[{ label: backLabel, primary: true, onClick: () => leaveTo(backUrl) }]} />
      </View>
    );
  }
  return <>{children(me.data, catalog.data)}</>;
}

interface ReasonProps {
  /** "隐藏这条发言". */
  title: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

const QUICK_REASONS = ['广告引流', '人身攻击', '与话题无关', '内容不实'];

/** Why a moderator hides (or restores) something: the reason goes to the audit log. */
export function ReasonPrompt({ title, confirmLabel, busy, error, onConfirm, onCancel }: ReasonProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (reason.trim().length < 2) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <View className='reason'>
      <Text className='reason__title'>{title}</Text>
      <View className='reason__chips'>
        {QUICK_REASONS.map((r) => (
          <Text key={r} className={`reason__chip ${reason === r ? 'reason__chip--on' : ''}`} onClick={() => setReason(r)}>
            {r}
          </Text>
        ))}
      </View>
      <Input className='board-input' placeholder='理由（写入操作日志）' maxlength={nativeMaxLength(200)} value={reason} onInput={(e) => setReason(e.detail.value)} />
      {missing ? <Text className='board-error'>请选择或填写理由（至少 2 个字）</Text> : null}
      {error ? <Text className='board-error'>{error}</Text> : null}
      <View className='reason__actions'>
        <Button className='btn-ghost reason__btn' onClick={onCancel}>取消</Button>
        <Button className='btn-primary reason__btn' disabled={busy || undefined} onClick={confirm}>
          {busy ? '提交中…' : confirmLabel}
        </Button>
      </View>
    </View>
  );
}

/** A labelled form field with its error under it. */
export function Field({ label, extra, error, children }: { label: string; extra?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <View className='field'>
      <View className='field__label-row'>
        <Text className='field__label'>{label}</Text>
        {extra}
      </View>
      {children}
      {error ? <Text className='board-error'>{error}</Text> : null}
    </View>
  );
}
