import { DomainError } from '../../domain/errors';
import { canModerateBoards } from '../../domain/permissions';
import { adminMemberships } from '../../domain/roster';
import { formatCampusTime } from '../../domain/shanghai-time';
import type { Repositories } from '../ports/repositories';
import type { ArticleRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { articleEditorPage, sendSubjectMessages, type SubjectMessage } from './board-messages';
import { checkStaffText, requestKeys, speaksFor } from './board-access';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import type { DeliveryDeps } from './notification-delivery';
import { pageOf, pageRequest } from './paging';
import { checkCover } from './pictures';

/**
 * 青年视角 (BUCM §一, §六.7: 每两周至少一篇原创文章). Units publish original
 * articles (title, cover picture in cloud storage, body); each unit's last
 * article date is tracked, and the scheduler reminds a unit's admins once
 * per lapse when it has published nothing for 14 days.
 */
export const ARTICLE_LAPSE_MS = 14 * 24 * 60 * 60 * 1000;
/** Temporary cover links last an hour (the page re-asks when it is opened again). */
const COVER_URL_SECONDS = 60 * 60;
/** Units expected to publish: the league committees and the functional departments (not branches). */
const PUBLISHING_KINDS = new Set(['school', 'college', 'department']);

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return [...flat].length <= 80 ? flat : `${[...flat].slice(0, 79).join('')}…`;
}

function present(a: ArticleRecord, catalog: CatalogLookup, urls: Map<string, string | null>) {
  return {
    id: a._id,
    title: a.title,
    unitId: a.unitId,
    unitName: catalog.unitName(a.unitId),
    coverUrl: urls.get(a.coverFileId) ?? null,
    excerpt: excerpt(a.body),
    publishedAt: a.publishedAt,
    likeCount: a.likeCount,
    hidden: a.hidden,
  };
}

/** 发布文章: a unit admin for their unit, the coordinator or the school admin for any unit; checked like everything published. */
export const publishArticle: ActionDefinition<'article.publish'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, viewer, now } = ctx;
    const catalog = await loadCatalog(repos);
    if (!catalog.unit(input.unitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    if (!speaksFor(viewer, input.unitId)) throw new DomainError('AUTH.FORBIDDEN', '只有本单位的管理员、协管员和学校管理员可以发布文章');
    const { id, hash } = requestKeys(ctx, 'art', [input.unitId, input.title, input.coverFileId, input.body]);
    const earlier = ctx.requestId ? await repos.articles.findById(id) : null;
    if (earlier) {
      if (earlier.authorOpenid !== viewer.openid || earlier.requestHash !== hash) throw new DomainError('REQUEST.KEY_REUSED');
      await repos.articles.recordPublished(earlier.unitId, earlier.publishedAt);
      return { id, publishedAt: earlier.publishedAt };
    }
    await checkCover(ctx.files, input.coverFileId);
    await checkStaffText(ctx, viewer.openid, `${input.title}\n${input.body}`, 'article');
    const article: ArticleRecord = {
      _id: id,
      unitId: input.unitId,
      title: input.title,
      coverFileId: input.coverFileId,
      body: input.body,
      authorOpenid: viewer.openid,
      authorName: viewer.displayName ?? catalog.unitName(input.unitId),
      publishedAt: now,
      hidden: false,
      hiddenReason: null,
      likeCount: 0,
      requestHash: hash,
    };
    if (!(await repos.articles.insert(article))) {
      const stored = await repos.articles.findById(id);
      if (!stored || stored.requestHash !== hash || stored.authorOpenid !== viewer.openid) throw new DomainError('REQUEST.KEY_REUSED');
      await repos.articles.recordPublished(stored.unitId, stored.publishedAt);
      return { id, publishedAt: stored.publishedAt };
    }
    // The unit's clock moves forward (never back): a retry repeats it harmlessly.
    await repos.articles.recordPublished(article.unitId, now);
    return { id, publishedAt: now };
  },
};

export const listArticles: ActionDefinition<'article.list'> = {
  viewer: 'optional',
  async run({ unitId, pageSize, cursor }, ctx) {
    const [rows, catalog] = await Promise.all([ctx.repos.articles.list({ unitId }, pageRequest(pageSize, cursor)), loadCatalog(ctx.repos)]);
    const page = pageOf(rows, pageSize, (a) => [a.publishedAt]);
    const urls = page.items.length > 0 ? await ctx.files.temporaryUrls([...new Set(page.items.map((a) => a.coverFileId))], COVER_URL_SECONDS) : new Map<string, string | null>();
    return { items: page.items.map((a) => present(a, catalog, urls)), nextCursor: page.nextCursor };
  },
};

export const getArticle: ActionDefinition<'article.get'> = {
  viewer: 'ifSignedIn',
  async run({ id }, ctx) {
    const a = await ctx.repos.articles.findById(id);
    // A hidden article is its unit's and the moderators' alone.
    const mayReadHidden = ctx.viewer !== null && (canModerateBoards(ctx.viewer) || (a !== null && speaksFor(ctx.viewer, a.unitId)));
    if (!a || (a.hidden && !mayReadHidden)) throw new DomainError('ARTICLE.NOT_FOUND');
    const [catalog, urls] = await Promise.all([loadCatalog(ctx.repos), ctx.files.temporaryUrls([a.coverFileId], COVER_URL_SECONDS)]);
    return { article: { ...present(a, catalog, urls), body: a.body, authorName: catalog.unitName(a.unitId) } };
  },
};

/** 撤下 / 恢复: moderators take an article down (or put it back), with a reason in the audit log. */
export const hideArticle: ActionDefinition<'article.hide'> = {
  viewer: 'required',
  async run({ articleId, hidden, reason }, ctx) {
    if (!canModerateBoards(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以撤下文章');
    const a = await ctx.repos.articles.findById(articleId);
    if (!a) throw new DomainError('ARTICLE.NOT_FOUND');
    if (a.hidden !== hidden) {
      await ctx.repos.articles.setHidden(articleId, hidden, hidden ? reason : null);
      await ctx.repos.audit.append({
        _id: ctx.requestId ? ctx.ids.derived('audit', ctx.viewer.openid, ctx.requestId) : ctx.ids.next('audit'),
        at: ctx.now,
        actorOpenid: ctx.viewer.openid,
        actorName: ctx.viewer.displayName ?? '管理员',
        action: hidden ? 'article.hide' : 'article.restore',
        target: `青年视角文章「${a.title}」`,
        questionId: null,
        reason,
        unitId: a.unitId,
      });
    }
    return { hidden };
  },
};

/**
 * The scheduler's 14-day reminder. Every publishing unit has a clock (started
 * at its first tick if it never published); a unit whose last article (or
 * clock start) is 14 days old is reminded once for that lapse: the lapse is
 * marked by one conditional write (two ticks cannot both win it) and the
 * message ids are derived from (unit, lapse, admin), so a rerun sends nothing
 * twice. Publishing starts a new lapse.
 */
export async function runArticleReminders(deps: DeliveryDeps & { now: number }): Promise<{ reminded: number }> {
  const { repos, now } = deps;
  const catalog = await loadCatalog(repos);
  const units = catalog.units.filter((u) => PUBLISHING_KINDS.has(u.kind));
  let clocks = await repos.articles.publishing();
  const missing = units.filter((u) => !clocks.some((c) => c._id === u._id)).map((u) => u._id);
  if (missing.length > 0) {
    await repos.articles.startClocks(missing, now);
    clocks = await repos.articles.publishing();
  }
  let reminded = 0;
  for (const clock of clocks) {
    const unit = units.find((u) => u._id === clock._id);
    if (!unit) continue;
    const lapse = clock.lastArticleAt ?? clock.since;
    if (now - lapse < ARTICLE_LAPSE_MS) continue;
    // Once per lapse: marked first by one conditional write, so of two ticks only one goes on to send
    // (a tick that dies between the mark and the send loses that reminder; decision 0020).
    if (clock.remindedFor === lapse || !(await repos.articles.markReminded(clock._id, clock.remindedFor, lapse))) continue;
    const admins = await unitAdmins(repos, unit._id);
    const messages: SubjectMessage[] = admins.map((p) => ({
      subject: { type: 'unit', id: unit._id },
      kind: 'articleDue',
      occasion: String(lapse),
      recipient: p,
      unitId: unit._id,
      unitName: unit.name,
      title: '青年视角原创文章',
      note: clock.lastArticleAt ? `上次发布于${formatCampusTime(clock.lastArticleAt)}` : '尚未发布',
      deadlineAt: lapse + ARTICLE_LAPSE_MS,
      page: articleEditorPage(unit._id),
    }));
    reminded += (await sendSubjectMessages(deps, messages, now)) > 0 ? 1 : 0;
  }
  return { reminded };
}

async function unitAdmins(repos: Repositories, unitId: string): Promise<{ openid: string; name: string }[]> {
  const people = await repos.users.listResponders(unitId, { withAdmins: true });
  // The unit's admins; a unit without one (a functional department) hears through its responders.
  const admins = people.filter((p) => adminMemberships(p).some((m) => m.unitId === unitId));
  return (admins.length > 0 ? admins : people).map((p) => ({ openid: p.openid, name: p.name }));
}
