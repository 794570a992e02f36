import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ContentReportInput } from '@shared/contracts/moderation.contract';
import { reportContent, type ReportTarget } from '../services/moderation.service';
import { userMessageOf } from '../services/api-error';

export const REPORT_REASONS = ['广告引流', '不实信息', '人身攻击', '泄露隐私', '违法违规', '其他'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const OTHER_REASON: ReportReason = '其他';

export const REPORT_MESSAGES = {
  reported: '已举报，感谢你的反馈',
  hidden: '已暂时隐藏，等待管理员审核',
  again: '你已经举报过',
} as const;

export interface ReportOutcome {
  message: string;
  hiddenPendingReview: boolean;
}

/**
 * 举报: pick a reason (其他 asks for words), checked with the contract (2–200
 * characters) before sending. The answer is said as a toast and handed to the
 * page: reported, hidden at the threshold, or reported before by this person.
 * Refusals from the server (只能举报公开发布的内容, 不能举报自己发布的内容)
 * are shown as they come.
 */
export function useReportForm(target: ReportTarget, onDone: (outcome: ReportOutcome) => void) {
  const [choice, setChoice] = useState<ReportReason | null>(null);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const choose = useCallback((reason: ReportReason) => {
    setChoice(reason);
    setError(null);
  }, []);

  const submit = useCallback(async () => {
    if (inFlight.current) return;
    if (!choice) {
      setError('请选择举报原因');
      return;
    }
    const parsed = ContentReportInput.safeParse({ ...target, reason: choice === OTHER_REASON ? other : choice });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'reason') ?? parsed.error.issues[0];
      setError(`举报原因${issue?.message ?? '不符合要求'}`);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await reportContent(target, parsed.data.reason);
      const message = !result.reported ? REPORT_MESSAGES.again : result.hiddenPendingReview ? REPORT_MESSAGES.hidden : REPORT_MESSAGES.reported;
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
      onDone({ message, hiddenPendingReview: result.hiddenPendingReview });
    } catch (err: unknown) {
      setError(userMessageOf(err));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, [choice, other, target, onDone]);

  return { choice, choose, other, setOther, busy, error, submit };
}
