import { CAMPUS_NEEDS, HARD_NEGATIVES, HELD_OUT_HARD_NEGATIVES, HELD_OUT_NEEDS, type CampusNeed } from '../fixtures/campus-paraphrases';
import { DEMO_CATEGORIES } from '../../scripts/seed/demo-organisation';
import {
  engineRetriever,
  evaluateAllOthers,
  evaluateCategorySuggestion,
  evaluateOnePerNeed,
  neighbourVoteSuggester,
  plainCharacterTerms,
  likeRetriever,
  tfidfRetriever,
} from '../../scripts/search-evaluation';

/**
 * Quality floors on the campus paraphrase set, a little under what the engine
 * measures today (scripts/bench-search.ts prints the figures; the decision
 * record explains them): a change that loses retrieval or category quality
 * fails here. Nothing here is timed.
 */
const NEEDS = [...CAMPUS_NEEDS, ...HELD_OUT_NEEDS];
const LOOK_ALIKES = [...HARD_NEGATIVES, ...HELD_OUT_HARD_NEGATIVES];
const heldOut = new Set(HELD_OUT_NEEDS.map((n) => n.id));
const development = (n: CampusNeed) => !heldOut.has(n.id);
const held = (n: CampusNeed) => heldOut.has(n.id);

describe('the campus paraphrase set', () => {
  it('has many needs, each phrased four to eight distinct ways, in the demo categories', () => {
    const categories = new Set(DEMO_CATEGORIES.map((c) => c._id));
    expect(CAMPUS_NEEDS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(NEEDS.map((n) => n.id)).size).toBe(NEEDS.length);
    for (const need of NEEDS) {
      expect(need.phrasings.length).toBeGreaterThanOrEqual(4);
      expect(need.phrasings.length).toBeLessThanOrEqual(8);
      expect(categories.has(need.categoryId)).toBe(true);
    }
    const phrasings = NEEDS.flatMap((n) => n.phrasings);
    expect(new Set(phrasings).size).toBe(phrasings.length);
  });

  it('names real needs in its look-alike pairs', () => {
    const ids = new Set(NEEDS.map((n) => n.id));
    for (const [a, b] of LOOK_ALIKES) {
      expect(ids.has(a) && ids.has(b) && a !== b).toBe(true);
    }
  });
});

describe('similar-question retrieval', () => {
  const strict = evaluateOnePerNeed(engineRetriever, NEEDS, LOOK_ALIKES, development);

  it('finds the earlier question of the same need, among look-alikes (development needs)', () => {
    expect(strict.recallAt1).toBeGreaterThanOrEqual(0.72);
    expect(strict.recallAt5).toBeGreaterThanOrEqual(0.92);
    expect(strict.mrr).toBeGreaterThanOrEqual(0.8);
    expect(strict.hardNegativeWins).toBeGreaterThanOrEqual(0.88);
  });

  it('holds up on needs written after the engine was tuned', () => {
    const figures = evaluateOnePerNeed(engineRetriever, NEEDS, LOOK_ALIKES, held);
    expect(figures.recallAt1).toBeGreaterThanOrEqual(0.6);
    expect(figures.recallAt5).toBeGreaterThanOrEqual(0.86);
  });

  it('does better still when a need was asked several ways before', () => {
    const figures = evaluateAllOthers(engineRetriever, NEEDS, LOOK_ALIKES, development);
    expect(figures.recallAt1).toBeGreaterThanOrEqual(0.78);
    expect(figures.recallAt5).toBeGreaterThanOrEqual(0.95);
  });

  it('beats LIKE %title% and plain character TF-IDF by a wide margin', () => {
    const like = evaluateOnePerNeed(likeRetriever, NEEDS, LOOK_ALIKES, development);
    const plain = evaluateOnePerNeed(tfidfRetriever('plain', plainCharacterTerms), NEEDS, LOOK_ALIKES, development);
    expect(like.recallAt5).toBeLessThan(0.1);
    expect(strict.recallAt1 - plain.recallAt1).toBeGreaterThanOrEqual(0.15);
    expect(strict.recallAt5 - plain.recallAt5).toBeGreaterThanOrEqual(0.1);
  });
});

describe('category suggestion', () => {
  it('is right when it is sure, for needs asked before', () => {
    const figures = evaluateCategorySuggestion(neighbourVoteSuggester, NEEDS, 'asked before', development);
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(figures.coverage).toBeGreaterThanOrEqual(0.7);
    expect(figures.accuracyWhenSure).toBeGreaterThanOrEqual(0.95);
  });

  it('mostly holds back on a need nobody asked before rather than guess', () => {
    const figures = evaluateCategorySuggestion(neighbourVoteSuggester, NEEDS, 'new need', development);
    expect(figures.coverage).toBeLessThanOrEqual(0.5);
    expect(figures.accuracyWhenSure).toBeGreaterThanOrEqual(0.7);
  });
});
