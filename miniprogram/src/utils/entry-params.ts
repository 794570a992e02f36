import { Id } from '@shared/contracts/common.contract';
import { normaliseInviteCode } from '@shared/domain/invitation';

/**
 * Where the asker came from decides the preselected college: the official-account
 * menu links `pages/ask/index?college=<id>`, a mini-program code carries
 * `scene=c%3D<id>` (WeChat URL-encodes the scene string, up to 32 chars).
 * Returns a valid college id or null; never throws on malformed input.
 */
export function collegeFromEntry(params: Readonly<Record<string, string | undefined>>): string | null {
  const direct = validId(params.college);
  if (direct) return direct;
  const scene = params.scene;
  if (!scene) return null;
  const fields = parseScene(safeDecode(scene));
  return validId(fields.c) ?? validId(fields.college);
}

/**
 * The invitation a join link carries: a mini-program code opens
 * `pages/join/index?scene=i%3D<code>` (WeChat URL-encodes the scene), a link
 * shared by hand `?code=<code>`. Case, spaces and dashes do not matter.
 * Returns the normalised code, or null when there is none or it cannot be one
 * (the page then asks for it by hand).
 */
export function inviteFromEntry(params: Readonly<Record<string, string | undefined>>): string | null {
  const direct = params.code !== undefined ? normaliseInviteCode(safeDecode(params.code)) : null;
  if (direct) return direct;
  const scene = params.scene;
  if (!scene) return null;
  // A link passed through another page (or a router) may arrive encoded twice.
  let text = safeDecode(scene);
  if (!text.includes('=')) text = safeDecode(text);
  const code = parseScene(text).i;
  return code === undefined ? null : normaliseInviteCode(code);
}

/** "c=abc&x=1" → {c: "abc", x: "1"}; tolerates a second layer of encoding. */
export function parseScene(scene: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of scene.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    fields[key] = safeDecode(part.slice(eq + 1).trim());
  }
  return fields;
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function validId(value: string | undefined): string | null {
  if (value === undefined) return null;
  const parsed = Id.safeParse(safeDecode(value));
  return parsed.success ? parsed.data : null;
}

/**
 * An entry link written in hash form (`/#/pages/ask/index?college=…`, how many
 * official-account menus and old links address single-page apps) names the
 * page to open; the H5 router uses real paths, so the app moves it there
 * before the router starts. Returns the path with its query, or null when the
 * hash is not a page of this app (an anchor, a different site, `..`).
 */
export function pageFromHashLink(hash: string): string | null {
  const match = /^#\/?(pages\/[A-Za-z0-9_\-/]+)(\?[^#]*)?$/.exec(hash);
  if (!match?.[1] || match[1].split('/').some((part) => part === '' || part === '..')) return null;
  return `/${match[1]}${match[2] ?? ''}`;
}
