import { bm25Similarity } from './bm25';
import { buildCorpusIndex, searchCorpusIndex } from './corpus-index';
import type { CorpusStats, TermBag } from './search-index';

/**
 * 重复问题汇总: which of a half month's answered questions ask the same thing,
 * and whether a published FAQ entry already answers it. Each question links
 * to those of its nearest neighbours that are alike enough (bm25Similarity ≥
 * `threshold`); linked questions form a group. Nearest neighbours, not every
 * pair: on the campus paraphrase set 0.24% of pairs of different needs pass
 * 0.45, which over every pair of a thousand questions would chain unrelated
 * needs together; among a question's few nearest they rarely do. The
 * coordinator reviews every group before anything is published.
 *
 * A group of two or more is a repeat; a single question counts when it is
 * like an FAQ entry (then: add it to the entry).
 */
export interface GroupingOptions {
  threshold: number;
  neighbours: number;
  maxGroup: number;
}

/** Measured on tests/fixtures/campus-paraphrases.ts (docs/decisions/0015). */
export const FAQ_GROUPING: GroupingOptions = { threshold: 0.45, neighbours: 5, maxGroup: 30 };

export interface GroupItem {
  id: string;
  bag: TermBag;
}

export interface RepeatGroup {
  questionIds: string[];
  faqId: string | null;
}

export function groupRepeatedQuestions(questions: readonly GroupItem[], faqs: readonly GroupItem[], stats: CorpusStats, options: GroupingOptions = FAQ_GROUPING): RepeatGroup[] {
  const parent = questions.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const index = buildCorpusIndex(questions.map((q, i) => ({ q, i })), (e) => e.q.bag);
  questions.forEach((q, i) => {
    const near = searchCorpusIndex(index, q.bag, { limit: options.neighbours, accept: (e) => e.i !== i });
    for (const { item } of near) if (bm25Similarity(q.bag, item.q.bag, stats) >= options.threshold) parent[root(i)] = root(item.i);
  });
  const groups = new Map<number, number[]>();
  questions.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));

  const out: RepeatGroup[] = [];
  for (const members of groups.values()) {
    let best: { id: string; similarity: number } | null = null;
    for (const faq of faqs) {
      const similarity = Math.max(...members.map((m) => bm25Similarity(questions[m]!.bag, faq.bag, stats)));
      if (similarity >= options.threshold && (!best || similarity > best.similarity)) best = { id: faq.id, similarity };
    }
    if (members.length < 2 && !best) continue;
    out.push({ questionIds: members.slice(0, options.maxGroup).map((m) => questions[m]!.id), faqId: best?.id ?? null });
  }
  // Largest repeats first: what the coordinator should settle first.
  return out.sort((a, b) => b.questionIds.length - a.questionIds.length || a.questionIds[0]!.localeCompare(b.questionIds[0]!));
}
