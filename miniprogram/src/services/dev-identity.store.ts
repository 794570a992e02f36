import Taro from '@tarojs/taro';

/** The seeded person the local gateway should treat as the caller (sent as X-Dev-OpenID). */
const STORAGE_KEY = 'qnzs.devOpenid';

export function readDevOpenid(): string {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

export function writeDevOpenid(openid: string): void {
  if (openid) Taro.setStorageSync(STORAGE_KEY, openid);
  else Taro.removeStorageSync(STORAGE_KEY);
}
