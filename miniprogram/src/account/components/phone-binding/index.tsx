import { useState } from 'react';
import { View, Text, Button, Input } from '@tarojs/components';
import { isDevGateway } from '../../../config/env';
import { usePhoneBinding } from '../../hooks/use-phone-binding';
import '../account-card.scss';

const DEV_NUMBER = /^1\d{10}$/;

interface Props {
  /** The masked number me.get knows (138****0000), or null. */
  phone: string | null;
}

/**
 * 绑定手机号, for staff who answer officially: WeChat's own phone-number
 * button (the person's consent is the tap; the code goes to me.bindPhone). The
 * H5 demo has no WeChat: a clearly marked stand-in sends `dev-<11 digits>`,
 * the only code the local cloud accepts, and only against the local gateway.
 */
export function PhoneBinding({ phone }: Props) {
  const binding = usePhoneBinding();
  const [devNumber, setDevNumber] = useState('');
  const shown = binding.bound ?? phone;
  const inWeChat = process.env.TARO_ENV === 'weapp';
  const devStandIn = process.env.TARO_ENV === 'h5' && isDevGateway();
  const label = binding.busy ? '正在绑定…' : shown ? '更换手机号' : '用微信手机号绑定';

  const bindDev = () => {
    const digits = devNumber.replace(/\D/g, '');
    if (!DEV_NUMBER.test(digits)) {
      binding.setError({ message: '请输入 11 位手机号（1 开头）。', canRetry: false });
      return;
    }
    void binding.bind(`dev-${digits}`);
  };

  return (
    <View className='account-card'>
      <View className='account-card__head'>
        <Text className='account-card__title'>绑定手机号</Text>
        <Text className={`account-card__state ${shown ? 'account-card__state--ok' : ''}`}>{shown ? `已绑定 ${shown}` : '未绑定'}</Text>
      </View>
      <Text className='account-card__text'>
        答复老师和管理人员绑定后，答复提醒没有送达时，管理员可以打电话联系你。号码只完整显示给管理员，你自己只看到打码的号码；注销账号时删除。
      </Text>
      {inWeChat ? (
        <Button
          className='btn-primary account-card__btn'
          openType='getPhoneNumber'
          disabled={binding.busy || undefined}
          onGetPhoneNumber={(e) => binding.fromWeChat(e.detail as { code?: string; errMsg?: string })}
        >
          {label}
        </Button>
      ) : devStandIn ? (
        <View className='account-card__dev'>
          <Text className='account-card__dev-tag'>开发环境</Text>
          <Text className='account-card__dev-text'>浏览器里没有微信：输入一个号码，模拟微信手机号授权（发送 dev-手机号，仅本地演示环境接受）。</Text>
          <Input
            className='account-card__input'
            type='number'
            placeholder='例如 13800001111'
            maxlength={11}
            value={devNumber}
            onInput={(e) => setDevNumber(e.detail.value)}
          />
          <Button className='btn-primary account-card__btn' disabled={binding.busy || undefined} onClick={bindDev}>
            {binding.busy ? '正在绑定…' : '模拟授权并绑定'}
          </Button>
        </View>
      ) : (
        <Text className='account-card__hint'>请在微信中打开「青年之声」小程序绑定手机号。</Text>
      )}
      {binding.bound ? <Text className='account-card__result'>已绑定 {binding.bound}</Text> : null}
      {binding.error ? (
        <View className='account-card__error-row'>
          <Text className='account-card__result account-card__result--error'>{binding.error.message}</Text>
          {binding.error.canRetry ? (
            <Text className='account-card__retry' onClick={binding.retry}>重试</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
