/**
 * `@tarojs/components` for jsdom: the React H5 components Taro's H5 build uses
 * (View, Text, Button, Input, Picker, ScrollView), plus minimal stand-ins for
 * Switch and Textarea, which H5 renders as Stencil web components that jsdom
 * cannot run. The stand-ins fire events with the same `detail` shape.
 */
import type { ChangeEvent, ComponentProps } from 'react';
import H5Button from '@tarojs/components-react/dist/components/button/index.js';
export { default as View } from '@tarojs/components-react/dist/components/view/index.js';
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js';
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js';
export { default as Picker } from '@tarojs/components-react/dist/components/picker/index.js';
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js';
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js';

interface SwitchProps {
  checked?: boolean;
  color?: string;
  onChange?: (e: { detail: { value: boolean } }) => void;
}

export function Switch({ checked = false, onChange }: SwitchProps) {
  return (
    <input
      type='checkbox'
      role='switch'
      checked={checked}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange?.({ detail: { value: e.target.checked } })}
    />
  );
}

interface TextareaProps {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  className?: string;
  onInput?: (e: { detail: { value: string } }) => void;
}

export function Textarea({ value, placeholder, maxlength, className, onInput }: TextareaProps) {
  return (
    <textarea
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

/**
 * WeChat's open-type buttons: a tap runs WeChat's own step and then the
 * button's event. Here a click on `openType='getPhoneNumber'` answers with
 * `openTypeReplies.phoneNumber` (the person agreed: a code; or declined), and
 * on `openType='agreePrivacyAuthorization'` with the agree event. Other
 * buttons are Taro's H5 Button unchanged.
 */
export const openTypeReplies = {
  phoneNumber: { code: 'wx-phone-code', errMsg: 'getPhoneNumber:ok' } as { code?: string; errMsg: string },
};

type H5ButtonProps = ComponentProps<typeof H5Button>;
interface ButtonProps extends H5ButtonProps {
  openType?: string;
  onGetPhoneNumber?: (e: { detail: { code?: string; errMsg: string } }) => void;
  onAgreePrivacyAuthorization?: (e: { detail: Record<string, never> }) => void;
}

export function Button({ openType, onGetPhoneNumber, onAgreePrivacyAuthorization, onClick, ...rest }: ButtonProps) {
  const click = (e: unknown) => {
    (onClick as ((e: unknown) => void) | undefined)?.(e);
    if (openType === 'getPhoneNumber') onGetPhoneNumber?.({ detail: { ...openTypeReplies.phoneNumber } });
    if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.({ detail: {} });
  };
  return <H5Button {...(rest as H5ButtonProps)} data-open-type={openType} onClick={click} />;
}
