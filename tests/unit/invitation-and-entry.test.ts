import { PNG } from 'pngjs';
import { collegeFromEntry, pageFromHashLink, parseScene } from '../../miniprogram/src/utils/entry-params';
import {
  askPagePath,
  collegeScene,
  inviteScene,
  MAX_SCENE_UNIT_ID_LENGTH,
  pageWithScene,
  parseEntryScene,
  sceneIsValid,
  webAskUrl,
} from '../../shared/domain/entry-scene';
import {
  INVITE_CODE_ALPHABET,
  INVITE_CODE_PATTERN,
  inviteCodeFromHex,
  invitationStatus,
  joinRefusal,
  normaliseInviteCode,
} from '../../shared/domain/invitation';
import { checkCrisisLane, checkPlacement, maskWebhook, WECOM_WEBHOOK_PATTERN } from '../../shared/domain/routing-table';
import { placeholderCode } from '../../shared/server/adapters/local-miniprogram-codes';
import { randomIds } from '../../shared/server/ids';

describe('invitation codes', () => {
  it('are 10 characters without look-alikes, from random hex', () => {
    expect(INVITE_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = new Set(Array.from({ length: 2000 }, () => inviteCodeFromHex(randomIds.derived('ic', randomIds.next('x')).slice(3))));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(INVITE_CODE_PATTERN);
    expect(() => inviteCodeFromHex('abc')).toThrow();
  });

  it('are read whatever the case, spaces or dashes; anything else is not a code', () => {
    expect(normaliseInviteCode(' csexp-ert26 ')).toBe('CSEXPERT26');
    for (const bad of ['', 'CSEXPERT2', 'CSEXPERT266', 'CSEXPERT2O', 'CS EXPERT 2I', '计算机学院邀请码']) expect(normaliseInviteCode(bad)).toBeNull();
  });

  it('an invitation is revoked, expired, used up or open, in that order; joining is refused with the matching code', () => {
    const open = { expiresAt: 1000, maxUses: 2, uses: 1, revokedAt: null };
    expect(invitationStatus(open, 999)).toBe('open');
    expect(invitationStatus(open, 1000)).toBe('expired');
    expect(invitationStatus({ ...open, uses: 2 }, 999)).toBe('usedUp');
    expect(invitationStatus({ ...open, uses: 2, revokedAt: 5 }, 2000)).toBe('revoked');
    expect(['open', 'expired', 'usedUp', 'revoked'].map((s) => joinRefusal(s as 'open'))).toEqual([null, 'INVITE.EXPIRED', 'INVITE.USED_UP', 'INVITE.REVOKED']);
  });
});

describe('entry scenes, as the server writes them and the mini-program reads them', () => {
  it('a college code carries c=<id>, which the ask page reads (miniprogram/src/utils/entry-params.ts)', () => {
    for (const id of ['c-cs', 'c-med', 'u_0123456789abcdef01234567']) {
      const scene = collegeScene(id);
      expect(sceneIsValid(scene)).toBe(true);
      // WeChat hands the scene to the page URL-encoded; the client reads both forms.
      expect(collegeFromEntry({ scene: encodeURIComponent(scene) })).toBe(id);
      expect(collegeFromEntry({ scene })).toBe(id);
      expect(parseEntryScene(encodeURIComponent(scene))).toEqual({ collegeId: id, inviteCode: null });
    }
  });

  it('an invitation code carries i=<code> (12 of the 32 characters), which the join page reads', () => {
    const scene = inviteScene('CSEXPERT26');
    expect(scene).toBe('i=CSEXPERT26');
    expect(sceneIsValid(scene)).toBe(true);
    expect(parseEntryScene(encodeURIComponent(scene))).toEqual({ collegeId: null, inviteCode: 'CSEXPERT26' });
    // The client's generic reader splits it the same way (the join page reads `i`).
    expect(parseScene(decodeURIComponent(encodeURIComponent(scene)))).toEqual({ i: 'CSEXPERT26' });
    expect(collegeFromEntry({ scene: encodeURIComponent(scene) })).toBeNull();
    expect(pageWithScene('pages/join/index', scene)).toBe('pages/join/index?scene=i%3DCSEXPERT26');
  });

  it('fits a mini-program code: at most 32 visible characters from WeChat\'s set', () => {
    expect(MAX_SCENE_UNIT_ID_LENGTH).toBe(30);
    expect(sceneIsValid(collegeScene('x'.repeat(30)))).toBe(true);
    expect(sceneIsValid(collegeScene('x'.repeat(31)))).toBe(false);
    expect(sceneIsValid('c=计算机')).toBe(false);
    expect(sceneIsValid('c=a%20b')).toBe(false);
    expect(sceneIsValid('')).toBe(false);
  });

  it('the menu and the web entry open the ask page with the college, in forms the clients already read', () => {
    expect(askPagePath('c-cs')).toBe('pages/ask/index?college=c-cs');
    expect(collegeFromEntry({ college: 'c-cs' })).toBe('c-cs');
    const web = webAskUrl('https://qnzs.example.edu.cn/h5/', 'c-cs');
    expect(web).toBe('https://qnzs.example.edu.cn/h5/#/pages/ask/index?college=c-cs');
    expect(pageFromHashLink(new URL(web).hash)).toBe('/pages/ask/index?college=c-cs');
  });
});

describe('the routing table\'s rules', () => {
  const units = [
    { id: 'u-school', kind: 'school' as const, parentId: null },
    { id: 'c-cs', kind: 'college' as const, parentId: 'u-school' },
    { id: 'b-cs', kind: 'branch' as const, parentId: 'c-cs' },
    { id: 'd-academic', kind: 'department' as const, parentId: null },
  ];

  it('puts each kind of unit where it belongs', () => {
    expect(checkPlacement({ id: 'c-law', kind: 'college', parentId: 'u-school' }, units)).toEqual({ ok: true });
    expect(checkPlacement({ id: 'b-law', kind: 'branch', parentId: 'c-cs' }, units)).toEqual({ ok: true });
    expect(checkPlacement({ id: 'd-new', kind: 'department', parentId: null }, units)).toEqual({ ok: true });
    expect(checkPlacement({ id: 'd-new', kind: 'department', parentId: 'u-school' }, units)).toEqual({ ok: true });
    expect(checkPlacement({ id: 'u-school', kind: 'school', parentId: null }, units)).toEqual({ ok: true });
    for (const bad of [
      { id: 'c-law', kind: 'college' as const, parentId: 'c-cs' },
      { id: 'c-law', kind: 'college' as const, parentId: null },
      { id: 'b-law', kind: 'branch' as const, parentId: 'u-school' },
      { id: 'd-new', kind: 'department' as const, parentId: 'c-cs' },
      { id: 'u-two', kind: 'school' as const, parentId: null },
      { id: 'c-law', kind: 'college' as const, parentId: 'u-nope' },
      { id: 'c-cs', kind: 'department' as const, parentId: null }, // it has a branch
      { id: 'u-school', kind: 'college' as const, parentId: 'u-school' },
    ]) {
      expect({ bad, placement: checkPlacement(bad, units) }).toEqual({ bad, placement: expect.objectContaining({ ok: false }) });
    }
  });

  it('keeps one crisis lane, which names its unit', () => {
    const categories = [{ id: 'cat-mind', name: '心理', crisisLane: true }, { id: 'cat-study', name: '学业' }];
    expect(checkCrisisLane({ id: 'cat-mind', crisisLane: true, ownerUnitId: 'd-student' }, categories)).toEqual({ ok: true });
    expect(checkCrisisLane({ id: 'cat-study', crisisLane: true, ownerUnitId: 'd-student' }, categories)).toMatchObject({ ok: false, message: expect.stringContaining('心理') });
    expect(checkCrisisLane({ id: 'cat-mind', crisisLane: true, ownerUnitId: null }, categories)).toMatchObject({ ok: false });
    expect(checkCrisisLane({ id: 'cat-study', crisisLane: false, ownerUnitId: null }, categories)).toEqual({ ok: true });
  });

  it('accepts only WeCom group robots, and never shows a robot\'s whole key', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234-efgh-5678';
    expect(WECOM_WEBHOOK_PATTERN.test(url)).toBe(true);
    for (const bad of ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd1234', 'https://evil.example/cgi-bin/webhook/send?key=abcd1234', `${url}&x=1`]) expect(WECOM_WEBHOOK_PATTERN.test(bad)).toBe(false);
    expect(maskWebhook(url)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd****5678');
    expect(maskWebhook(url)).not.toContain('1234-efgh');
  });
});

describe('the local mini-program code placeholder', () => {
  it('is a valid PNG of the asked width, the same for the same scene and different for another', () => {
    const a = PNG.sync.read(placeholderCode('pages/ask/index?c=c-cs', 430));
    expect([a.width, a.height]).toEqual([430, 430]);
    expect(PNG.sync.read(placeholderCode('pages/ask/index?c=c-cs', 430)).data.equals(a.data)).toBe(true);
    expect(PNG.sync.read(placeholderCode('pages/ask/index?c=c-med', 430)).data.equals(a.data)).toBe(false);
    expect(PNG.sync.read(placeholderCode('x', 280)).width).toBe(280);
  });
});
