import Taro from '@tarojs/taro';
import { DEFAULT_RETENTION_DAYS } from '@shared/domain/privacy';
import { View, Text } from '@tarojs/components';
import { useMyData } from '../../hooks/use-my-data';
import { summarizeMyData, shortOpenid } from '../../utils/summarize-my-data';
import { DataExport } from '../../components/data-export';
import { PhoneBinding } from '../../components/phone-binding';
import { AccountDeletion } from '../../components/account-deletion';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { StateView } from '../../../components/state-view';
import { PrivacyConsent } from '../../../components/privacy-consent';
import { useReshow } from '../../../hooks/use-reshow';
import { roleLabel } from '../../../utils/labels';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

/**
 * 账号与数据: what the platform holds about the signed-in person, its export,
 * the staff phone number, and account deletion. Privacy-scoped APIs live here
 * (the phone-number button, the clipboard), so WeChat's consent popup is too.
 */
export default function MyDataPage() {
  const { me, data, reload } = useMyData();
  useReshow(reload);

  if (me.errorCode === 'AUTH.REQUIRED' || data.errorCode === 'AUTH.REQUIRED') {
    return (
      <View className='account'>
        <SignInPrompt purpose='平台保存的你的数据' onSignedIn={reload} />
      </View>
    );
  }

  const profile = me.data;
  const exported = data.data;
  // No roles shown until me.get answered (a failed load must not claim the person is a student).
  const roles = profile ? (profile.roles.length ? profile.roles : ['student']) : [];
  const staff = profile !== null && profile.registered && profile.roles.some((r) => r !== 'student');

  return (
    <View className='account'>
      <PrivacyConsent />
      <View className='account__main'>
        <View className='account__who'>
          <Text className='account__name'>{profile?.name ?? (me.loading ? '加载中…' : '同学')}</Text>
          <View className='account__roles'>
            {roles.map((r) => (
              <Text key={r} className='account__role'>{roleLabel(r)}</Text>
            ))}
          </View>
          {exported ? <Text className='account__openid'>微信身份标识 {shortOpenid(exported.identity.openid)}</Text> : null}
        </View>

        <View className='account__summary'>
          <View className='account__summary-head'>
            <Text className='account__summary-title'>平台保存的你的数据</Text>
            {exported ? <Text className='account__summary-time'>截至 {formatDateTime(exported.exportedAt, exported.exportedAt)}</Text> : null}
          </View>
          {exported ? (
            <View className='account__grid'>
              {summarizeMyData(exported).map((line) => (
                <View key={line.label} className='account__cell'>
                  <Text className='account__value'>
                    {line.value}
                    <Text className='account__unit'>{line.unit}</Text>
                  </Text>
                  <Text className='account__label'>{line.label}</Text>
                </View>
              ))}
            </View>
          ) : data.error ? (
            <StateView kind='error' title={data.error} text='数据没有加载出来，导出暂时不可用。' actions={[{ label: '重试', primary: true, onClick: reload }]} />
          ) : (
            <StateView kind='loading' title='加载中…' />
          )}
          <Text className='account__note'>问题关闭 {DEFAULT_RETENTION_DAYS} 天后，其中你的身份和你写给老师的说明会自动删除。</Text>
        </View>
      </View>

      <View className='account__side'>
        <DataExport data={exported} />
        {staff ? <PhoneBinding phone={profile?.phone ?? null} /> : null}
        <AccountDeletion staff={staff} />
        <View className='account__link' onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
          <Text>隐私说明：我们收集什么、为什么、保存多久</Text>
          <Text className='account__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
