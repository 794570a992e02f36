import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import { useMe } from '../../../hooks/use-me';
import { StateView } from '../../../components/state-view';
import { isRetryable } from '../../../services/api-error';
import { routes } from '../../../utils/routes';
import './index.scss';

/** Back to where the viewer came from, or to 我的 after a deep link. */
export function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: routes.mine });
}

/** A page that is not for this viewer says so, and whom it is for, with a way back. */
export function NoAccess({ text }: { text: string }) {
  return (
    <View className='gate'>
      <StateView kind='info' title='无权限' text={text} actions={[{ label: '返回', onClick: leavePage, primary: true }]} />
    </View>
  );
}

interface Props {
  /** Who may open the page (the permission the server checks too). */
  allows: (me: Me) => boolean;
  /** "内容审核仅限协管员和学校管理员使用". */
  deniedText: string;
  /** Rendered once the viewer is known to be allowed, so nothing is loaded for anyone else. */
  children: (me: Me) => ReactNode;
}

/**
 * An oversight page's door: who the viewer is comes first (me.get); anyone the
 * page is not for gets a clear 无权限 state, and the page's own data is asked
 * for only by those it is for.
 */
export function AccessGate({ allows, deniedText, children }: Props) {
  const me = useMe();
  if (!me.data) {
    if (!me.error) {
      return (
        <View className='gate'>
          <StateView kind='loading' title='加载中…' />
        </View>
      );
    }
    const actions = [
      ...(isRetryable(me.errorCode) ? [{ label: '重试', onClick: me.reload, primary: true }] : []),
      { label: '返回', onClick: leavePage, primary: !isRetryable(me.errorCode) },
    ];
    return (
      <View className='gate'>
        <StateView kind='error' title={me.error} actions={actions} />
      </View>
    );
  }
  if (!allows(me.data)) return <NoAccess text={deniedText} />;
  return <>{children(me.data)}</>;
}
