import { collegeFromEntry, pageFromHashLink, parseScene } from '../../miniprogram/src/utils/entry-params';

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
