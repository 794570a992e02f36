import { TEAMS } from '../../domain/organisation';
import { CAMPUS_OFFSET_MS, DAY_MS, medianOf, medianPositions } from '../../domain/statistics';
import { COLLECTIONS } from '../collections';
import type { CaseCountRow, CountRow, PersonRow, RosterRow, StatisticsRepository, StatsFilter, TallyRow } from '../ports/repositories';
import type { Database } from './cloudbase';

/**
 * The figures of shared/domain/statistics.ts as CloudBase aggregations
 * (https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate):
 * each starts with a `match` an index serves, groups in the database and ends
 * with an explicit `limit` — CloudBase answers an aggregation without one with
 * only its first 20 results (as developers have found; the documentation is
 * silent), and every grouping here is bounded anyway (days in a range, units,
 * people). A campus day is computed in the pipeline from the epoch
 * milliseconds: floor((t + 8 h) / 24 h), China having no daylight saving.
 */
const ROWS = 1000;

export class CloudbaseStatisticsRepository implements StatisticsRepository {
  constructor(private readonly db: Database) {}

  private get questions() {
    return this.db.collection(COLLECTIONS.questions.name);
  }

  private get $() {
    return this.db.command.aggregate;
  }

  private range(filter: StatsFilter) {
    const _ = this.db.command;
    return _.gte(filter.from).and(_.lt(filter.to));
  }

  /**
   * The same range inside `_.elemMatch`, as MongoDB operators: the SDK sends a
   * chained command there (`_.gte(a).and(_.lt(b))`) unserialised, as a literal
   * object that matches nothing (tests/conformance/aggregate.test.ts).
   */
  private rangeInElement(filter: StatsFilter) {
    return { $gte: filter.from, $lt: filter.to };
  }

  /** The campus day of an instant held in `field` ("$createdAt"). */
  private dayOf(field: string) {
    const $ = this.$;
    return $.floor($.divide([$.add([field, CAMPUS_OFFSET_MS]), DAY_MS]));
  }

  private countIf(condition: unknown) {
    const $ = this.$;
    return $.sum($.cond({ if: condition, then: 1, else: 0 }));
  }

  async tallyQuestions(filter: StatsFilter, now: number, by: 'day' | 'unit'): Promise<TallyRow[]> {
    const _ = this.db.command;
    const $ = this.$;
    const match: Record<string, unknown> = { createdAt: this.range(filter) };
    if (filter.unitIds) match.ownerUnitId = _.in(filter.unitIds);
    const answered = $.neq(['$answeredAt', null]);
    const waiting = $.eq(['$status', 'routed']);
    const res = await this.questions
      .aggregate()
      .match(match)
      .group({
        _id: by === 'day' ? this.dayOf('$createdAt') : '$ownerUnitId',
        questions: $.sum(1),
        answeredQuestions: this.countIf(answered),
        onTime: this.countIf($.and([answered, $.lte(['$answeredAt', '$deadlineAt'])])),
        late: this.countIf($.and([answered, $.gt(['$answeredAt', '$deadlineAt'])])),
        overdueOpen: this.countIf($.and([waiting, $.lt(['$deadlineAt', now])])),
        waiting: this.countIf($.and([waiting, $.gte(['$deadlineAt', now])])),
        settled: this.countIf($.in(['$status', ['resolved', 'closed']])),
        rated: this.countIf($.neq(['$rating', null])),
        satisfied: this.countIf($.eq(['$rating.satisfied', true])),
      })
      .limit(ROWS)
      .end();
    return (res.data as ({ _id: number | string } & Omit<TallyRow, 'key'>)[]).map(({ _id, ...tally }) => ({ key: _id, ...tally }));
  }

  async countAnswers(filter: StatsFilter, by: 'day' | 'unit'): Promise<CountRow[]> {
    const _ = this.db.command;
    const $ = this.$;
    const inRange: Record<string, unknown> = { createdAt: this.rangeInElement(filter) };
    if (filter.unitIds) inRange.unitId = _.in(filter.unitIds);
    const after: Record<string, unknown> = { 'answers.createdAt': this.range(filter) };
    if (filter.unitIds) after['answers.unitId'] = _.in(filter.unitIds);
    const res = await this.questions
      .aggregate()
      .match({ answers: _.elemMatch(inRange) })
      .unwind('$answers')
      .match(after)
      .group({ _id: by === 'day' ? this.dayOf('$answers.createdAt') : '$answers.unitId', count: $.sum(1) })
      .limit(ROWS)
      .end();
    return (res.data as { _id: number | string; count: number }[]).map((r) => ({ key: r._id, count: r.count }));
  }

  async countMissed(filter: StatsFilter, by: 'day' | 'unit'): Promise<CountRow[]> {
    const _ = this.db.command;
    const $ = this.$;
    const escalation: Record<string, unknown> = { type: 'escalate', at: this.rangeInElement(filter) };
    if (filter.unitIds) escalation.unitId = _.in(filter.unitIds);
    const after: Record<string, unknown> = { 'timeline.type': 'escalate', 'timeline.at': this.range(filter) };
    if (filter.unitIds) after['timeline.unitId'] = _.in(filter.unitIds);
    const res = await this.questions
      .aggregate()
      .match({ timeline: _.elemMatch(escalation) })
      .unwind('$timeline')
      .match(after)
      .group({ _id: by === 'day' ? this.dayOf('$timeline.at') : '$timeline.unitId', count: $.sum(1) })
      .limit(ROWS)
      .end();
    return (res.data as { _id: number | string | null; count: number }[]).filter((r) => r._id !== null).map((r) => ({ key: r._id!, count: r.count }));
  }

  async countCases(filter: StatsFilter, by: 'all' | 'unit'): Promise<CaseCountRow[]> {
    const _ = this.db.command;
    const $ = this.$;
    const match: Record<string, unknown> = { 'typicalCase.markedAt': this.range(filter) };
    if (filter.unitIds) match['typicalCase.unitId'] = _.in(filter.unitIds);
    const res = await this.questions
      .aggregate()
      .match(match)
      .group({
        _id: by === 'unit' ? '$typicalCase.unitId' : null,
        online: this.countIf($.eq(['$typicalCase.kind', 'online'])),
        offline: this.countIf($.eq(['$typicalCase.kind', 'offline'])),
      })
      .limit(ROWS)
      .end();
    return (res.data as { _id: string | null; online: number; offline: number }[]).map((r) => ({ key: r._id, online: r.online, offline: r.offline }));
  }

  async medianFirstAnswer(filter: StatsFilter, answered: number): Promise<number | null> {
    const positions = medianPositions(answered);
    if (positions.length === 0) return null;
    const _ = this.db.command;
    const $ = this.$;
    const match: Record<string, unknown> = { createdAt: this.range(filter), answeredAt: _.neq(null) };
    if (filter.unitIds) match.ownerUnitId = _.in(filter.unitIds);
    let pipeline = this.questions
      .aggregate()
      .match(match)
      .project({ _id: 0, minutes: $.floor($.divide([$.subtract(['$answeredAt', '$createdAt']), 60_000])) })
      .sort({ minutes: 1 });
    if (positions[0]! > 0) pipeline = pipeline.skip(positions[0]!);
    const res = await pipeline.limit(positions.length).end();
    return medianOf((res.data as { minutes: number }[]).map((r) => r.minutes));
  }

  async rosterTotals(unitIds: string[] | null, by: 'all' | 'unit'): Promise<RosterRow[]> {
    const _ = this.db.command;
    const $ = this.$;
    // Everyone on a team, whatever else they are: the school committee's teachers are 专帮青 too (BUCM §八).
    const staff: Record<string, unknown> = { 'memberships.team': _.in([...TEAMS]) };
    if (unitIds) staff['memberships.unitId'] = _.in(unitIds);
    const expert = $.cond({ if: $.eq(['$memberships.team', 'expert']), then: 1, else: 0 });
    // A deactivated membership (roster.update) no longer counts; a missing flag is active. After the unwind, so a
    // person with one deactivated membership still counts for the others.
    const base = this.db
      .collection(COLLECTIONS.users.name)
      .aggregate()
      .match(staff)
      .unwind('$memberships')
      .match({ ...staff, 'memberships.active': _.neq(false) });
    if (by === 'unit') {
      const res = await base.group({ _id: '$memberships.unitId', members: $.sum(1), experts: $.sum(expert) }).limit(ROWS).end();
      return (res.data as { _id: string; members: number; experts: number }[]).map((r) => ({ unitId: r._id, members: r.members, experts: r.experts }));
    }
    // Each person once, however many units they serve.
    const res = await base
      .group({ _id: '$openid', expert: $.max(expert) })
      .group({ _id: null, members: $.sum(1), experts: $.sum('$expert') })
      .limit(1)
      .end();
    const row = (res.data as { members: number; experts: number }[])[0];
    return [{ unitId: null, members: row?.members ?? 0, experts: row?.experts ?? 0 }];
  }

  async answersByPerson(filter: StatsFilter, limit: number): Promise<PersonRow[]> {
    const _ = this.db.command;
    const $ = this.$;
    const inRange: Record<string, unknown> = { createdAt: this.rangeInElement(filter) };
    if (filter.unitIds) inRange.unitId = _.in(filter.unitIds);
    const after: Record<string, unknown> = { 'answers.createdAt': this.range(filter) };
    if (filter.unitIds) after['answers.unitId'] = _.in(filter.unitIds);
    const official = $.eq(['$answers.id', '$officialAnswerId']);
    const res = await this.questions
      .aggregate()
      .match({ answers: _.elemMatch(inRange) })
      .unwind('$answers')
      .match(after)
      .group({
        _id: '$answers.responderOpenid',
        name: $.last('$answers.responderName'),
        unitIds: $.addToSet('$answers.unitId'),
        teams: $.addToSet('$answers.team'),
        answers: $.sum(1),
        officialAnswers: this.countIf(official),
        officialOnTime: this.countIf($.and([official, $.lte(['$answeredAt', '$deadlineAt'])])),
      })
      .sort({ answers: -1, _id: 1 })
      .limit(limit)
      .end();
    type Row = Omit<PersonRow, 'openid' | 'teams'> & { _id: string; teams: (PersonRow['teams'][number] | null)[] };
    return (res.data as Row[])
      // Replies whose author deleted their account keep no name or openid: nobody to rank.
      .filter((r) => typeof r._id === 'string' && r._id !== '')
      .map(({ _id, teams, ...r }) => ({ ...r, openid: _id, teams: teams.filter((t): t is PersonRow['teams'][number] => t !== null) }));
  }

  async likesReceived(range: { from: number; to: number }, openids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (openids.length === 0) return out;
    const _ = this.db.command;
    const res = await this.db
      .collection(COLLECTIONS.reactions.name)
      .aggregate()
      .match({ creditedTo: _.in(openids), at: _.gte(range.from).and(_.lt(range.to)), kind: 'like', targetType: 'answer' })
      .group({ _id: '$creditedTo', likes: this.$.sum(1) })
      .end();
    for (const row of res.data as { _id: string; likes: number }[]) out.set(row._id, row.likes);
    return out;
  }
}
