import { ExportFeedInput, FeedItem } from '../../shared/contracts/export.contract';
import { bearerTokenCheck } from '../../shared/server/adapters/bearer-token';
import { decodeFeedCursor, encodeFeedCursor } from '../../shared/server/use-cases/export-feed';

const TOKEN = 'feed-token-0123456789abcdef0123456789abcdef';

describe('the export feed\'s service credential', () => {
  it('accepts exactly `Bearer <token>`', () => {
    const check = bearerTokenCheck(TOKEN);
    expect(check(`Bearer ${TOKEN}`)).toBe(true);
    expect(check(`bearer ${TOKEN}`)).toBe(true);
    for (const wrong of [undefined, '', TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, `Bearer ${TOKEN} ${TOKEN}`, 'Bearer ']) expect(check(wrong)).toBe(false);
  });

  it('accepts nothing when no token is configured', () => {
    const check = bearerTokenCheck(null);
    for (const any of [undefined, '', 'Bearer ', `Bearer ${TOKEN}`]) expect(check(any)).toBe(false);
  });
});

describe('the feed\'s contract', () => {
  it('reads the query string: a cursor and a bounded limit, nothing else', () => {
    expect(ExportFeedInput.parse({})).toEqual({ limit: 100 });
    expect(ExportFeedInput.parse({ cursor: '1700000000000~q-demo-001', limit: '25' })).toEqual({ cursor: '1700000000000~q-demo-001', limit: 25 });
    for (const bad of [{ limit: '0' }, { limit: '201' }, { limit: '2.5' }, { cursor: '1~$gt' }, { cursor: 'x'.repeat(200) }, { openid: 'o' }]) expect(ExportFeedInput.safeParse(bad).success).toBe(false);
  });

  it('carries no asker, no openid, no comment: an item with one is refused', () => {
    const item = {
      id: 'q-1', withdrawn: false, updatedAt: 2, title: 't', content: 'c', categoryName: '学业', unitName: '教务处', collegeName: null, anonymous: true, urgent: false,
      status: 'answered', askedAt: 1, deadlineAt: 3, answeredAt: 2, answers: [], notice: null,
      figures: { answerCount: 0, answeredOnTime: true, firstAnswerMinutes: 0, escalated: false, settled: false, satisfied: null },
    };
    expect(FeedItem.safeParse(item).success).toBe(true);
    for (const leak of [{ askerName: '张晓雨' }, { askerOpenid: 'o' }]) expect(FeedItem.safeParse({ ...item, ...leak }).success).toBe(false);
    expect(FeedItem.safeParse({ ...item, figures: { ...item.figures, comment: '不满意' } }).success).toBe(false);
    expect(FeedItem.safeParse({ id: 'q-2', withdrawn: true, updatedAt: 5, title: '隐藏的问题' }).success).toBe(false);
  });

  it('cursors round-trip and refuse anything else', () => {
    expect(decodeFeedCursor(encodeFeedCursor({ updatedAt: 1700000000000, _id: 'q-demo-001' }))).toEqual({ values: [1700000000000], id: 'q-demo-001' });
    expect(decodeFeedCursor(undefined)).toBeNull();
    expect(() => decodeFeedCursor('1~a.b')).toThrow();
  });
});
