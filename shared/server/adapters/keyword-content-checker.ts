import { Mint } from 'mint-filter';
import { strictest, type Verdict } from '../../domain/moderation';
import type { ContentCheck, ContentChecker } from '../ports/content-checker';
import type { SettingsRepository } from '../ports/repositories';

/**
 * The school's own word list, the first content check everywhere (locally
 * too): an Aho–Corasick matcher (mint-filter) over text normalised the way
 * people dodge a list — case and full-width folded, spaces and separators
 * between the characters removed. `block` words refuse the text; `review`
 * words hold it for a moderator.
 *
 * The list is configuration in the database (settings/moderation-words),
 * read at most once a minute per container; until a school sets one, a small
 * built-in list of what every campus board refuses or holds applies.
 */
export const BUILT_IN_WORDS = {
  // Refused everywhere: fraud and illegal trade that target students.
  block: ['代考', '替考', '枪手代考', '办证刻章', '出售答案', '卖答案', '裸贷', '校园贷套现', '出售身份证', '贩卖银行卡'],
  // Held for a moderator: advertising and contact-harvesting typical of campus spam.
  review: ['加微信', '加v', '加vx', '加qq', '扫码领取', '兼职日结', '刷单', '代写论文', '论文代写', '代写作业', '网贷', '博彩'],
};

const SEPARATORS = /[\s\u3000·•,，.。!！?？~～、…\-_*#@/\\|()（）[\]【】"'“”‘’<>《》]+/g;

export function normaliseForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
}

interface Lists {
  block: Mint | null;
  review: Mint | null;
  loadedAt: number;
}

const mintOf = (words: string[]) => {
  const cleaned = [...new Set(words.map(normaliseForMatching).filter((w) => w.length > 0))];
  return cleaned.length > 0 ? new Mint(cleaned) : null;
};

export class KeywordContentChecker implements ContentChecker {
  private lists: Lists | null = null;
  private loading: Promise<Lists> | null = null;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly cacheMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private async load(): Promise<Lists> {
    const fresh = this.lists && this.now() - this.lists.loadedAt < this.cacheMs;
    if (fresh) return this.lists!;
    if (!this.loading) {
      this.loading = this.settings
        .moderationWords()
        .then((record) => {
          const words = record ?? BUILT_IN_WORDS;
          this.lists = { block: mintOf(words.block), review: mintOf(words.review), loadedAt: this.now() };
          return this.lists;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  async check(text: string): Promise<ContentCheck> {
    const lists = await this.load();
    const normalised = normaliseForMatching(text);
    const blocked = lists.block?.filter(normalised, { replace: false }).words ?? [];
    const listed = (words: string[]) => `关键词：${[...new Set(words)].join('、')}`;
    if (blocked.length > 0) return { verdict: 'risky', label: listed(blocked) };
    const held = lists.review?.filter(normalised, { replace: false }).words ?? [];
    if (held.length > 0) return { verdict: 'review', label: listed(held) };
    return { verdict: 'pass', label: null };
  }
}

/**
 * Checks in order, the strictest verdict wins; a `risky` stops the chain
 * (the author must change the text anyway).
 */
export class ChainedContentChecker implements ContentChecker {
  constructor(private readonly checkers: ContentChecker[]) {}

  async check(text: string, context: Parameters<ContentChecker['check']>[1]): Promise<ContentCheck> {
    let verdict: Verdict = 'pass';
    const labels: string[] = [];
    for (const checker of this.checkers) {
      const result = await checker.check(text, context);
      verdict = strictest(verdict, result.verdict);
      if (result.label) labels.push(result.label);
      if (verdict === 'risky') break;
    }
    return { verdict, label: labels.length > 0 ? labels.join('；') : null };
  }
}
