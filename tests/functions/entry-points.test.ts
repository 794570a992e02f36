import { PNG } from 'pngjs';
import { collegeFromEntry } from '../../miniprogram/src/utils/entry-params';
import { parseEntryScene } from '../../shared/domain/entry-scene';
import type { MiniProgramCodes } from '../../shared/server/ports/miniprogram-codes';
import { COORDINATOR, CS_RESPONDER, expectOk, startLocalApi, STUDENT, type LocalApi } from './support/local-api';

/**
 * Issue 10, entry points: a college's official-account menu button, its
 * mini-program code (wxacode.getUnlimited through the open-API layer, kept in
 * cloud storage; the local cloud draws a placeholder) and the league website's
 * floating window; an invitation's code for a poster.
 */
const WEB = 'https://qnzs.example.edu.cn';
const SCHOOL_ADMIN = 'dev-admin';
const CS_ADMIN = 'dev-cs-league';
const ECON_ADMIN = 'dev-econ-league';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ QNZS_WEB_BASE_URL: WEB });
});
afterAll(() => api.stop());

const refused = (code: string) => ({ ok: false, error: { code } });

async function image(url: string): Promise<PNG> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
}

describe('a college\'s entry points', () => {
  it('gives the college admin the menu button, the mini-program code and the floating window', async () => {
    const links = expectOk(await api.call(CS_ADMIN, 'entry.links', { collegeId: 'c-cs' }));
    const webUrl = `${WEB}/#/pages/ask/index?college=c-cs`;
    expect(links).toMatchObject({
      collegeId: 'c-cs',
      collegeName: '计算机科学与技术学院',
      menu: { button: { type: 'miniprogram', name: '青年之声', url: webUrl, appid: 'wx00000000000000de', pagepath: 'pages/ask/index?college=c-cs' } },
      miniProgramCode: { scene: 'c=c-cs', page: 'pages/ask/index' },
      web: { url: webUrl },
    });
    expect(JSON.parse(links.menu.json)).toEqual({ button: [links.menu.button] });
    expect(links.web.embedHtml).toContain(`href="${webUrl}"`);
    expect(links.web.embedHtml).toContain('position:fixed');
    expect(links.web.embedHtml).not.toMatch(/<script|javascript:/i);

    // The scene the code carries is what the ask page reads (miniprogram/src/utils/entry-params.ts), URL-encoded as WeChat hands it over.
    expect(collegeFromEntry({ scene: encodeURIComponent(links.miniProgramCode.scene) })).toBe('c-cs');
    expect(links.miniProgramCode.urlExpiresAt - api.now()).toBeLessThanOrEqual(3600_000);
    const png = await image(links.miniProgramCode.imageUrl);
    expect([png.width, png.height]).toEqual([430, 430]);
    expect(api.outbox({ channel: 'wxacode' })).toEqual([expect.objectContaining({ scene: 'c=c-cs', page: 'pages/ask/index', envVersion: 'release', width: 430 })]);

    // Made once: the next call hands out a new link to the stored image.
    const again = expectOk(await api.call(CS_ADMIN, 'entry.links', { collegeId: 'c-cs' }));
    expect(api.outbox({ channel: 'wxacode' })).toHaveLength(1);
    expect(api.count('entryCodes')).toBe(1);
    expect((await image(again.miniProgramCode.imageUrl)).data.equals(png.data)).toBe(true);
  });

  it('is for the college\'s own admin and the school admin only', async () => {
    expect(await api.call(SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-econ' })).toMatchObject({ ok: true, data: { miniProgramCode: { scene: 'c=c-econ' } } });
    for (const who of [ECON_ADMIN, COORDINATOR, CS_RESPONDER, STUDENT]) {
      expect({ who, reply: await api.call(who, 'entry.links', { collegeId: 'c-cs' }) }).toMatchObject({ who, reply: refused('AUTH.FORBIDDEN') });
    }
    expect(await api.call(null, 'entry.links', { collegeId: 'c-cs' })).toMatchObject(refused('AUTH.REQUIRED'));
    expect(await api.call(SCHOOL_ADMIN, 'entry.links', { collegeId: 'd-academic' })).toMatchObject(refused('CATALOG.UNKNOWN_COLLEGE'));
    expect(await api.call(SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-nope' })).toMatchObject(refused('CATALOG.UNKNOWN_COLLEGE'));
    for (const data of [{ collegeId: { $gt: '' } }, {}, { collegeId: 'c-cs', page: 'pages/admin/index' }]) {
      expect(await api.call(SCHOOL_ADMIN, 'entry.links', data)).toMatchObject(refused('INPUT.INVALID'));
    }
  });

  it('leaves out the menu and the web entry until their settings are configured', async () => {
    const links = expectOk(await api.callWithServices({ settings: { miniprogramAppId: null, webBaseUrl: null } }, SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-fl' }));
    expect(links).toMatchObject({ menu: null, web: null, miniProgramCode: { scene: 'c=c-fl' } });
    // With an AppID but no web address, the menu's fallback is WeChat's own page.
    const menuOnly = expectOk(await api.callWithServices({ settings: { webBaseUrl: null } }, SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-fl' }));
    expect(menuOnly.menu.button.url).toBe('https://mp.weixin.qq.com');
  });

  it('says why when WeChat refuses to make the code, and stores nothing', async () => {
    const refusing = (errcode: number): MiniProgramCodes => ({ getUnlimited: async () => ({ ok: false, errcode, errmsg: 'refused' }) });
    const stored = api.count('entryCodes');
    const unpublished = await api.callWithServices({ miniProgramCodes: refusing(41030) }, SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-me' });
    expect(unpublished).toMatchObject({ ok: false, error: { code: 'ENTRY.CODE_FAILED', message: expect.stringContaining('41030') } });
    const noPermission = await api.callWithServices({ miniProgramCodes: refusing(-604101) }, SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-me' });
    expect(noPermission).toMatchObject({ ok: false, error: { code: 'ENTRY.CODE_FAILED', message: expect.stringContaining('wxacode.getUnlimited') } });
    expect(api.count('entryCodes')).toBe(stored);
  });

  it('makes the image again when the stored file is gone', async () => {
    expectOk(await api.call(SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-hum' }));
    const made = api.outbox({ channel: 'wxacode', scene: 'c=c-hum' }).length;
    // Storage that has lost every file: the image is made again once, then the action gives up clearly.
    const forgetful = { upload: async () => 'cloud://local-dev.local-dev-1250000000/gone.png', temporaryUrls: async (ids: string[]) => new Map(ids.map((id) => [id, null])), describe: async (ids: string[]) => new Map(ids.map((id) => [id, null])) };
    expect(await api.callWithServices({ files: forgetful }, SCHOOL_ADMIN, 'entry.links', { collegeId: 'c-hum' })).toMatchObject(refused('ENTRY.CODE_FAILED'));
    expect(api.outbox({ channel: 'wxacode', scene: 'c=c-hum' }).length).toBe(made + 1);
  });
});

describe('an invitation\'s code', () => {
  it('opens the join page with the invitation, for whoever may issue it, while it can be used', async () => {
    const inv = expectOk(await api.call(CS_ADMIN, 'roster.invite', { unitId: 'c-cs', team: 'peer', maxUses: 30, note: '学生会招新海报' }));
    const entry = expectOk(await api.call(CS_ADMIN, 'entry.invitation', { invitationId: inv.id }));
    expect(entry).toMatchObject({ invitationId: inv.id, code: inv.code, path: `pages/join/index?scene=i%3D${inv.code}`, miniProgramCode: { scene: `i=${inv.code}`, page: 'pages/join/index' } });
    expect(entry.miniProgramCode.scene.length).toBeLessThanOrEqual(32);
    expect(parseEntryScene(encodeURIComponent(entry.miniProgramCode.scene))).toEqual({ collegeId: null, inviteCode: inv.code });
    await image(entry.miniProgramCode.imageUrl);

    expect(await api.call(ECON_ADMIN, 'entry.invitation', { invitationId: inv.id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(COORDINATOR, 'entry.invitation', { invitationId: inv.id })).toMatchObject(refused('AUTH.FORBIDDEN'));
    expect(await api.call(CS_ADMIN, 'entry.invitation', { invitationId: 'inv-nope' })).toMatchObject(refused('INVITE.INVALID'));
    expect(await api.call(ECON_ADMIN, 'entry.invitation', { invitationId: 'inv-demo-econ-peer' })).toMatchObject(refused('INVITE.EXPIRED'));
    expectOk(await api.call(CS_ADMIN, 'roster.revokeInvite', { invitationId: inv.id }));
    expect(await api.call(CS_ADMIN, 'entry.invitation', { invitationId: inv.id })).toMatchObject(refused('INVITE.REVOKED'));
  });
});
