import { useState } from 'react';
import { View } from '@tarojs/components';
import { isDevGateway } from '../../config/env';
import { IdentityPicker } from '../identity-picker';
import { StateView } from '../state-view';

interface Props {
  /** What the person wanted to see, e.g. "你的提问和答复". */
  purpose: string;
  /** Run after an identity is chosen (local gateway) or on 重新登录 (WeChat). */
  onSignedIn: () => void;
}

/**
 * Shown instead of an error when the caller has no identity (AUTH.REQUIRED).
 * In WeChat the identity comes with the mini-program, so this only happens when
 * it is opened some other way: say so and offer to try again. Against the local
 * gateway (the H5 demo) a person is chosen from the seeded ones.
 */
export function SignInPrompt({ purpose, onSignedIn }: Props) {
  const [open, setOpen] = useState(false);
  if (isDevGateway()) {
    return (
      <View className='sign-in'>
        <StateView
          kind='info'
          title='还没有选择身份'
          text={`这是本地演示环境：选择一位示例人物（学生、答复老师、协管……）后，就能看到${purpose}。`}
          actions={open ? [] : [{ label: '选择身份', primary: true, onClick: () => setOpen(true) }]}
        />
        {open ? <IdentityPicker open onOpenChange={setOpen} onChange={onSignedIn} /> : null}
      </View>
    );
  }
  return (
    <StateView
      kind='info'
      title='还没有登录'
      text={`请在微信中打开「青年之声」小程序，登录后就能看到${purpose}。`}
      actions={[{ label: '重新登录', primary: true, onClick: onSignedIn }]}
    />
  );
}
