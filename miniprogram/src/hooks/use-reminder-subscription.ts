import { useCallback, useState } from 'react';
import { canSubscribe, requestSubscriptions, type SubscriptionCredits } from '../services/subscription.service';
import { useMe } from './use-me';

/**
 * What each responder template is for, in the order `me.get` lists them
 * (`subscribeTemplates.responder`: the deadline reminder, then the escalation
 * notice the coordinator gets).
 */
export const RESPONDER_TEMPLATE_LABELS = ['答复提醒', '超时督办通知'] as const;

export interface TemplateCredit {
  templateId: string;
  label: string;
  /** Messages this template can still deliver to me. */
  credits: number;
}

/**
 * 订阅提醒 on the workbench: how many reminders each responder template can
 * still deliver (`me.get` credits), and `subscribe`, to be called straight from
 * the tap (WeChat shows its prompt only there), which records the choice and
 * shows the new counts.
 */
export function useReminderSubscription() {
  const me = useMe();
  const [recorded, setRecorded] = useState<SubscriptionCredits | null>(null);
  const templates = me.data?.subscribeTemplates.responder ?? [];
  const held = recorded ?? me.data?.credits ?? [];
  const rows: TemplateCredit[] = templates.map((templateId, i) => ({
    templateId,
    label: RESPONDER_TEMPLATE_LABELS[i] ?? '提醒',
    credits: held.find((c) => c.templateId === templateId)?.credits ?? 0,
  }));

  const subscribe = useCallback(() => {
    void requestSubscriptions(templates).then((credits) => {
      if (credits) setRecorded(credits);
    });
  }, [templates]);

  return {
    rows,
    /** False in the H5 build: subscriptions are a WeChat feature. */
    supported: canSubscribe(),
    loading: me.loading && !me.data,
    subscribe,
  };
}
