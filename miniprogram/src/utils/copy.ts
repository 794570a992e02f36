import Taro from '@tarojs/taro';

/** Copies text for pasting elsewhere and says what was copied (WeChat asks for privacy consent first). */
export function copyText(text: string, what: string): void {
  Taro.setClipboardData({ data: text }).then(
    () => void Taro.showToast({ title: `已复制${what}`, icon: 'success' }),
    () => void Taro.showToast({ title: '复制失败，请长按文字手动复制', icon: 'none' }),
  );
}

/** A confirmation before an action that takes something away (停用, 撤销). Resolves true when confirmed. */
export function confirmAction(title: string, content: string, confirmText: string): Promise<boolean> {
  return Taro.showModal({ title, content, confirmText, confirmColor: '#C8161D', cancelText: '取消' }).then(
    (res) => res.confirm,
    () => false,
  );
}
