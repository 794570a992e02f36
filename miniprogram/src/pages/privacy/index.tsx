import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { NATIONAL_CRISIS_HOTLINES } from '@shared/domain/crisis-signals';
import { DialLink, isSingleNumber } from '../../components/emergency-contacts';
import { openPrivacyGuide } from '../../components/privacy-consent/privacy-authorization';
import { routes } from '../../utils/routes';
import { PRIVACY_INTRO, PRIVACY_SECTIONS, PRIVACY_UPDATED } from './privacy-notice';
import './index.scss';

/**
 * 隐私说明: readable by anyone, signed in or not, and without the network (it
 * loads nothing). Reached from 我的 and from the privacy consent popup.
 */
export default function PrivacyPage() {
  const [guideError, setGuideError] = useState(false);
  const inWeChat = process.env.TARO_ENV === 'weapp';
  return (
    <View className='privacy'>
      <View className='privacy__head'>
        <Text className='privacy__title'>青年之声隐私说明</Text>
        <Text className='privacy__updated'>更新于 {PRIVACY_UPDATED}</Text>
        <Text className='privacy__intro'>{PRIVACY_INTRO}</Text>
      </View>

      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.id} className='privacy__section'>
          <Text className='privacy__section-title'>{section.title}</Text>
          {section.items.map((item) => (
            <View key={item.text} className='privacy__item'>
              {item.term ? <Text className='privacy__term'>{item.term}</Text> : null}
              <Text className='privacy__text'>{item.text}</Text>
            </View>
          ))}
          {section.id === 'crisis' ? (
            <View className='privacy__hotlines'>
              {NATIONAL_CRISIS_HOTLINES.filter((h) => isSingleNumber(h.phone)).map((h) => (
                <View key={h.phone} className='privacy__hotline'>
                  <Text className='privacy__hotline-label'>{h.label}</Text>
                  <DialLink phone={h.phone} />
                </View>
              ))}
              <View className='privacy__hotline'>
                <Text className='privacy__hotline-label'>遇到紧急危险</Text>
                <DialLink phone='110' />
                <DialLink phone='120' />
              </View>
            </View>
          ) : null}
        </View>
      ))}

      <View className='privacy__actions'>
        <Button className='btn-primary' onClick={() => void Taro.navigateTo({ url: routes.account })}>查看和导出我的数据</Button>
        {inWeChat ? (
          <Button className='btn-ghost' onClick={() => openPrivacyGuide(() => setGuideError(true))}>微信《用户隐私保护指引》</Button>
        ) : null}
        {guideError ? <Text className='privacy__error'>暂时打不开微信的隐私保护指引，请稍后再试。</Text> : null}
      </View>
    </View>
  );
}
