/**
 * Room for a second opinion on relevance, such as a cloud embedding service
 * (Tencent Cloud offers Chinese text embeddings), fused with the lexical
 * ranking by reciprocal rank. Off by default and never needed locally: the
 * lexical engine stands alone, and a second scorer goes in only where a
 * measured run shows it gains (docs/decisions/0015-chinese-search-lexical.md).
 */
export interface SecondScorer {
  name: string;
  /** Scores for some or all candidates (higher is more relevant); candidates left out are unranked by it. */
  score(query: string, candidates: readonly { id: string; text: string }[]): Promise<ReadonlyMap<string, number>>;
}

/** The default: no second opinion, so the fused order is the lexical order. */
export const NO_SECOND_SCORER: SecondScorer = {
  name: 'none',
  score: async () => new Map(),
};

/** Reciprocal-rank fusion's damping: the usual 60 keeps one list's top rank from drowning the other's. */
export const FUSION_K = 60;

/**
 * Reciprocal-rank fusion: each id scores Σ 1 / (k + rank) over the rankings
 * (best first) that hold it. Ties keep the first ranking's order.
 */
export function fuseRankings(rankings: readonly (readonly string[])[], k: number = FUSION_K): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) ranking.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1)));
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/** The lexical ranking with the second scorer's opinion fused in; the lexical order alone when it has none. */
export async function rerankWithSecondScorer(
  scorer: SecondScorer,
  query: string,
  lexical: readonly { id: string; text: string }[],
): Promise<{ id: string; score: number }[]> {
  const second = await scorer.score(query, lexical);
  const secondRanking = [...second.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return fuseRankings([lexical.map((c) => c.id), secondRanking]);
}
