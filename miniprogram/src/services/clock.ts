import Taro from '@tarojs/taro';
import { z } from 'zod';
import { isDevGateway } from '../config/env';
import { gatewayUrl } from './transport';

/**
 * The instant countdowns are measured against. Deadlines are set by the
 * server's clock; against the local gateway that clock can be shifted
 * (`POST /__dev/clock`) to watch reminders and escalations happen, so the
 * dev build asks for it (`GET /__dev/clock`) and follows the server's time.
 * In WeChat (cloud transport) this is plain Date.now().
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Called when the offset changes, so ticking clocks re-read `nowMs()` at once. */
export function onClockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const DevClockReply = z.object({ ok: z.literal(true), data: z.object({ now: z.number() }) });

/** Follow the local gateway's (possibly shifted) clock; silently keeps the device clock on any failure. */
export async function syncDevClock(): Promise<void> {
  if (!isDevGateway()) return;
  try {
    const sentAt = Date.now();
    const res = await Taro.request({ url: gatewayUrl('/__dev/clock'), method: 'GET', dataType: 'json' });
    const reply = DevClockReply.safeParse(res.data);
    if (!reply.success) return;
    const receivedAt = Date.now();
    // Server time at the midpoint of the round trip; ignore sub-second jitter.
    const next = Math.round(reply.data.data.now - (sentAt + receivedAt) / 2);
    if (Math.abs(next - offsetMs) < 1000) return;
    offsetMs = next;
    listeners.forEach((l) => l());
  } catch {
    // No dev clock (e.g. a deployed HTTP gateway): the device clock it is.
  }
}
