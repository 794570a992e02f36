import Taro from '@tarojs/taro';
import { z } from 'zod';
import { ApiRequestError } from './api-error';
import { gatewayUrl } from './transport';

/** Seeded people offered by the local gateway (dev only; not part of the cloud contract). */
export const DevUser = z.object({
  openid: z.string().min(1),
  name: z.string(),
  roles: z.array(z.string()),
  unitNames: z.array(z.string()),
  description: z.string(),
});
export type DevUser = z.infer<typeof DevUser>;

const DevUsersReply = z.object({ ok: z.literal(true), data: z.object({ users: z.array(DevUser) }) });

export async function listDevUsers(): Promise<DevUser[]> {
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.request({ url: gatewayUrl('/__dev/users'), method: 'GET', dataType: 'json' });
  } catch (cause) {
    throw new ApiRequestError('NETWORK.FAILED', undefined, { cause });
  }
  const reply = DevUsersReply.safeParse(res.data);
  if (!reply.success) throw new ApiRequestError('REPLY.INVALID', undefined, { cause: reply.error });
  return reply.data.data.users;
}

export { readDevOpenid, writeDevOpenid } from './dev-identity.store';
