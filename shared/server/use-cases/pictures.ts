import { COVER_MAX_BYTES, pictureProblem } from '../../domain/pictures';
import { DomainError } from '../../domain/errors';
import type { FileStorage } from '../ports/files';

/**
 * Pictures of questions and answers: checked against our policy before
 * anything is written, shown through temporary links issued to each viewer
 * who may see the question (or answer) they belong to.
 */

/** How long a picture link handed to a viewer lasts: long enough to read the page, short for a link passed on. */
export const PICTURE_URL_SECONDS = 15 * 60;

const MESSAGES = {
  'FILE.NOT_FOUND': (n: number) => `第 ${n} 张图片不存在，请重新上传`,
  'FILE.TOO_LARGE': (n: number) => `第 ${n} 张图片超过 2 MB，请压缩后再上传`,
  'FILE.TYPE': (n: number) => `第 ${n} 张图片格式不支持，请上传 JPG、PNG、WebP 或 GIF`,
} as const;

/** Refuses the first picture storage does not have, or that is too large or not an image (FILE.*), naming which one. */
export async function checkPictures(files: FileStorage, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const facts = await files.describe([...fileIds]);
  fileIds.forEach((id, i) => {
    const problem = pictureProblem(id, facts.get(id) ?? null);
    if (problem) throw new DomainError(problem, MESSAGES[problem](i + 1), { fileId: id });
  });
}

const COVER_MESSAGES = {
  'FILE.NOT_FOUND': '封面图片不存在，请重新上传',
  'FILE.TOO_LARGE': '封面图片超过 5 MB，请压缩后再上传',
  'FILE.TYPE': '封面图片格式不支持，请上传 JPG、PNG、WebP 或 GIF',
} as const;

/** An article's cover: the same storage check as pictures, with the cover's size limit. */
export async function checkCover(files: FileStorage, fileId: string): Promise<void> {
  const problem = pictureProblem(fileId, (await files.describe([fileId])).get(fileId) ?? null, COVER_MAX_BYTES);
  if (problem) throw new DomainError(problem, COVER_MESSAGES[problem], { fileId });
}

/** The pictures that pass, for the crisis lane, which refuses nothing. */
export async function usablePictures(files: FileStorage, fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  try {
    const facts = await files.describe([...fileIds]);
    return fileIds.filter((id) => pictureProblem(id, facts.get(id) ?? null) === null);
  } catch {
    return [];
  }
}

/** Links for every picture the viewer is shown (storage gives at most 50 a call). A storage failure shows the page without them. */
export async function pictureLinks(
  files: FileStorage,
  fileIds: readonly string[],
  log?: (message: string, detail: Record<string, unknown>) => void,
): Promise<Map<string, string | null>> {
  const unique = [...new Set(fileIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += 50) chunks.push(unique.slice(i, i + 50));
  try {
    const maps = await Promise.all(chunks.map((chunk) => files.temporaryUrls(chunk, PICTURE_URL_SECONDS)));
    return new Map(maps.flatMap((m) => [...m]));
  } catch (cause) {
    log?.('picture links failed', { cause: cause instanceof Error ? cause.message : String(cause) });
    return new Map();
  }
}

/** The links for these ids, in order, leaving out pictures storage could not link. */
export function linksFor(fileIds: readonly string[] | undefined, links: Map<string, string | null>): string[] {
  return (fileIds ?? []).map((id) => links.get(id)).filter((u): u is string => typeof u === 'string');
}
