import { moderationAfterCheck, type Moderation } from './moderation';

/**
 * Pictures in questions and answers (issue 11): our policy, whatever CloudBase
 * storage itself accepts. Up to three pictures a question or an answer, each a
 * JPEG, PNG, WebP or GIF of at most 2 MB. Pure rules; the facts (size, type)
 * come from storage through the FileStorage port.
 */
export const PICTURES_MAX = 3;
export const PICTURE_MAX_BYTES = 2 * 1024 * 1024;
/** An article's cover (青年视角) may be larger: one wide image, shown big. */
export const COVER_MAX_BYTES = 5 * 1024 * 1024;
export const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

const TYPE_BY_EXTENSION: Record<string, (typeof PICTURE_TYPES)[number]> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** What storage says about a stored file: its size and the type it is served with. */
export interface StoredFileFacts {
  size: number;
  contentType: string;
}

export type PictureProblem = 'FILE.NOT_FOUND' | 'FILE.TOO_LARGE' | 'FILE.TYPE';

/**
 * The picture's type: the type storage serves it with; when storage names none
 * (or only `application/octet-stream`, COS's answer for a file uploaded
 * without one), the extension of its file id, which is what COS itself goes by.
 */
export function pictureTypeOf(fileId: string, contentType: string): string | null {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime && mime !== 'application/octet-stream') return mime;
  const ext = /\.([a-z0-9]+)$/i.exec(fileId)?.[1]?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[ext] ?? null;
}

/** Why a stored file cannot be a picture here, or null when it can. */
export function pictureProblem(fileId: string, facts: StoredFileFacts | null, maxBytes = PICTURE_MAX_BYTES): PictureProblem | null {
  if (!facts) return 'FILE.NOT_FOUND';
  const type = pictureTypeOf(fileId, facts.contentType);
  if (!type || !(PICTURE_TYPES as readonly string[]).includes(type)) return 'FILE.TYPE';
  if (facts.size > maxBytes) return 'FILE.TOO_LARGE';
  return null;
}

/**
 * A student's pictures may show people (their own or others' faces, papers
 * with names): a question with pictures waits for a moderator before the
 * public sees it, however its text was judged. The asker and the handlers see
 * it at once, as with any held question.
 */
export const PICTURES_HELD_REASON = '含图片，待审核';
export function picturesHeld(m: Moderation, pictureCount: number, at: number): Moderation {
  return pictureCount > 0 && m.state === 'published' ? moderationAfterCheck('review', PICTURES_HELD_REASON, at) : m;
}
