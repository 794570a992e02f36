import type { Me } from '@shared/contracts/me.contract';
import { callAction } from './api.client';

export function getMe(): Promise<Me> {
  return callAction('me.get', {});
}
