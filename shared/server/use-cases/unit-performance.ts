import { HOUR_MS } from '../../domain/answer-deadline';
import { DomainError } from '../../domain/errors';
import { oversees } from '../../domain/permissions';
import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';
import { unitFigures } from './statistics';

/**
 * 督办 figures for those who oversee every unit: how each unit that answers
 * (colleges, departments, the school committee) kept the 24-hour promise over
 * the last 7, 30 or 90 days — answered on time or late, still waiting, overdue
 * now, and the deadlines it missed (counted against it even when the question
 * was transferred on afterwards). Units with no questions are listed with zeros,
 * so a silent unit is visible too. Worst first: overdue now, then missed.
 *
 * The same aggregations as stats.units (shared/server/use-cases/statistics.ts)
 * over the last N × 24 hours, without the medians this page does not show.
 */
export const unitPerformance: ActionDefinition<'unit.performance'> = {
  viewer: 'required',
  async run({ days }, { repos, viewer, now }) {
    if (!oversees(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以查看各单位的答复情况');
    const from = now - days * 24 * HOUR_MS;
    const catalog = await loadCatalog(repos);
    const rows = await unitFigures(repos, catalog, { from, to: now + 1, unitIds: null }, now, { medians: false });
    const units = rows.map(({ unit, figures: f }) => ({
      unitId: unit._id,
      unitName: unit.name,
      received: f.questions,
      answeredOnTime: f.onTime,
      answeredLate: f.late,
      waiting: f.waiting,
      overdueNow: f.overdueOpen,
      missed: f.missed,
    }));
    units.sort((a, b) => b.overdueNow - a.overdueNow || b.missed - a.missed || b.received - a.received);
    return { from, to: now, units };
  },
};
