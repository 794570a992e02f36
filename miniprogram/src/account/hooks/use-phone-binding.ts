import { useCallback, useRef, useState } from 'react';
import { bindPhone } from '../../services/account.service';
import { errorCodeOf, userMessageOf, type ApiErrorCode } from '../../services/api-error';

export interface PhoneBindingError {
  message: string;
  /** A retry with the same code can help (the network failed, the service hiccuped). */
  canRetry: boolean;
}

/** WeChat's phone-number button answers with `detail.code`, or an errMsg when the person declined. */
export interface PhoneButtonDetail {
  code?: string;
  errMsg?: string;
}

/** Codes where sending the same code again is pointless: a new tap (new code) or nothing helps. */
const FINAL: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>(['PHONE.CODE_INVALID', 'AUTH.FORBIDDEN', 'AUTH.REQUIRED', 'INPUT.INVALID']);

/**
 * 绑定手机号 (staff): the code from WeChat's phone-number button goes to
 * me.bindPhone, which answers with the masked number. A declined prompt, an
 * expired code (PHONE.CODE_INVALID: tap again), a student (AUTH.FORBIDDEN) and
 * a network failure (重试 sends the same code) each say so.
 */
export function usePhoneBinding() {
  const [bound, setBound] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PhoneBindingError | null>(null);
  const lastCode = useRef<string | null>(null);

  const inFlight = useRef(false);

  const bind = useCallback(async (code: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    lastCode.current = code;
    setBusy(true);
    setError(null);
    try {
      setBound((await bindPhone(code)).phone);
      lastCode.current = null;
    } catch (err: unknown) {
      setError({ message: userMessageOf(err), canRetry: !FINAL.has(errorCodeOf(err)) });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  const fromWeChat = useCallback(
    (detail: PhoneButtonDetail) => {
      if (detail.code) {
        void bind(detail.code);
        return;
      }
      const declined = /deny|cancel|no permission|not authorized/i.test(detail.errMsg ?? '');
      setError({ message: declined ? '你没有同意使用手机号，手机号未绑定。' : '微信没有返回手机号授权，请再点一次绑定。', canRetry: false });
    },
    [bind],
  );

  const retry = useCallback(() => {
    if (lastCode.current) void bind(lastCode.current);
  }, [bind]);

  return { bound, busy, error, bind, fromWeChat, retry, setError };
}
