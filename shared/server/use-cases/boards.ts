import type { ExpertProfile, HotTagView } from '../../contracts/community.contract';
import { computeHotTags, expertFiguresOf, likesReceivedCounterId, type AnsweredFact, type ExpertFigures } from '../../domain/community';
import { DomainError } from '../../domain/errors';
import { TEAM_LABELS, type Team } from '../../domain/organisation';
import { routeQuestion } from '../../domain/route-question';
import { effectiveRoles, isActiveMembership } from '../../domain/roster';
import type { Repositories } from '../ports/repositories';
import type { ExpertFiguresBoardRecord, HotTagsBoardRecord, MembershipRecord, UserRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';

/**
 * 热点标签 and 专家推荐: what needs many questions is computed by the
 * scheduler into one small document each (`boards`), at most once an hour;
 * the boards read it in one request (decision 19).
 */
const DAY_MS = 24 * 60 * 60_000;
export const BOARD_REFRESH_MS = 60 * 60_000;
/** Hot tags look at questions asked in the last 30 days (at most 500). */
export const HOT_TAG_WINDOW_MS = 30 * DAY_MS;
export const HOT_TAG_SOURCE_LIMIT = 500;
/** Expert figures count official answers of the last 180 days (at most 3 000). */
export const EXPERT_WINDOW_MS = 180 * DAY_MS;
export const EXPERT_SOURCE_LIMIT = 3000;

/** Recomputes the boards' documents when they are an hour old; returns which it computed. */
export async function refreshBoards(deps: { repos: Repositories; now: number }): Promise<{ hotTags: boolean; experts: boolean }> {
  const { repos, now } = deps;
  const [tags, experts] = await Promise.all([repos.boards.find<HotTagsBoardRecord>('hotTags'), repos.boards.find<ExpertFiguresBoardRecord>('expertFigures')]);
  const due = (b: { computedAt: number } | null) => !b || now - b.computedAt >= BOARD_REFRESH_MS || b.computedAt > now;
  const done = { hotTags: false, experts: false };
  if (due(tags)) {
    const from = now - HOT_TAG_WINDOW_MS;
    const [rows, catalog] = await Promise.all([repos.questions.listPublishedBetween(from, now, HOT_TAG_SOURCE_LIMIT), loadCatalog(repos)]);
    // Only public, published questions, and of them only ids and titles: nothing private, no asker.
    const sources = rows.filter((q) => q.visibility === 'public' && q.moderation?.state === 'published');
    const titles = new Map(sources.map((q) => [q._id, q.title]));
    const computed = computeHotTags(
      sources.map((q) => ({ id: q._id, title: q.title, categoryId: q.categoryId, createdAt: q.createdAt })),
      catalog.categoryName,
    );
    await repos.boards.save({ _id: 'hotTags', computedAt: now, from, tags: computed.map((t) => ({ ...t, samples: t.sampleIds.map((id) => ({ id, title: titles.get(id)! })) })) });
    done.hotTags = true;
  }
  if (due(experts)) {
    const from = now - EXPERT_WINDOW_MS;
    const rows = await repos.questions.listAnsweredSince(from, EXPERT_SOURCE_LIMIT);
    const facts: AnsweredFact[] = [];
    for (const q of rows) {
      const official = q.answers?.find((a) => a.id === q.officialAnswerId);
      if (!official || q.answeredAt === null) continue;
      facts.push({ responderOpenid: official.responderOpenid, askedAt: q.createdAt, answeredAt: q.answeredAt, satisfied: q.rating ? q.rating.satisfied : null });
    }
    const figures = [...expertFiguresOf(facts).entries()].map(([openid, f]) => ({ openid, ...f }));
    await repos.boards.save({ _id: 'expertFigures', computedAt: now, from, figures });
    done.experts = true;
  }
  return done;
}

export const hotTags: ActionDefinition<'tag.hot'> = {
  viewer: 'optional',
  async run(_input, { repos }) {
    const board = await repos.boards.find<HotTagsBoardRecord>('hotTags');
    if (!board) return { computedAt: null, tags: [] };
    const tags: HotTagView[] = board.tags.map((t) => ({
      kind: t.kind,
      key: t.key,
      label: t.label,
      count: t.count,
      open: t.kind === 'category' ? { query: null, categoryId: t.key } : { query: t.key, categoryId: null },
      samples: t.samples,
    }));
    return { computedAt: board.computedAt, tags };
  },
};

/** The membership through which a person is shown as an expert: active, on a team, in one of `unitIds` (any unit when null), covering the category when one is asked. */
export function expertMembership(user: UserRecord, unitIds: string[] | null, categoryId?: string): (MembershipRecord & { team: Team }) | null {
  if (!effectiveRoles(user).includes('responder')) return null;
  const m = user.memberships.find((x) => isActiveMembership(x) && x.team !== null && (!unitIds || unitIds.includes(x.unitId)) && (!categoryId || x.categoryIds.includes(categoryId)));
  return (m as (MembershipRecord & { team: Team }) | undefined) ?? null;
}

function profileOf(user: UserRecord, m: MembershipRecord & { team: Team }, catalog: CatalogLookup, figures: ExpertFigures | undefined, likes: number): ExpertProfile {
  const covered = new Set(user.memberships.filter((x) => isActiveMembership(x) && x.team !== null).flatMap((x) => x.categoryIds));
  const categories = catalog.categories.filter((c) => covered.has(c._id)).map((c) => ({ id: c._id, name: c.name }));
  return {
    id: user._id,
    name: user.name,
    team: m.team,
    teamLabel: TEAM_LABELS[m.team],
    unitId: m.unitId,
    unitName: catalog.unitName(m.unitId),
    categories,
    answers: figures?.answers ?? 0,
    rated: figures?.rated ?? 0,
    satisfaction: figures && figures.rated > 0 ? figures.satisfied / figures.rated : null,
    medianResponseMinutes: figures?.medianResponseMs == null ? null : Math.round(figures.medianResponseMs / 60_000),
    likesReceived: Math.max(0, likes),
  };
}

async function likesOf(repos: Repositories, openids: string[]): Promise<Map<string, number>> {
  const rows = await repos.counters.get(openids.map(likesReceivedCounterId));
  return new Map(rows.map((r) => [r._id, r.count]));
}

/** The unit a question of this college and category is routed to (the ask form's recommended experts). */
export function routedUnitFor(catalog: CatalogLookup, collegeId: string, categoryId: string): string {
  const college = catalog.unit(collegeId);
  const category = catalog.category(categoryId);
  if (!college || college.kind !== 'college') throw new DomainError('CATALOG.UNKNOWN_COLLEGE');
  if (!category) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');
  return routeQuestion({ category: { id: category._id, ownerUnitId: category.ownerUnitId }, collegeId: college._id, units: catalog.units.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId })) }).unitId;
}

export const listExperts: ActionDefinition<'expert.list'> = {
  viewer: 'optional',
  async run({ pageSize, cursor, categoryId, collegeId, unitId, team }, { repos }) {
    // The catalog is cached per container: the board and the roster page go out together.
    const catalog = await loadCatalog(repos);
    if (categoryId && !catalog.category(categoryId)) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');
    if (unitId && !catalog.unit(unitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    let unitIds: string[] | null = unitId ? [unitId] : null;
    if (collegeId) {
      if (!categoryId) throw new DomainError('INPUT.INVALID', '按学院推荐专家时须同时指定问题类别');
      const routed = routedUnitFor(catalog, collegeId, categoryId);
      unitIds = unitIds && !unitIds.includes(routed) ? [] : [routed];
    }
    const [board, rows] = await Promise.all([
      repos.boards.find<ExpertFiguresBoardRecord>('expertFigures'),
      repos.users.listInUnits(unitIds ?? catalog.units.map((u) => u._id), pageRequest(pageSize, cursor)),
    ]);
    const page = pageOf(rows, pageSize, () => [0]);
    const shown = page.items
      .map((u) => ({ u, m: expertMembership(u, unitIds, categoryId) }))
      .filter((x): x is { u: UserRecord; m: MembershipRecord & { team: Team } } => x.m !== null && (!team || x.m.team === team));
    const likes = await likesOf(repos, shown.map((x) => x.u.openid));
    const figures = new Map((board?.figures ?? []).map((f) => [f.openid, f]));
    return {
      items: shown.map(({ u, m }) => profileOf(u, m, catalog, figures.get(u.openid), likes.get(likesReceivedCounterId(u.openid)) ?? 0)),
      nextCursor: page.nextCursor,
      figuresAt: board?.computedAt ?? null,
    };
  },
};

export const getExpert: ActionDefinition<'expert.get'> = {
  viewer: 'optional',
  async run({ id }, { repos }) {
    const [user, catalog, board] = await Promise.all([repos.users.findById(id), loadCatalog(repos), repos.boards.find<ExpertFiguresBoardRecord>('expertFigures')]);
    const m = user ? expertMembership(user, null) : null;
    if (!user || !m) throw new DomainError('EXPERT.NOT_FOUND');
    const likes = await likesOf(repos, [user.openid]);
    return profileOf(user, m, catalog, board?.figures.find((f) => f.openid === user.openid), likes.get(likesReceivedCounterId(user.openid)) ?? 0);
  },
};
