import { z } from 'zod';
import { Id, Instant } from './common.contract';

/**
 * Entry points for a college (BUCM §三.3 "微信公众号菜单统一增加‘青年之声’栏目",
 * ZJU §二 "在求是青年网显著位置设置‘青年之声’飘窗"): the official-account menu
 * button to paste, a mini-program code image, and the league website's
 * floating window that opens the PC web version. Also an invitation's code image.
 */

/** A custom-menu button of type `miniprogram` (微信公众平台 自定义菜单): `url` opens where mini-programs cannot. */
export const MenuButton = z.strictObject({
  type: z.literal('miniprogram'),
  name: z.string(),
  url: z.string(),
  appid: z.string(),
  pagepath: z.string(),
});

export const MiniProgramCodeImage = z.strictObject({
  /** `c=<collegeId>` or `i=<code>`: what WeChat hands the page as `?scene=` (URL-encoded). */
  scene: z.string().max(32),
  page: z.string(),
  /** A temporary link to the image in cloud storage. */
  imageUrl: z.string(),
  /** When the link stops working (the image itself is kept; ask again for a new link). */
  urlExpiresAt: Instant,
});

export const EntryLinksInput = z.strictObject({ collegeId: Id });
export const EntryLinksOutput = z.strictObject({
  collegeId: Id,
  collegeName: z.string(),
  /** Null until the mini-program's AppID is configured (QNZS_MINIPROGRAM_APPID). */
  menu: z.strictObject({
    button: MenuButton,
    /** `{"button":[…]}` ready to paste into a menu with this one button (or take `button` into an existing menu). */
    json: z.string(),
  }).nullable(),
  miniProgramCode: MiniProgramCodeImage,
  /** Null until the PC web address is configured (QNZS_WEB_BASE_URL). */
  web: z.strictObject({
    url: z.string(),
    /** HTML for the league website's floating window (飘窗), no script. */
    embedHtml: z.string(),
  }).nullable(),
});

/** An invitation's mini-program code, for a poster or a chat. */
export const EntryInvitationInput = z.strictObject({ invitationId: Id });
export const EntryInvitationOutput = z.strictObject({
  invitationId: Id,
  code: z.string(),
  path: z.string(),
  miniProgramCode: MiniProgramCodeImage,
});
