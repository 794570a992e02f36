import type { QuestionDetail } from '@shared/contracts/question.contract';
import { routes } from './routes';

export interface ShareCard {
  title: string;
  path: string;
}

/**
 * The share card of a question: only a public question the public can see
 * (published) is shareable. Its title is the question's own title — never who
 * asked, so an anonymous asker stays anonymous on every card.
 */
export function shareCardFor(q: Pick<QuestionDetail, 'id' | 'title' | 'visibility' | 'moderation'>): ShareCard | null {
  if (q.visibility !== 'public' || q.moderation !== 'published') return null;
  return { title: `${q.title} · 青年之声`, path: routes.question(q.id) };
}
