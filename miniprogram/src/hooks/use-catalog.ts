import { useMemo } from 'react';
import type { Catalog } from '@shared/contracts/catalog.contract';
import { getCatalog } from '../services/catalog.service';
import { useAsync } from './use-async';

export function useCatalog() {
  const state = useAsync<Catalog>(getCatalog);
  const colleges = useMemo(() => (state.data?.units ?? []).filter((u) => u.kind === 'college'), [state.data]);
  const categories = state.data?.categories ?? [];
  return { ...state, colleges, categories };
}
