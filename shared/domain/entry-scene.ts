/**
 * Entry points (BUCM §三.3, ZJU §二): where a person arrives from and what it
 * carries. A college's official-account menu opens `pages/ask/index?college=<id>`;
 * a mini-program code made with `wxacode.getUnlimited` carries a scene (at most
 * 32 visible characters from a fixed set) that WeChat hands to the page,
 * URL-encoded, as `?scene=`: `c=<collegeId>` opens the ask page with the college
 * preselected, `i=<inviteCode>` opens the join page with the invitation.
 * miniprogram/src/utils/entry-params.ts reads the same scenes on the client
 * (tests/unit/entry-scene.test.ts checks the two agree).
 */
export const ASK_PAGE = 'pages/ask/index';
export const JOIN_PAGE = 'pages/join/index';

/** wxacode.getUnlimited: "最大32个可见字符，只支持数字，大小写英文以及部分特殊字符：!#$&'()*+,/:;=?@-._~". */
export const SCENE_MAX_LENGTH = 32;
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

export function sceneIsValid(scene: string): boolean {
  return scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARACTERS.test(scene);
}

export function collegeScene(collegeId: string): string {
  return `c=${collegeId}`;
}

export function inviteScene(code: string): string {
  return `i=${code}`;
}

/** The longest unit id whose scene `c=<id>` still fits a mini-program code. */
export const MAX_SCENE_UNIT_ID_LENGTH = SCENE_MAX_LENGTH - collegeScene('').length;

/** "c=abc&i=XYZ" (URL-encoded or not) → what it names. Unknown keys and malformed parts are ignored. */
export function parseEntryScene(raw: string): { collegeId: string | null; inviteCode: string | null } {
  const scene = safeDecode(raw);
  const fields: Record<string, string> = {};
  for (const part of scene.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    fields[part.slice(0, eq).trim()] = safeDecode(part.slice(eq + 1).trim());
  }
  return { collegeId: fields.c ?? fields.college ?? null, inviteCode: fields.i ?? null };
}

/** A page opened with a scene, as WeChat opens it from a code: `pages/join/index?scene=i%3DABC…`. */
export function pageWithScene(page: string, scene: string): string {
  return `${page}?scene=${encodeURIComponent(scene)}`;
}

/** What an official-account menu opens: the ask page with the college preselected. */
export function askPagePath(collegeId: string): string {
  return `${ASK_PAGE}?college=${encodeURIComponent(collegeId)}`;
}

/** The PC web (H5) version of the ask page, hash-form so a plain static host serves it. */
export function webAskUrl(webBaseUrl: string, collegeId: string): string {
  return `${webBaseUrl.replace(/\/+$/, '')}/#/${askPagePath(collegeId)}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
