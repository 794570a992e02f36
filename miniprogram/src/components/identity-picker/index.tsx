import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { useDevIdentity } from '../../hooks/use-dev-identity';
import { roleLabel } from '../../utils/labels';
import './index.scss';

interface Props {
  /** Called after a new identity is chosen so the page can reload what it shows. */
  onChange?: (openid: string) => void;
  /** Controlled from outside (a page's own 选择身份 button); uncontrolled when omitted. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * Local-gateway only: pick which seeded person the app acts as (X-Dev-OpenID).
 * Renders nothing in WeChat cloud mode.
 */
export function IdentityPicker({ onChange, open: openProp, onOpenChange }: Props) {
  const { enabled, users, current, openid, error, choose } = useDevIdentity();
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  if (!enabled) return null;

  const label = current ? current.name : openid ? openid : '未选择（默认身份）';
  return (
    <View className='id-picker'>
      <View className='id-picker__bar' onClick={() => setOpen(!open)}>
        <Text className='id-picker__tag'>开发</Text>
        <Text className='id-picker__current'>当前身份：{label}</Text>
        <Text className='id-picker__toggle'>{open ? '收起' : '切换身份'}</Text>
      </View>
      {open ? (
        <View className='id-picker__list'>
          {error ? <Text className='id-picker__error'>{error}</Text> : null}
          {users.map((u) => (
            <View
              key={u.openid}
              className={`id-picker__item ${u.openid === openid ? 'id-picker__item--on' : ''}`}
              onClick={() => {
                choose(u.openid);
                setOpen(false);
                onChange?.(u.openid);
              }}
            >
              <View className='id-picker__row'>
                <Text className='id-picker__name'>{u.name}</Text>
                <Text className='id-picker__roles'>{u.roles.map(roleLabel).join(' · ')}</Text>
              </View>
              <Text className='id-picker__desc'>{[u.unitNames.join('、'), u.description].filter(Boolean).join(' — ')}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
