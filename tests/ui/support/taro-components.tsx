/**
 * `@tarojs/components` for jsdom: the React H5 components Taro's H5 build uses
 * (View, Text, Button, Input, Picker, ScrollView), plus minimal stand-ins for
 * Switch and Textarea, which H5 renders as Stencil web components that jsdom
 * cannot run. The stand-ins fire events with the same `detail` shape.
 */
import type { ChangeEvent } from 'react';
export { default as View } from '@tarojs/components-react/dist/components/view/index.js';
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js';
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js';
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js';
export { default as Picker } from '@tarojs/components-react/dist/components/picker/index.js';
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js';

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
