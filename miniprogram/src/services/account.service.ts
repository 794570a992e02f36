import { ACCOUNT_DELETE_CONFIRMATION, type MyData } from '@shared/contracts/me.contract';
import { callAction } from './api.client';

export { ACCOUNT_DELETE_CONFIRMATION };
export type { MyData };

/** 我的数据: everything the platform holds about me, as I may read it. */
export function exportMyData(): Promise<MyData> {
  return callAction('me.export', {});
}

/** 注销账号: my questions stay, anonymised; my identity is removed everywhere. */
export function deleteMyAccount(): Promise<{ deleted: true }> {
  return callAction('me.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION });
}

/** 绑定手机号 (staff): the code from WeChat's phone-number button; answers with the masked number. */
export function bindPhone(code: string): Promise<{ phone: string }> {
  return callAction('me.bindPhone', { code });
}
