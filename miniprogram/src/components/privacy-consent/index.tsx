import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { routes } from '../../utils/routes';
import { openPrivacyGuide, subscribePrivacyConsent, supportsPrivacyConsent, type ConsentResolve } from './privacy-authorization';
import './index.scss';

/** What the person was about to do, in words, from WeChat's referrer. */
const PURPOSES: Record<string, string> = {
  'button.getPhoneNumber': '绑定手机号',
  setClipboardData: '复制数据到剪贴板',
  getClipboardData: '读取剪贴板',
  shareFileMessage: '把数据文件发送到聊天',
  saveFileToDisk: '保存数据文件',
};

let instances = 0;

/**
 * 隐私保护提示: mounted on pages that use privacy-scoped APIs. When WeChat asks
 * (onNeedPrivacyAuthorization), it explains what the platform collects and why,
 * links to WeChat's guide and to our 隐私说明, and answers with 同意 (WeChat's
 * agreePrivacyAuthorization button) or 拒绝. Renders nothing in H5.
 */
export function PrivacyConsent() {
  const { path } = useRouter();
  const [pending, setPending] = useState<{ resolves: ConsentResolve[]; referrer: string } | null>(null);
  // A unique id per popup: WeChat checks that the button with this id was tapped,
  // and two pages in the stack may each hold a popup.
  const agreeId = useRef(`privacy-agree-${(instances += 1)}`).current;
  const [guideError, setGuideError] = useState(false);

  useEffect(() => {
    if (!supportsPrivacyConsent()) return undefined;
    return subscribePrivacyConsent(path, ({ resolve, referrer }) => {
      resolve({ event: 'exposureAuthorization' });
      // A second request while the first waits: one answer settles both.
      setPending((p) => ({ resolves: [...(p?.resolves ?? []), resolve], referrer: referrer || p?.referrer || '' }));
    });
  }, [path]);

  if (!pending) return null;

  const answer = (option: Parameters<ConsentResolve>[0]) => {
    pending.resolves.forEach((resolve) => resolve(option));
    setPending(null);
    setGuideError(false);
  };
  const purpose = PURPOSES[pending.referrer] ?? '这项功能';

  return (
    <View className='consent'>
      <View className='consent__mask' />
      <View className='consent__panel'>
        <Text className='consent__title'>隐私保护提示</Text>
        <Text className='consent__text'>在{purpose}之前，请先阅读并同意「青年之声」的隐私保护指引。</Text>
        <View className='consent__list'>
          <Text className='consent__item'>我们只收集处理你的问题所需要的信息：微信身份标识、学校花名册中的姓名和学院、你提交的问题、答复和评价。</Text>
          <Text className='consent__item'>答复老师绑定的手机号只用于提醒没有送达时由管理员联系老师，同学不需要提供。</Text>
          <Text className='consent__item'>导出的数据只发送到你自己选择的聊天或剪贴板。你可以随时导出或删除自己的数据。</Text>
        </View>
        <View className='consent__links'>
          <Text className='consent__link' onClick={() => openPrivacyGuide(() => setGuideError(true))}>《用户隐私保护指引》</Text>
          <Text className='consent__link' onClick={() => void Taro.navigateTo({ url: routes.privacy })}>隐私说明</Text>
        </View>
        {guideError ? <Text className='consent__error'>暂时打不开微信的隐私保护指引，可以先阅读「隐私说明」。</Text> : null}
        <View className='consent__actions'>
          <Button className='consent__btn' onClick={() => answer({ event: 'disagree' })}>拒绝</Button>
          <Button
            id={agreeId}
            className='consent__btn consent__btn--agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answer({ buttonId: agreeId, event: 'agree' })}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
