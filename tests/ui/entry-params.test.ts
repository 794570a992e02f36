import { collegeFromEntry, inviteFromEntry, pageFromHashLink, parseScene } from '../../miniprogram/src/utils/entry-params';
import { inviteScene, parseEntryScene } from '@shared/domain/entry-scene';

describe('collegeFromEntry', () => {
  test('reads ?college=<id> from an official-account menu link', () => {
    expect(collegeFromEntry({ college: 'u-cs' })).toBe('u-cs');
  });

  test('reads c=<id> from a URL-encoded mini-program code scene', () => {
    expect(collegeFromEntry({ scene: encodeURIComponent('c=u-med') })).toBe('u-med');
    expect(collegeFromEntry({ scene: 'c%3Du-med%26src%3Dposter' })).toBe('u-med');
  });

  test('accepts an already-decoded scene and the long key', () => {
    expect(collegeFromEntry({ scene: 'c=u-law' })).toBe('u-law');
    expect(collegeFromEntry({ scene: 'college=u-law' })).toBe('u-law');
  });

  test('the explicit query wins over the scene', () => {
    expect(collegeFromEntry({ college: 'u-cs', scene: 'c%3Du-med' })).toBe('u-cs');
  });

  test('ignores missing, malformed or unsafe values', () => {
    expect(collegeFromEntry({})).toBeNull();
    expect(collegeFromEntry({ scene: '' })).toBeNull();
    expect(collegeFromEntry({ scene: 'x=1' })).toBeNull();
    expect(collegeFromEntry({ scene: '%E0%A4%A' })).toBeNull();
    expect(collegeFromEntry({ college: '{"$gt":""}' })).toBeNull();
    expect(collegeFromEntry({ college: '' })).toBeNull();
    expect(collegeFromEntry({ scene: encodeURIComponent('c=../etc') })).toBeNull();
  });
});

test('parseScene splits key=value pairs and skips junk', () => {
  expect(parseScene('c=u-cs&from=qr&&=x&bare')).toEqual({ c: 'u-cs', from: 'qr' });
});

describe('pageFromHashLink', () => {
  test('a hash-form entry link (/#/pages/ask/index?college=…) names the page to open', () => {
    expect(pageFromHashLink('#/pages/ask/index?college=c-cs')).toBe('/pages/ask/index?college=c-cs');
    expect(pageFromHashLink('#/pages/question/index?id=q_1')).toBe('/pages/question/index?id=q_1');
    expect(pageFromHashLink('#pages/ask/index')).toBe('/pages/ask/index');
  });

  test('anything else is left alone', () => {
    expect(pageFromHashLink('')).toBeNull();
    expect(pageFromHashLink('#')).toBeNull();
    expect(pageFromHashLink('#top')).toBeNull();
    expect(pageFromHashLink('#/')).toBeNull();
    expect(pageFromHashLink('#/pages/../admin')).toBeNull();
    expect(pageFromHashLink('#//evil.example.com/pages/ask/index')).toBeNull();
    expect(pageFromHashLink('#/pages/ask/index#x')).toBeNull();
  });
});

describe('inviteFromEntry', () => {
  test('reads i=<code> from a mini-program code scene, URL-encoded once or twice, or not at all', () => {
    expect(inviteFromEntry({ scene: encodeURIComponent('i=CSEXPERT26') })).toBe('CSEXPERT26');
    expect(inviteFromEntry({ scene: encodeURIComponent(encodeURIComponent('i=CSEXPERT26')) })).toBe('CSEXPERT26');
    expect(inviteFromEntry({ scene: 'i=CSEXPERT26' })).toBe('CSEXPERT26');
  });

  test('reads ?code= from a shared link, in any case, with spaces or dashes', () => {
    expect(inviteFromEntry({ code: 'csexpert26' })).toBe('CSEXPERT26');
    expect(inviteFromEntry({ code: 'CSEX-PERT 26' })).toBe('CSEXPERT26');
    expect(inviteFromEntry({ code: encodeURIComponent('csex pert26') })).toBe('CSEXPERT26');
  });

  test('a college scene is not an invitation; junk and look-alike characters are refused', () => {
    expect(inviteFromEntry({})).toBeNull();
    expect(inviteFromEntry({ scene: encodeURIComponent('c=c-cs') })).toBeNull();
    expect(inviteFromEntry({ scene: 'i=' })).toBeNull();
    expect(inviteFromEntry({ scene: '%E0%A4%A' })).toBeNull();
    // 0, O, 1, I and L are not in the alphabet: a typo is caught before asking the server.
    expect(inviteFromEntry({ code: 'CSEXPERT2O' })).toBeNull();
    expect(inviteFromEntry({ code: 'CSEXPERT2' })).toBeNull();
    expect(inviteFromEntry({ code: '{"$gt":""}' })).toBeNull();
  });

  test('the explicit code wins over the scene; a bad code falls back to the scene', () => {
    expect(inviteFromEntry({ code: 'CSEXPERT26', scene: encodeURIComponent('i=ECNPEER925') })).toBe('CSEXPERT26');
    expect(inviteFromEntry({ code: 'nope', scene: encodeURIComponent('i=ECNPEER925') })).toBe('ECNPEER925');
  });

  test("agrees with the server's reading of the scene it makes", () => {
    const scene = inviteScene('ECNPEER925');
    expect(inviteFromEntry({ scene: encodeURIComponent(scene) })).toBe(parseEntryScene(scene).inviteCode);
  });
});
