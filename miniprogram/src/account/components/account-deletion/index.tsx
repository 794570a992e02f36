import { View, Text, Button, Input } from '@tarojs/components';
import { ACCOUNT_DELETE_CONFIRMATION } from '../../../services/account.service';
import { useAccountDeletion } from '../../hooks/use-account-deletion';
import '../account-card.scss';

interface Props {
  /** Staff lose their place on the roster too. */
  staff: boolean;
}

/**
 * 注销账号: what happens, then a typed confirmation. Nothing is sent until
 * the person has typed 注销账号 and pressed 确认注销.
 */
export function AccountDeletion({ staff }: Props) {
  const d = useAccountDeletion();
  return (
    <View className='account-card account-card--danger'>
      <Text className='account-card__title'>注销账号</Text>
      <View className='account-card__list'>
        <Text className='account-card__item'>你的提问会匿名保留（显示为「已注销用户」），用于各单位的统计，但不再与你关联，你也无法再查看。</Text>
        <Text className='account-card__item'>你的姓名会从你写过的答复和处理记录中移除；你的订阅、举报和提问记录立即删除。</Text>
        {staff ? <Text className='account-card__item'>你在花名册中的身份和绑定的手机号也会删除，之后需要单位管理员重新邀请。</Text> : null}
        <Text className='account-card__item account-card__item--strong'>注销后无法恢复。建议先导出我的数据。</Text>
      </View>
      {d.confirming ? (
        <View className='account-card__confirm'>
          <Text className='account-card__confirm-title'>请输入「{ACCOUNT_DELETE_CONFIRMATION}」确认</Text>
          <Input
            className='account-card__input'
            placeholder={ACCOUNT_DELETE_CONFIRMATION}
            maxlength={20}
            value={d.typed}
            onInput={(e) => d.setTyped(e.detail.value)}
          />
          <View className='account-card__row'>
            <Button className='account-card__half' disabled={d.busy || undefined} onClick={d.cancel}>取消</Button>
            <Button
              className='account-card__half account-card__half--danger'
              disabled={!d.matches || d.busy || undefined}
              onClick={() => void d.confirm()}
            >
              {d.busy ? '正在注销…' : '确认注销'}
            </Button>
          </View>
        </View>
      ) : (
        <Button className='btn-ghost account-card__danger-btn' onClick={d.start}>注销账号…</Button>
      )}
      {d.error ? <Text className='account-card__result account-card__result--error'>{d.error}</Text> : null}
    </View>
  );
}
