import type { NotificationRecord } from '../ports/records';
import { deliverAll, type DeliveryDeps, type DeliveryTally } from './deliver-notifications';
import { planNotifications, type PlanInput } from './plan-notifications';

/**
 * Writes the intents first (durable), then tries to deliver them right away.
 * Whatever cannot be delivered now stays pending for the scheduler.
 */
export async function enqueueNotifications(deps: DeliveryDeps, input: PlanInput): Promise<NotificationRecord[]> {
  const planned = planNotifications(input);
  const fresh: NotificationRecord[] = [];
  for (const n of planned) if (await deps.repos.notifications.enqueue(n)) fresh.push(n);
  return fresh;
}

export async function notifyNow(deps: DeliveryDeps, inputs: PlanInput[], now: number, log?: (message: string, detail: Record<string, unknown>) => void): Promise<DeliveryTally | null> {
  const fresh: NotificationRecord[] = [];
  for (const input of inputs) fresh.push(...(await enqueueNotifications(deps, input)));
  try {
    return await deliverAll(fresh, deps, now);
  } catch (err) {
    // Delivery is best effort here; the intents are stored and the scheduler retries them.
    log?.('immediate delivery failed; left for the scheduler', { error: err instanceof Error ? err.message : String(err) });
    return null;
  }
}
