import Taro from '@tarojs/taro';
import type { MyData } from '../../services/account.service';
import { inShanghai } from '../../utils/time';

/** 青年之声-我的数据-20260302.json: what the person sees and keeps. */
export function myDataFileName(exportedAt: number): string {
  return `青年之声-我的数据-${inShanghai(exportedAt).format('YYYYMMDD')}.json`;
}

/** Indented, so it reads in any text editor. */
export function myDataJson(data: MyData): string {
  return JSON.stringify(data, null, 2);
}

export type SaveOutcome =
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'shared'; fileName: string }
  | { kind: 'copied' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * The browser: a Blob behind a link with a `download` name, clicked, so the
 * browser saves the file where it saves downloads.
 */
export function downloadInBrowser(json: string, fileName: string): SaveOutcome {
  const blob = new Blob([json], { type: 'application/json;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded', fileName };
}

function copyToClipboard(json: string): Promise<SaveOutcome> {
  return Taro.setClipboardData({ data: json }).then(
    (): SaveOutcome => ({ kind: 'copied' }),
    (): SaveOutcome => ({ kind: 'failed', message: '没能复制到剪贴板：需要先同意隐私保护指引，或稍后再试。' }),
  );
}

function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: unknown } | null)?.errMsg;
  return typeof msg === 'string' && /cancel/i.test(msg);
}

/**
 * WeChat has no downloads folder a person can browse. The file is written to
 * the mini-program's own user-data folder (`wx.env.USER_DATA_PATH`, the only
 * writable place), then `wx.shareFileMessage` (base library ≥ 2.16.1; "仅在
 * 点击行为时调用", so this runs synchronously inside the tap, with data already
 * loaded) sends it to a chat the person picks, e.g. 文件传输助手 to open it on a
 * computer. Taro forwards shareFileMessage to wx without promisifying it, hence
 * the callbacks. Where sharing is missing or fails (not a cancel), the JSON is
 * copied with setClipboardData instead (a privacy-scoped API: the consent
 * popup on the page answers WeChat's question first).
 */
export function shareInWeChat(json: string, fileName: string): Promise<SaveOutcome> {
  const env = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env;
  const share = (Taro as unknown as { shareFileMessage?: unknown }).shareFileMessage;
  if (!env?.USER_DATA_PATH || typeof share !== 'function') return copyToClipboard(json);
  // An ASCII path on disk; the person sees `fileName`.
  const filePath = `${env.USER_DATA_PATH}/qnzs-my-data-${fileName.replace(/\D/g, '')}.json`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, json, 'utf8');
  } catch {
    return copyToClipboard(json);
  }
  return new Promise<SaveOutcome>((resolve) => {
    Taro.shareFileMessage({
      filePath,
      fileName,
      success: () => resolve({ kind: 'shared', fileName }),
      fail: (err: unknown) => {
        if (isCancel(err)) resolve({ kind: 'cancelled' });
        else void copyToClipboard(json).then(resolve);
      },
    });
  });
}
