/**
 * The server records why a reminder was not delivered as a machine string
 * ("no subscription credit; no fallback channel", "WeChat 43101: …",
 * "gave up after 3 attempts: …"). Unit admins read it in Chinese.
 */
export function deliveryReasonLabel(reason: string): string {
  const r = reason.toLowerCase();
  if (r.startsWith('gave up after')) return '多次发送失败';
  if (r.includes('no subscription credit')) {
    return r.includes('no fallback channel') ? '未订阅提醒，且单位未配置企业微信群，提醒未送达' : '未订阅提醒，已改发单位企业微信群';
  }
  return reason.trim() ? reason : '提醒未送达';
}
