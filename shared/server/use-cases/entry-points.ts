import { ASK_PAGE, askPagePath, collegeScene, inviteScene, JOIN_PAGE, pageWithScene, webAskUrl } from '../../domain/entry-scene';
import { DomainError } from '../../domain/errors';
import { invitationStatus, joinRefusal } from '../../domain/invitation';
import { checkInvite, inScope, managedScope } from '../../domain/roster';
import { ERRCODE_NO_PERMISSION } from '../ports/notifier';
import type { EntryCodeRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';
import { rosterFacts, unitNodes } from './roster';

/**
 * 入口 (issue 10): what a college needs to bring students in — the
 * official-account menu button (BUCM §三.3), a mini-program code (scene
 * `c=<id>`), and the floating window (飘窗) for the league website that opens the
 * PC web version (ZJU §二.1) — and an invitation's code for a poster.
 *
 * A code image is made once per (scene, page, version) through the open-API
 * layer (wxacode.getUnlimited; locally a drawn placeholder), stored in cloud
 * storage and remembered in `entryCodes`; each call hands out a fresh
 * temporary link to it.
 */
const CODE_WIDTH = 430;
/** An hour is enough to show or download the image; ask again for a new link. */
export const CODE_URL_MAX_AGE_S = 3600;
const MENU_BUTTON_NAME = '青年之声';
/** Where a menu's `url` points when the web version is not configured: WeChat's own example fallback. */
const MENU_FALLBACK_URL = 'https://mp.weixin.qq.com';

const ENV_VERSIONS = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

function codeFailure(errcode: number): DomainError {
  if (errcode === 41030) return new DomainError('ENTRY.CODE_FAILED', '小程序的正式版中还没有这个页面（41030）：发布新版本后再生成');
  if (errcode === ERRCODE_NO_PERMISSION) return new DomainError('ENTRY.CODE_FAILED', '云函数没有生成小程序码的权限（wxacode.getUnlimited）：请按部署说明在微信开发者工具中上传一次 api 云函数');
  return new DomainError('ENTRY.CODE_FAILED');
}

/** The code image for this scene and page: made and stored the first time, a new temporary link every time. */
async function codeImage(ctx: ActionContext, scene: string, page: string, fileName: string) {
  const { repos, ids, files, now } = ctx;
  const envVersion = ENV_VERSIONS[ctx.settings.miniprogramState];
  const id = ids.derived('ec', scene, page, envVersion);
  let record = await repos.entryCodes.find(id);
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (!record) {
      const made = await ctx.miniProgramCodes.getUnlimited({ scene, page, envVersion, checkPath: envVersion === 'release', width: CODE_WIDTH });
      if (!made.ok) {
        ctx.log('mini-program code refused', { scene, page, errcode: made.errcode, errmsg: made.errmsg });
        throw codeFailure(made.errcode);
      }
      const ext = made.contentType.includes('png') ? 'png' : 'jpg';
      const fileId = await files.upload(`entry-codes/${envVersion}/${fileName}.${ext}`, made.image);
      record = { _id: id, scene, page, envVersion, fileId, contentType: made.contentType, createdAt: now } satisfies EntryCodeRecord;
      await repos.entryCodes.save(record);
    }
    const url = (await files.temporaryUrls([record.fileId], CODE_URL_MAX_AGE_S)).get(record.fileId);
    if (url) return { scene, page, imageUrl: url, urlExpiresAt: now + CODE_URL_MAX_AGE_S * 1000 };
    // The stored image is gone (deleted in the console): make it again.
    record = null;
  }
  throw new DomainError('ENTRY.CODE_FAILED');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The league website's floating window (飘窗): a fixed badge that opens the ask page of the PC web version in a new tab. */
export function floatingWindowHtml(url: string, collegeName: string): string {
  const href = escapeHtml(url);
  const name = escapeHtml(collegeName);
  return [
    `<!-- 青年之声 · ${name}：粘贴到网站页面的 </body> 之前 -->`,
    `<a href="${href}" target="_blank" rel="noopener" title="青年之声 · ${name} · 我要提问" ` +
      'style="position:fixed;right:24px;bottom:96px;z-index:9999;display:block;width:96px;padding:14px 0;border-radius:12px;' +
      "background:#c8102e;color:#fff;font:14px/1.6 'PingFang SC','Microsoft YaHei',sans-serif;text-align:center;" +
      'text-decoration:none;box-shadow:0 4px 12px rgba(0,0,0,.2)">青年之声<br>我要提问</a>',
  ].join('\n');
}

/** 入口: for a college's own admin and the school admin. */
export const entryLinks: ActionDefinition<'entry.links'> = {
  viewer: 'required',
  async run({ collegeId }, ctx) {
    const { viewer, repos, settings } = ctx;
    const catalog = await loadCatalog(repos);
    const college = catalog.unit(collegeId);
    if (!college || college.kind !== 'college') throw new DomainError('CATALOG.UNKNOWN_COLLEGE');
    if (!inScope(managedScope(rosterFacts(viewer.user), unitNodes(catalog)), collegeId)) {
      throw new DomainError('AUTH.FORBIDDEN', '只有本学院的管理员和学校管理员可以获取入口');
    }
    const webUrl = settings.webBaseUrl ? webAskUrl(settings.webBaseUrl, collegeId) : null;
    const button = settings.miniprogramAppId
      ? { type: 'miniprogram' as const, name: MENU_BUTTON_NAME, url: webUrl ?? MENU_FALLBACK_URL, appid: settings.miniprogramAppId, pagepath: askPagePath(collegeId) }
      : null;
    return {
      collegeId,
      collegeName: college.shortName,
      menu: button ? { button, json: JSON.stringify({ button: [button] }, null, 2) } : null,
      miniProgramCode: await codeImage(ctx, collegeScene(collegeId), ASK_PAGE, `college-${collegeId}`),
      web: webUrl ? { url: webUrl, embedHtml: floatingWindowHtml(webUrl, college.shortName) } : null,
    };
  },
};

/** An invitation's code image, for whoever may issue the invitation, while it can still be used. */
export const entryInvitation: ActionDefinition<'entry.invitation'> = {
  viewer: 'required',
  async run({ invitationId }, ctx) {
    const { viewer, repos, now } = ctx;
    const [catalog, inv] = await Promise.all([loadCatalog(repos), repos.invitations.findById(invitationId)]);
    if (!inv) throw new DomainError('INVITE.INVALID');
    const check = checkInvite(rosterFacts(viewer.user), inv.unitId, inv.role, unitNodes(catalog));
    if (!check.ok) throw new DomainError('AUTH.FORBIDDEN', check.message);
    const refusal = joinRefusal(invitationStatus(inv, now));
    if (refusal) throw new DomainError(refusal);
    const scene = inviteScene(inv.code);
    return { invitationId: inv._id, code: inv.code, path: pageWithScene(JOIN_PAGE, scene), miniProgramCode: await codeImage(ctx, scene, JOIN_PAGE, `invite-${inv.code}`) };
  },
};
