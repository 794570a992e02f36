import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { EmergencyContact } from '@shared/contracts/catalog.contract';
import { dialable } from '../../utils/phone';
import './index.scss';

/** Dials in WeChat (the system dialer through makePhoneCall). */
function call(number: string): void {
  void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined);
}

/**
 * One number to call. In WeChat a tap opens the system dialer through
 * makePhoneCall; in a browser it is a real tel: link, which phones dial and
 * desktops hand to their calling app. `block` names the CSS block it is drawn
 * in (the ask page's `sos`, a handler's `crisis` banner).
 */
export function CallButton({ contact, block = 'sos' }: { contact: EmergencyContact; block?: string }) {
  const number = dialable(contact.phone);
  const body = (
    <>
      <View className={`${block}__who`}>
        <Text className={`${block}__label`}>{contact.label}</Text>
        <Text className={`${block}__phone`}>{contact.phone}</Text>
      </View>
      <Text className={`${block}__dial`}>拨打</Text>
    </>
  );
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={`${block}__call`} href={`tel:${number}`}>
        {body}
      </a>
    );
  }
  return (
    <View className={`${block}__call`} onClick={() => call(number)}>
      {body}
    </View>
  );
}

/** A number inside a sentence ("请立即拨打 110"), dialled the same way. */
export function DialLink({ phone }: { phone: string }) {
  const number = dialable(phone);
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='sos__link' href={`tel:${number}`}>
        {phone}
      </a>
    );
  }
  return (
    <Text className='sos__link' onClick={() => call(number)}>
      {phone}
    </Text>
  );
}

/** A line such as "110 / 120" holds several numbers; only a single number is one button. */
export function isSingleNumber(phone: string): boolean {
  return !phone.includes('/');
}

interface Props {
  contacts: readonly EmergencyContact[];
  /** The crisis lane speaks differently from the emergency lane (defaults: 紧急通道). */
  title?: string;
  text?: string;
  /** The last line; defaults to the 110 / 120 reminder. */
  fallback?: string;
}

/** 紧急通道: the numbers to call now (the school's, the student's college's, the owning unit's). */
export function EmergencyContacts({
  contacts,
  title = '紧急情况请先打电话',
  text = '在线提问 2 小时内响应；人身安全、火情、急病等请立即拨打下面的电话，电话比留言快。',
  fallback = '危及生命时请直接拨打 110（报警）或 120（急救）。',
}: Props) {
  return (
    <View className='sos'>
      <Text className='sos__title'>{title}</Text>
      {text ? <Text className='sos__text'>{text}</Text> : null}
      {contacts.filter((c) => isSingleNumber(c.phone)).map((c) => (
        <CallButton key={`${c.label}|${c.phone}`} contact={c} />
      ))}
      {fallback ? <Text className='sos__fallback'>{fallback}</Text> : null}
    </View>
  );
}
