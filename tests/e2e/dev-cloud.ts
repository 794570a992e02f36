import type { LocalCloud } from '../../scripts/local-cloud/local-cloud';
import type { NotificationRecord } from '../../shared/server/ports/records';

/**
 * Helpers for end-to-end tests that set the scene through the local cloud
 * (asking as a student, moving the dev clock, reading what would have been
 * sent), so the browser is used for what the test is about.
 */
export async function dev<T = any>(cloud: LocalCloud, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${cloud.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return ((await res.json()) as { data: T }).data;
}

let requests = 0;

/** Calls an api action as a seeded person (X-Dev-OpenID); throws with the server's error code. */
export async function callAs<T = any>(cloud: LocalCloud, openid: string, action: string, data: unknown): Promise<T> {
  const res = await fetch(`${cloud.url}/api/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-OpenID': openid },
    body: JSON.stringify({ action, data, requestId: `e2e-${Date.now().toString(36)}-${(requests += 1)}` }),
  });
  const reply = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${action} as ${openid}: ${reply.error?.code} ${reply.error?.message}`);
  return reply.data as T;
}

export interface OutboxMessage {
  channel: 'subscribe' | 'wecom';
  touser?: string;
  page?: string;
  templateId?: string;
  webhookUrl?: string;
  text?: string;
}

export async function outbox(cloud: LocalCloud): Promise<OutboxMessage[]> {
  return (await dev<{ messages: OutboxMessage[] }>(cloud, '/__dev/outbox')).messages;
}

/** The messages the server planned for a question (sent, sent to the group, or undeliverable), from the local database. */
export function notificationsFor(cloud: LocalCloud, questionId: string, kind: string): Pick<NotificationRecord, 'recipientOpenid' | 'state' | 'channel'>[] {
  return cloud.store.find('notifications', { questionId, kind }) as unknown as NotificationRecord[];
}
