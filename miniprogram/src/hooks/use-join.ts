import { useCallback, useEffect, useRef, useState } from 'react';
import { normaliseInviteCode } from '@shared/domain/invitation';
import { getInviteInfo, joinRoster, type InviteInfo, type JoinResult } from '../services/roster.service';
import { errorCodeOf, type ApiErrorCode } from '../services/api-error';
import { actionErrorText } from '../utils/admin-errors';

export type JoinStep =
  | { kind: 'enter' }
  | { kind: 'loading'; code: string }
  | { kind: 'failed'; code: string; errorCode: ApiErrorCode; message: string }
  | { kind: 'invitation'; code: string; info: InviteInfo }
  | { kind: 'joined'; code: string; result: JoinResult };

/**
 * The join page's state: a code (from the entry link, or typed), what the
 * invitation says, and 加入. A typed code is checked against the alphabet
 * before the server is asked.
 */
export function useJoin(entryCode: string | null) {
  const [step, setStep] = useState<JoinStep>(entryCode ? { kind: 'loading', code: entryCode } : { kind: 'enter' });
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const generation = useRef(0);

  const look = useCallback((code: string) => {
    const mine = ++generation.current;
    setStep({ kind: 'loading', code });
    setJoinError(null);
    getInviteInfo(code).then(
      (info) => {
        if (mine === generation.current) setStep({ kind: 'invitation', code, info });
      },
      (err: unknown) => {
        if (mine === generation.current) setStep({ kind: 'failed', code, errorCode: errorCodeOf(err), message: actionErrorText(err) });
      },
    );
  }, []);

  useEffect(() => {
    if (entryCode) look(entryCode);
  }, [entryCode, look]);

  const submitTyped = useCallback(() => {
    const code = normaliseInviteCode(typed);
    if (!code) {
      setTypedError(typed.trim() ? '邀请码是 10 位字母和数字（不含 0、O、1、I、L），请核对后重新输入' : '请输入邀请码');
      return;
    }
    setTypedError(null);
    look(code);
  }, [typed, look]);

  const join = useCallback(() => {
    if (step.kind !== 'invitation' || joining) return;
    const needsName = !step.info.registered && !step.info.name;
    const trimmed = name.trim();
    if (needsName && trimmed.length < 2) {
      setJoinError('请填写你的真实姓名（2–20 个字），方便同事和同学认出你');
      return;
    }
    const code = step.code;
    setJoining(true);
    setJoinError(null);
    joinRoster(code, trimmed || undefined).then(
      (result) => {
        setJoining(false);
        setStep({ kind: 'joined', code, result });
      },
      (err: unknown) => {
        setJoining(false);
        const codeOf = errorCodeOf(err);
        // The invitation changed meanwhile (expired, used up, revoked): show it as it is now.
        if (codeOf === 'INVITE.EXPIRED' || codeOf === 'INVITE.USED_UP' || codeOf === 'INVITE.REVOKED') look(code);
        setJoinError(actionErrorText(err));
      },
    );
  }, [step, joining, name, look]);

  const enterAnother = useCallback(() => {
    generation.current++;
    setTyped('');
    setTypedError(null);
    setJoinError(null);
    setStep({ kind: 'enter' });
  }, []);

  return { step, typed, setTyped, typedError, submitTyped, name, setName, join, joining, joinError, enterAnother, retry: look };
}
