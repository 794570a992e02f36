import { useCallback } from 'react';
import { listExperts } from '../services/community.service';
import { useAsync } from './use-async';

type Suggestions = Awaited<ReturnType<typeof listExperts>>;
const NONE: Suggestions = { items: [], nextCursor: null, figuresAt: null };

/** The experts a question of this college and category can be addressed to (none until both are chosen). */
export function useExpertSuggestions(collegeId: string, categoryId: string) {
  const load = useCallback(
    (): Promise<Suggestions> => (collegeId && categoryId ? listExperts({ collegeId, categoryId }) : Promise.resolve(NONE)),
    [collegeId, categoryId],
  );
  return useAsync(load);
}
