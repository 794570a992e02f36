import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ACCOUNT_DELETE_CONFIRMATION, deleteMyAccount } from '../../services/account.service';
import { userMessageOf } from '../../services/api-error';
import { writeDevOpenid } from '../../services/dev-identity.store';
import { routes } from '../../utils/routes';

export const ACCOUNT_DELETED_MESSAGE = '账号已注销，你的提问已匿名保留';

/**
 * 注销账号 in two steps: 注销账号… opens an explanation and a box where the
 * person types 注销账号 (the contract's literal), and only then 确认注销 sends
 * me.delete, once. Afterwards the local dev identity is forgotten (it no longer
 * exists) and the app starts again at 首页 with a message.
 */
export function useAccountDeletion() {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A second tap before the first re-rendered must not send a second request.
  const inFlight = useRef(false);
  const matches = typed.trim() === ACCOUNT_DELETE_CONFIRMATION;

  const start = useCallback(() => {
    setConfirming(true);
    setError(null);
  }, []);

  const cancel = useCallback(() => {
    setConfirming(false);
    setTyped('');
    setError(null);
  }, []);

  const confirm = useCallback(async () => {
    if (!matches || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await deleteMyAccount();
    } catch (err: unknown) {
      setError(userMessageOf(err));
      setBusy(false);
      inFlight.current = false;
      return;
    }
    writeDevOpenid('');
    await Taro.reLaunch({ url: routes.home }).catch(() => undefined);
    void Taro.showToast({ title: ACCOUNT_DELETED_MESSAGE, icon: 'none', duration: 3000 });
  }, [matches]);

  return { confirming, typed, setTyped, matches, busy, error, start, cancel, confirm };
}
