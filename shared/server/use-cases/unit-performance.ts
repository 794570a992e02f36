import { HOUR_MS } from '../../domain/answer-deadline';
import { DomainError } from '../../domain/errors';
import { oversees } from '../../domain/permissions';
import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';

/**
 * 督办 figures for those who oversee every unit: how each unit that answers
 * (colleges, departments, the school committee) kept the 24-hour promise over
 * the last 7, 30 or 90 days — answered on time or late, still waiting, overdue
 * now, and the deadlines it missed (counted against it even when the question
 * was transferred on afterwards). Units with no questions are listed with zeros,
 * so a silent unit is visible too. Worst first: overdue now, then missed.
 */
export const unitPerformance: ActionDefinition<'unit.performance'> = {
  viewer: 'required',
  async run({ days }, { repos, viewer, now }) {
    if (!oversees(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以查看各单位的答复情况');
    const from = now - days * 24 * HOUR_MS;
    const [figures, catalog] = await Promise.all([repos.questions.figuresByUnit(from, now), loadCatalog(repos)]);
    const byUnit = new Map(figures.map((f) => [f.unitId, f]));
    const answering = catalog.units.filter((u) => u.kind !== 'branch');
    const units = answering.map((u) => {
      const f = byUnit.get(u._id);
      return {
        unitId: u._id,
        unitName: u.name,
        received: f?.received ?? 0,
        answeredOnTime: f?.answeredOnTime ?? 0,
        answeredLate: f?.answeredLate ?? 0,
        waiting: f?.waiting ?? 0,
        overdueNow: f?.overdueNow ?? 0,
        missed: f?.missed ?? 0,
      };
    });
    units.sort((a, b) => b.overdueNow - a.overdueNow || b.missed - a.missed || b.received - a.received);
    return { from, to: now, units };
  },
};
