import type { Me } from '@shared/contracts/me.contract';
import { getMe } from '../services/me.service';
import { useAsync } from './use-async';

export function useMe() {
  return useAsync<Me>(getMe);
}
