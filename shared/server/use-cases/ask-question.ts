import { answerDeadline } from '../../domain/answer-deadline';
import { ASK_WINDOWS, askLimitMessage } from '../../domain/ask-limits';
import { crisisSignals, NATIONAL_CRISIS_HOTLINES } from '../../domain/crisis-signals';
import { DomainError } from '../../domain/errors';
import { PUBLISHED, type Moderation } from '../../domain/moderation';
import { emergencyContactsFor, emergencyLine } from '../../domain/organisation';
import { ROUTE_REASON_LABELS, routeQuestion, type RouteReason } from '../../domain/route-question';
import { DuplicateQuestionError, type QuotaOutcome } from '../ports/repositories';
import type { QuestionRecord } from '../ports/records';
import type { ActionDefinition, PrepareContext } from './action';
import { deliveryDeps } from './apply-case-action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { deliverOutbox } from './notification-delivery';
import { newQuestionRecord } from './question-changes';
import { checkBeforePublishing } from './content-moderation';
import { corpusStatsChange } from '../../domain/search/search-index';
import { expertMembership } from './boards';
import { checkPictures, usablePictures } from './pictures';
import { picturesHeld } from '../../domain/pictures';

/**
 * 听 → 转: a student asks; the question is routed at once to the unit that owns
 * it (首接负责), its deadline is fixed, and it is written whole — timeline,
 * schedule and (for an emergency) the alert it owes — in one insert.
 *
 * The crisis lane first: a question whose words signal that the student may
 * harm themselves or someone else is never published and never refused — not
 * by the content check, not by the asking limits. It goes privately and
 * urgently to the counselling unit (the category marked `crisisLane`), with
 * the emergency alert to the coordinator and the school admin, and the student
 * is shown the hotlines at once.
 *
 * Every other question passes the content check (risky → CONTENT.REFUSED;
 * review → routed and answered as usual, public only once a moderator looked).
 * The asking limits hold under concurrency: the ask is first recorded in the
 * asker's quota by one conditional write that fails past the limit. Idempotent
 * on the client's request id: the question id is derived from it, a retry gets
 * the question the first attempt stored, and the same id with a different
 * question is refused (REQUEST.KEY_REUSED).
 *
 * Pictures (up to three) are checked in storage with the rest, before the
 * quota; a question with pictures waits for a moderator before the public
 * sees it (a student's photo may show people). The crisis lane keeps only the
 * pictures that pass and refuses nothing.
 */
interface Prepared {
  id: string;
  requestHash: string | null;
  quota: QuotaOutcome;
  route: { unitId: string; reason: RouteReason };
  crisis: boolean;
  moderation: Moderation;
  /** The recommended expert it is addressed to (never for the crisis lane). */
  expertOpenid: string | null;
  /** The pictures' file ids, checked. */
  pictures: string[];
}

const unitNodes = (catalog: CatalogLookup) => catalog.units.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId, emergencyContacts: u.emergencyContacts ?? [] }));

function fingerprint(input: { collegeId: string; categoryId: string; title: string; content: string; anonymous: boolean; urgent: boolean; visibility: string; expertId?: string; pictures: string[] }) {
  const base = [input.collegeId, input.categoryId, input.title, input.content, input.anonymous, input.urgent, input.visibility];
  // Added fields join only when used, so requests sent before they existed keep their fingerprint.
  const withExpert = input.expertId ? [...base, input.expertId] : base;
  return input.pictures.length > 0 ? [...withExpert, { pictures: input.pictures }] : withExpert;
}

/**
 * The expert a student addressed the question to: a responder of the unit it
 * is routed to who covers its category (the ones `expert.list` recommends), so
 * they can answer it. Checked before anything is written.
 */
async function addressedExpert(ctx: PrepareContext, expertId: string | undefined, unitId: string, categoryId: string): Promise<string | null> {
  if (!expertId) return null;
  const user = await ctx.repos.users.findById(expertId);
  if (!user || !expertMembership(user, null)) throw new DomainError('EXPERT.NOT_FOUND');
  if (!expertMembership(user, [unitId], categoryId)) throw new DomainError('EXPERT.NOT_ELIGIBLE');
  return user.openid;
}

async function recordInQuota(ctx: PrepareContext, id: string, urgent: boolean): Promise<QuotaOutcome> {
  const { repos, now, settings, openid } = ctx;
  const entry = { id, at: now, urgent };
  const limits = { perHour: settings.askLimits.perHour, hourSince: now - ASK_WINDOWS.hour, urgentPerDay: settings.askLimits.urgentPerDay, daySince: now - ASK_WINDOWS.day };
  const outcome = await repos.askQuotas.record(openid, entry, limits);
  if (outcome !== 'noRecord') return outcome;
  // A first ask: create the quota with it; if a concurrent first ask created it meanwhile, record in that one.
  if (await repos.askQuotas.create(openid, entry)) return 'recorded';
  return repos.askQuotas.record(openid, entry, limits);
}

export const askQuestion: ActionDefinition<'question.ask', Prepared> = {
  viewer: 'required',
  async prepare(input, ctx) {
    // Bad input is refused before anything is written, the quota included.
    const catalog = await loadCatalog(ctx.repos);
    const college = catalog.unit(input.collegeId);
    const category = catalog.category(input.categoryId);
    if (!college || college.kind !== 'college') throw new DomainError('CATALOG.UNKNOWN_COLLEGE');
    if (!category) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');
    const id = ctx.requestId ? ctx.ids.derived('q', ctx.openid, ctx.requestId) : ctx.ids.next('q');
    const requestHash = ctx.requestId ? ctx.ids.derived('h', JSON.stringify(fingerprint(input))) : null;

    if (crisisSignals(input.title, input.content).length > 0) {
      // Never refused, never limited, never published: straight to the people who can help.
      const crisisUnit = catalog.categories.find((c) => c.crisisLane && c.ownerUnitId)?.ownerUnitId;
      const route = crisisUnit ? { unitId: crisisUnit, reason: 'crisis' as const } : routeQuestion({ category: { id: category._id, ownerUnitId: null }, collegeId: college._id, units: unitNodes(catalog) });
      // Pictures that fail the checks are left out rather than refusing the ask.
      const pictures = await usablePictures(ctx.files, input.pictures);
      return { id, requestHash, route: { unitId: route.unitId, reason: 'crisis' }, quota: 'recorded', crisis: true, moderation: PUBLISHED, expertOpenid: null, pictures };
    }

    const route = routeQuestion({
      category: { id: category._id, ownerUnitId: category.ownerUnitId },
      collegeId: college._id,
      units: unitNodes(catalog),
    });
    let moderation: Moderation;
    let expertOpenid: string | null;
    try {
      // Each picture must be stored, an image and small enough: checked before anything is written.
      [moderation, expertOpenid] = await Promise.all([
        checkBeforePublishing(ctx, ctx.openid, `${input.title}\n${input.content}`, 'question').then((m) => picturesHeld(m, input.pictures.length, ctx.now)),
        addressedExpert(ctx, input.expertId, route.unitId, category._id),
        checkPictures(ctx.files, input.pictures),
      ]);
    } catch (err) {
      // A retry of an ask that landed before the word list (or the roster) changed gets what it got then.
      if (ctx.requestId && (await ctx.repos.questions.findById(id))) return { id, requestHash, route, quota: 'alreadyRecorded', crisis: false, moderation: PUBLISHED, expertOpenid: null, pictures: input.pictures };
      throw err;
    }
    return { id, requestHash, route, quota: await recordInQuota(ctx, id, input.urgent), crisis: false, moderation, expertOpenid, pictures: input.pictures };
  },
  async run(input, ctx, { id, requestHash, quota, route, crisis, moderation, expertOpenid, pictures }) {
    const { viewer, repos, now, settings } = ctx;
    const catalog = await loadCatalog(repos);
    const answer = (q: QuestionRecord) => {
      if (q.askerOpenid !== viewer.openid || q.askRequestHash !== requestHash) throw new DomainError('REQUEST.KEY_REUSED');
      return {
        id: q._id,
        routedTo: { unitId: q.ownerUnitId, unitName: catalog.unitName(q.ownerUnitId), reason: q.routeReason },
        createdAt: q.createdAt,
        deadlineAt: q.deadlineAt,
        moderation: q.moderation.state,
        crisis: q.crisis ? { hotlines: crisisHotlines(catalog, q.ownerUnitId) } : null,
      };
    };

    const call = emergencyLine(emergencyContactsFor(unitNodes(catalog), { collegeId: input.collegeId, ownerUnitId: route.unitId }));
    // (A crisis ask is never limited: its quota outcome is always `recorded`.)
    if (quota === 'limited') {
      // Past the limit, unless this is a retry of an ask that landed before the limit was reached.
      const landed = ctx.requestId ? await repos.questions.findById(id) : null;
      if (landed) return answer(landed);
      throw new DomainError('RATE.LIMITED', askLimitMessage(input.urgent, settings.askLimits, call));
    }

    const college = catalog.unit(input.collegeId)!;
    const category = catalog.category(input.categoryId)!;
    // The crisis lane is private and urgent, whatever the form said.
    const urgent = input.urgent || crisis;
    const question = newQuestionRecord(
      {
        _id: id,
        askerOpenid: viewer.openid,
        askerName: viewer.displayName ?? `${college.name}同学`,
        collegeId: college._id,
        categoryId: category._id,
        title: input.title,
        content: input.content,
        anonymous: input.anonymous,
        urgent,
        visibility: crisis ? 'private' : input.visibility,
        ownerUnitId: route.unitId,
        routeReason: route.reason,
        createdAt: now,
        deadlineAt: answerDeadline(now, urgent, { answerHours: category.answerHours }),
        askRequestHash: requestHash,
        moderation,
        crisis,
        ...(pictures.length > 0 ? { pictures } : {}),
      },
      { reason: ROUTE_REASON_LABELS[route.reason], unitName: catalog.unitName(route.unitId), emergencyLine: call, expertOpenid },
      settings,
    );

    try {
      await repos.questions.insert(question);
    } catch (err) {
      if (!(err instanceof DuplicateQuestionError)) throw err;
      // A retry of a submit that already landed: answer with what was stored then.
      const existing = await repos.questions.findById(id);
      if (!existing) throw err;
      return answer(existing);
    }
    // Counted for search ranking beside the messages' delivery (see CloudbaseSearchRepository on drift).
    await Promise.all([deliverOutbox(deliveryDeps(ctx), question, question.outbox, now), repos.search.changeStats(corpusStatsChange(null, question.search))]);
    return answer(question);
  },
};

/** The counselling unit's own numbers first, then the national lines that answer day and night. */
export function crisisHotlines(catalog: CatalogLookup, unitId: string): { label: string; phone: string }[] {
  const own = catalog.unit(unitId)?.emergencyContacts ?? [];
  return [...own.map((c) => ({ label: c.label, phone: c.phone })), ...NATIONAL_CRISIS_HOTLINES.map((h) => ({ label: h.label, phone: h.phone }))];
}
