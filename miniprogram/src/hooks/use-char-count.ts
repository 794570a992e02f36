import { useMemo } from 'react';
import { countChars, normalizeText } from '@shared/domain/user-text';

export interface CharCount {
  used: number;
  max: number;
  over: boolean;
  /** "120/500" */
  label: string;
}

/**
 * A form's counter: the text as the server will store it (normalised) counted
 * as a person counts it (`countChars`: an emoji is one), against the contract's
 * limit, so the counter and the check never disagree.
 */
export function charCount(text: string, max: number, options: { singleLine?: boolean } = {}): CharCount {
  const used = countChars(normalizeText(text, options));
  return { used, max, over: used > max, label: `${used}/${max}` };
}

export function useCharCount(text: string, max: number, singleLine = false): CharCount {
  return useMemo(() => charCount(text, max, { singleLine }), [text, max, singleLine]);
}
