import type { Role, Team } from '../../domain/organisation';
import type { QuestionTally } from '../../domain/statistics';
import type { CorpusStats } from '../../domain/search/search-index';
import type {
  BoardRecord,
  CounterRecord,
  ReactionRecord,
  AnswerRecord,
  AskQuotaRecord,
  DeflectionRecord,
  FaqCandidateRecord,
  FaqRecord,
  AuditRecord,
  BiweeklyReportRecord,
  EntryCodeRecord,
  InvitationRecord,
  ModerationWordsRecord,
  ReportRecord,
  CategoryRecord,
  NotificationRecord,
  OutboxIntent,
  QuestionRecord,
  SubscriptionRecord,
  TimelineRecord,
  UnitRecord,
  UserRecord,
  ActivityRecord,
  AttendeeRecord,
  ArticleRecord,
  UnitPublishingRecord,
  TopicRecord,
  TopicPostRecord,
  TopicCommentRecord,
} from './records';

/**
 * The capabilities use cases need from storage. Adapters named for the
 * technology (adapters/cloudbase-*.repository.ts) implement them.
 */
export interface PageCursor {
  /** The sort values of the last item seen, in sort order, and its id (tie-break). */
  values: number[];
  id: string;
}

export interface PageRequest {
  limit: number;
  after: PageCursor | null;
}

export interface CatalogRepository {
  listUnits(): Promise<UnitRecord[]>;
  listCategories(): Promise<CategoryRecord[]>;
  /** Forget what this container cached (it just changed the catalog). */
  invalidate(): void;
  /** Make sure the next reads include every change saved at or before `savedAt` (read-your-writes after a save). */
  ensureFresh(savedAt: number): Promise<void>;
}

export interface UserRepository {
  findByOpenid(openid: string): Promise<UserRecord | null>;
  /** Responders who answer for this unit (message recipients), and its admins too when asked. */
  listResponders(unitId: string, options?: { withAdmins?: boolean }): Promise<UserRecord[]>;
  /** Everyone holding any of these roles, in one read. */
  listByRoles(roles: Role[]): Promise<UserRecord[]>;
  findManyByOpenid(openids: string[]): Promise<UserRecord[]>;
  setPhone(openid: string, phone: { number: string; boundAt: number }): Promise<boolean>;
  /** Deletes the person's roster entry (account deletion). */
  remove(openid: string): Promise<void>;
  findById(id: string): Promise<UserRecord | null>;
  /** People with a membership (active or not) in any of these units, by id, in pages (the roster). */
  listInUnits(unitIds: string[], page: PageRequest): Promise<UserRecord[]>;
  /** Every person with a membership in any of these units (at most 1000: a college's people, for its targets). */
  listAllInUnits(unitIds: string[]): Promise<UserRecord[]>;
}

/** Invitations (邀请码). */
export interface InvitationRepository {
  findByCode(code: string): Promise<InvitationRecord | null>;
  findById(id: string): Promise<InvitationRecord | null>;
  /**
   * Counts a use by this person (their join key), in one conditional update:
   * only while it is open, unexpired at `now`, below `maxUses` (fixed when it
   * was made) and not joined by them already. False when any of that no longer holds.
   */
  recordJoin(id: string, joinKey: string, now: number, maxUses: number): Promise<boolean>;
  /** Marks it used up once its uses reached `maxUses` (listing open invitations filters on the state). */
  markUsedUp(id: string, maxUses: number): Promise<void>;
  /** Open, unexpired invitations of these units (null: every unit), newest first. */
  listOpen(unitIds: string[] | null, now: number, page: PageRequest): Promise<InvitationRecord[]>;
}

/** Mini-program code images already made (entry points), by id. */
export interface EntryCodeRepository {
  find(id: string): Promise<EntryCodeRecord | null>;
  save(record: EntryCodeRecord): Promise<void>;
}

/**
 * Admin changes to the roster and the routing table, written with their audit
 * line in one transaction: documents are read from one snapshot and written
 * whole, and the change and the line that records it land together or not at
 * all. A conflicting concurrent transaction makes the work run again on fresh
 * reads (CloudBase's runTransaction retries DATABASE_TRANSACTION_CONFLICT).
 */
export interface AdminTransaction {
  user(id: string): Promise<UserRecord | null>;
  unit(id: string): Promise<UnitRecord | null>;
  category(id: string): Promise<CategoryRecord | null>;
  invitation(id: string): Promise<InvitationRecord | null>;
  audit(id: string): Promise<AuditRecord | null>;
  putUser(user: UserRecord): Promise<void>;
  putUnit(unit: UnitRecord): Promise<void>;
  putCategory(category: CategoryRecord): Promise<void>;
  putInvitation(invitation: InvitationRecord): Promise<void>;
  addAudit(entry: AuditRecord): Promise<void>;
}

export interface AdminWrites {
  transact<T>(work: (tx: AdminTransaction) => Promise<T>): Promise<T>;
}

export class DuplicateQuestionError extends Error {
  constructor(readonly id: string) {
    super(`question ${id} already exists`);
    this.name = 'DuplicateQuestionError';
  }
}

/**
 * One change to a question, written by one conditional update: fields set,
 * entries appended to its timeline, answers and outbox. Nothing else is written
 * with it, so a change is either there whole or not at all.
 */
export interface QuestionChange {
  set: Partial<Omit<QuestionRecord, '_id' | 'version' | 'timeline' | 'answers' | 'outbox'>>;
  timeline: TimelineRecord[];
  answers: AnswerRecord[];
  outbox: OutboxIntent[];
  /**
   * Rewritten whole, for the rare change that edits what is already there (a
   * moderator's decision on an answer, removing personal data): never with an
   * append to the same list.
   */
  replace?: { timeline?: TimelineRecord[]; answers?: AnswerRecord[] };
}

export interface InboxCountsByBox {
  pending: number;
  dueSoon: number;
  overdue: number;
  handling: number;
}

/** 同声同心's filters and order (question.listPublic). */
export interface PublicFeedFilter {
  categoryId?: string;
  collegeId?: string;
  status?: 'answered' | 'handling' | 'resolved' | 'closed';
  sort?: 'newest' | 'metoo' | 'likes';
}

export interface QuestionRepository {
  /** Throws DuplicateQuestionError when the id exists (idempotent asks). */
  insert(question: QuestionRecord): Promise<void>;
  findById(id: string): Promise<QuestionRecord | null>;
  /** The question, and any other question that already holds an answer with this id (a reused request id), in one read. */
  findWithAnswerId(id: string, answerId: string): Promise<QuestionRecord[]>;
  /**
   * Public questions with an official answer (answered or later): newest first,
   * or most 同问 / most liked first. A college filter leaves anonymous questions out.
   */
  listPublic(filter: PublicFeedFilter, page: PageRequest): Promise<QuestionRecord[]>;
  listByAsker(askerOpenid: string, page: PageRequest): Promise<QuestionRecord[]>;
  /**
   * Waiting questions owned by these units with a deadline in [from, to):
   * urgent first, then soonest deadline (待回复 holds them all; 即将超时 and 已超时 are slices).
   */
  listWaitingForUnits(unitIds: string[], deadline: { from?: number; to?: number }, page: PageRequest): Promise<QuestionRecord[]>;
  /** The workbench numbers for these units, counted in one request. */
  countInbox(unitIds: string[], now: number, dueSoonFrom: number): Promise<InboxCountsByBox>;
  /** Questions in handling owned by these units, oldest deadline first. */
  listHandlingForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]>;
  /** Answered (or later) questions owned by these units, most recently answered first. */
  listAnsweredForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]>;
  /** Escalated questions still waiting for an answer, across units: urgent first, then longest overdue. */
  listEscalated(page: PageRequest): Promise<QuestionRecord[]>;
  /** Questions the scheduler has work for by `now`, soonest first, in pages. */
  listDueWork(now: number, page: PageRequest): Promise<QuestionRecord[]>;
  /** Questions whose outbox the sweep should check by `now`. */
  listOutboxDue(now: number, limit: number): Promise<QuestionRecord[]>;
  /**
   * Applies a change only if the question is still at `expectedVersion`
   * (optimistic concurrency) and bumps the version. False when someone else
   * changed it first.
   */
  applyChange(id: string, expectedVersion: number, change: QuestionChange): Promise<boolean>;
  /** Empties the outboxes of these questions, unless a newer change (due after `now`) wrote to them since. */
  clearOutboxes(ids: string[], now: number): Promise<void>;
  /** Questions with something waiting for a moderator, longest waiting first. */
  listModerationPending(page: PageRequest): Promise<QuestionRecord[]>;
  /** Questions this person asked (every one, for export and deletion). */
  listAllByAsker(askerOpenid: string): Promise<QuestionRecord[]>;
  /** Questions with a step (an answer, a claim, a note…) by this person (for export and deletion). */
  listActedBy(openid: string): Promise<QuestionRecord[]>;
  /** Answered, published public questions holding any of these search terms (optionally of one category or unit), at most `limit`. */
  searchCandidates(terms: string[], filter: { categoryId?: string; unitId?: string }, limit: number): Promise<QuestionRecord[]>;
  /** Answered, published public questions asked in [from, to), newest first, at most `limit`. */
  listAnsweredPublicBetween(from: number, to: number, limit: number): Promise<QuestionRecord[]>;
  findManyByIds(ids: string[]): Promise<QuestionRecord[]>;
  /** Questions (of these units; null: all) with a deadline missed in [from, to), latest escalation first, at most `limit`; title, state and timeline only. */
  listMissedBetween(from: number, to: number, unitIds: string[] | null, limit: number): Promise<QuestionRecord[]>;
  /** Typical cases marked in [from, to) (of these units; null: all; of one kind), newest mark first, in pages. */
  listCases(filter: { from: number; to: number; unitIds: string[] | null; kind?: 'online' | 'offline' }, page: PageRequest): Promise<QuestionRecord[]>;
  /**
   * Public questions in the order they changed: (updatedAt, _id) strictly after
   * `after`, changed before `until`, at most `limit` (the export feed).
   */
  listPublicChangedAfter(after: PageCursor | null, until: number, limit: number): Promise<QuestionRecord[]>;
  /**
   * Moves the community counters (同问, likes of its answers) with `_.inc`, in
   * one update that neither reads nor bumps the version: a concurrent change of
   * the question is not disturbed and cannot undo it.
   */
  incCounters(id: string, inc: { metooCount?: number; likeCount?: number }): Promise<void>;
  /** Public, published questions asked in [from, to), newest first, at most `limit` (hot tags). */
  listPublishedBetween(from: number, to: number, limit: number): Promise<QuestionRecord[]>;
  /** Official answers given since `from`: the fields expert figures need, newest first, at most `limit`. */
  listAnsweredSince(from: number, limit: number): Promise<QuestionRecord[]>;
}

/** Which questions a figure counts: asked (or answered, missed, marked) in [from, to), of these units (null: every unit). */
export interface StatsFilter {
  from: number;
  to: number;
  unitIds: string[] | null;
}

/** A day (campus day index) or a unit id. */
export type StatsKey = number | string;

export interface TallyRow extends QuestionTally {
  key: StatsKey;
}

export interface CountRow {
  key: StatsKey;
  count: number;
}

export interface CaseCountRow {
  /** The unit credited (null when counted for everyone together). */
  key: string | null;
  online: number;
  offline: number;
}

export interface RosterRow {
  /** The unit (null when people are counted once across units). */
  unitId: string | null;
  experts: number;
  members: number;
}

export interface PersonRow {
  openid: string;
  name: string;
  unitIds: string[];
  teams: Team[];
  answers: number;
  officialAnswers: number;
  officialOnTime: number;
}

/**
 * The figures of shared/domain/statistics.ts, each one aggregation over the
 * questions (or the roster) starting from an indexed match, grouped in the
 * database and returned as at most a few hundred rows, whatever the number of
 * questions.
 */
export interface StatisticsRepository {
  /** Questions asked in the range, per campus day or per owning unit, their states as of `now`. */
  tallyQuestions(filter: StatsFilter, now: number, by: 'day' | 'unit'): Promise<TallyRow[]>;
  /** Replies posted in the range, per campus day or per answering unit. */
  countAnswers(filter: StatsFilter, by: 'day' | 'unit'): Promise<CountRow[]>;
  /** Deadlines missed in the range (escalations), per campus day or per unit that missed them. */
  countMissed(filter: StatsFilter, by: 'day' | 'unit'): Promise<CountRow[]>;
  /** Cases marked in the range, by kind, for everyone together or per unit credited. */
  countCases(filter: StatsFilter, by: 'all' | 'unit'): Promise<CaseCountRow[]>;
  /**
   * The median time to first answer (whole minutes) of the questions asked in
   * the range, given how many of them were answered: reads only the middle one or two.
   */
  medianFirstAnswer(filter: StatsFilter, answered: number): Promise<number | null>;
  /** Staff with a team on the roster now: per unit, or each person once across units. */
  rosterTotals(unitIds: string[] | null, by: 'all' | 'unit'): Promise<RosterRow[]>;
  /** Everyone who posted replies in the range (for these units), most replies first, at most `limit`. */
  answersByPerson(filter: StatsFilter, limit: number): Promise<PersonRow[]>;
  /** Likes on answers given in the range, per person credited (the responder), for these people only (one request on `likes_by_credited`). */
  likesReceived(range: { from: number; to: number }, openids: string[]): Promise<Map<string, number>>;
}

export interface PeriodProgressRow {
  key: string;
  total: number;
  submitted: number;
}

/** Biweekly reports and their calendar. */
export interface BiweeklyReportRepository {
  /** The next generation instant owed (null: the calendar has not started). */
  calendar(): Promise<number | null>;
  /** Moves the calendar from `expected` to `next`; false when another tick did. */
  advanceCalendar(expected: number | null, next: number): Promise<boolean>;
  /** The ids of a period's reports that exist. */
  idsForPeriod(periodKey: string): Promise<string[]>;
  /** False when it exists already (another tick, or a rerun, made it). */
  insert(report: BiweeklyReportRecord): Promise<boolean>;
  findById(id: string): Promise<BiweeklyReportRecord | null>;
  /** A period's reports (of these units; null: all, the school's included). */
  listForPeriod(periodKey: string, unitIds: string[] | null): Promise<BiweeklyReportRecord[]>;
  /** Recent periods with reports, newest first, with how many were submitted. */
  periods(limit: number): Promise<PeriodProgressRow[]>;
  /** Conditional on the version read; false when it moved. */
  update(id: string, expectedVersion: number, set: Partial<BiweeklyReportRecord>): Promise<boolean>;
  /** Records a reminder to submit, once per campus day, on a draft only; false otherwise. */
  markUrged(id: string, day: string, at: number): Promise<boolean>;
  /** Reports whose files are due by `now`, oldest first. */
  listFilesDue(now: number, limit: number): Promise<BiweeklyReportRecord[]>;
  /** Records files made from `version`, unless a newer edit is waiting for files of its own. */
  setFiles(id: string, files: NonNullable<BiweeklyReportRecord['files']>): Promise<void>;
  /** Making the files failed: try again after `until` (others go first meanwhile). */
  deferFiles(id: string, until: number): Promise<void>;
}

/** One record per person per 同问, follow or like (decision 19). */
export interface ReactionRepository {
  /** Creates it; false when it exists already (the person did it before, or a copy of this request did). */
  add(reaction: ReactionRecord): Promise<boolean>;
  /** Removes it; false when there was none to remove. */
  remove(id: string): Promise<boolean>;
  findMany(ids: string[]): Promise<ReactionRecord[]>;
  /** People who 同问 or follow a question (its watchers), oldest first, at most `limit`. */
  listWatchers(questionId: string, limit: number): Promise<ReactionRecord[]>;
  /** How many records of this kind a target has (the truth the kept counters are checked against). */
  count(targetId: string, kind: ReactionRecord['kind']): Promise<number>;
  /** What this person did on one question (its 同问 and follow, likes of its answers). */
  listMineOn(openid: string, questionId: string): Promise<ReactionRecord[]>;
  /** Everything this person did (export), newest first. */
  listByPerson(openid: string, limit: number): Promise<ReactionRecord[]>;
  removeByPerson(openid: string): Promise<void>;
}

/** Counted figures moved by `_.inc` only (created on first use). */
export interface CounterRepository {
  inc(id: string, delta: number, at: number): Promise<void>;
  get(ids: string[]): Promise<CounterRecord[]>;
}

/** The boards' small computed documents (hot tags, expert figures). */
export interface BoardRepository {
  find<T extends BoardRecord>(id: T['_id']): Promise<T | null>;
  save(board: BoardRecord): Promise<void>;
}

/** Search statistics, FAQ entries and their candidate groups, deflections. */
export interface SearchRepository {
  /** The public questions' corpus statistics. */
  stats(): Promise<CorpusStats>;
  /** Adds a change (signed increments) to the statistics, in one `_.inc` update. */
  changeStats(change: CorpusStats): Promise<void>;
  /** Bumped whenever an FAQ entry changes, so per-container caches know to reload. */
  faqVersion(): Promise<number>;
  bumpFaqVersion(): Promise<void>;
  /** Every FAQ entry (a few hundred at most), published and retired. */
  listFaqs(): Promise<FaqRecord[]>;
  findFaq(id: string): Promise<FaqRecord | null>;
  /** False when the id exists (a retry). */
  insertFaq(faq: FaqRecord): Promise<boolean>;
  /** Conditional on the version read; false when it moved. */
  updateFaq(id: string, expectedVersion: number, set: Partial<FaqRecord>): Promise<boolean>;
  listOpenCandidates(page: PageRequest): Promise<FaqCandidateRecord[]>;
  /** Keeps those that exist (a rerun of the same half month). */
  insertCandidates(candidates: FaqCandidateRecord[]): Promise<void>;
  findCandidate(id: string): Promise<FaqCandidateRecord | null>;
  /** Groups found (created) in [from, to), at most `limit`. */
  listCandidatesCreatedBetween(from: number, to: number, limit: number): Promise<FaqCandidateRecord[]>;
  /** Moves an open candidate on; false when it was not open. */
  closeCandidate(id: string, state: 'published' | 'dismissed'): Promise<boolean>;
  /** The start of the next half month to group (null: never grouped). */
  groupingCursor(): Promise<number | null>;
  /** Moves the cursor from `expected` to `next`; false when another tick did. */
  advanceGrouping(expected: number | null, next: number): Promise<boolean>;
  /** False when this person counted this answer today already. */
  recordDeflection(deflection: DeflectionRecord): Promise<boolean>;
  countDeflections(since: number): Promise<number>;
}

export interface ReportRepository {
  /** False when this person reported this thing already. */
  insert(report: ReportRecord): Promise<boolean>;
  listByReporter(openid: string): Promise<ReportRecord[]>;
  removeByReporter(openid: string): Promise<void>;
}

export interface SettingsRepository {
  /** The school's word list for the content check; null when none was set. */
  moderationWords(): Promise<ModerationWordsRecord | null>;
}

export interface AuditRepository {
  /** Idempotent by id (a retried action writes one line). */
  append(entry: AuditRecord): Promise<void>;
  /** Newest first. */
  list(page: PageRequest): Promise<AuditRecord[]>;
}

export type QuotaOutcome = 'recorded' | 'limited' | 'noRecord' | 'alreadyRecorded';

export interface AskLimitWindows {
  perHour: number;
  hourSince: number;
  urgentPerDay: number;
  daySince: number;
}

export interface QuotaEntry {
  id: string;
  at: number;
  urgent: boolean;
}

export interface AskQuotaRepository {
  /**
   * Records an ask in the person's quota if it stays within the limits, in one
   * conditional write. `alreadyRecorded` when this question id is in it already
   * (a retry), `noRecord` when the person has never asked.
   */
  record(openid: string, entry: QuotaEntry, limits: AskLimitWindows): Promise<QuotaOutcome>;
  /** Creates the person's quota with this first entry; false when it appeared meanwhile. */
  create(openid: string, entry: QuotaEntry): Promise<boolean>;
  find(openid: string): Promise<AskQuotaRecord | null>;
  remove(openid: string): Promise<void>;
}

export interface DeliveryResult {
  state: 'sent' | 'fallback' | 'undeliverable' | 'withdrawn';
  channel: NotificationRecord['channel'];
  reason: string | null;
  problem: NotificationRecord['problem'];
  at: number;
  /** How many attempts it took. */
  attempts: number;
}

export interface NotificationRepository {
  /** Writes these records in one request, keeping any that exist already (another tick or the sweep wrote them). */
  insertMany(notifications: NotificationRecord[]): Promise<void>;
  /** Which of these ids exist. */
  existingIds(ids: string[]): Promise<Set<string>>;
  /** Pending notifications, and sending ones whose lease expired, due by `now`. */
  listDue(now: number, limit: number): Promise<NotificationRecord[]>;
  claim(notification: NotificationRecord, now: number, leaseMs: number): Promise<boolean>;
  finish(id: string, outcome: DeliveryResult): Promise<void>;
  retryLater(id: string, dueAt: number, attempts: number, reason: string): Promise<void>;
  /** Messages to these units' people (null: every unit) that found no subscription credit (fallen back or undeliverable), newest first. */
  listUnreachable(unitIds: string[] | null, limit: number): Promise<NotificationRecord[]>;
  /** Messages meant for this person, newest first (export). */
  listByRecipient(openid: string, limit: number): Promise<NotificationRecord[]>;
  /** Deletes every message record meant for this person (account deletion). */
  removeByRecipient(openid: string): Promise<void>;
  /**
   * The message centre: this person's messages (not withdrawn ones), newest
   * first, in pages. The cursor is `values: [createdAt]` and `id`: how many
   * messages created at that instant were already shown (message ids are too
   * long for a cursor), so pages never repeat or skip.
   */
  listForRecipient(openid: string, page: PageRequest): Promise<NotificationRecord[]>;
  /** Unread messages of this person, counted in one request on the recipient index. */
  countUnread(openid: string): Promise<number>;
  /** Marks these messages (null: all of them) of this person read at `at`; how many changed. */
  markRead(openid: string, ids: string[] | null, at: number): Promise<number>;
}

export interface SubscriptionRepository {
  addCredits(openid: string, templateId: string, credits: number, at: number): Promise<void>;
  /** Uses one credit if there is one. */
  consumeCredit(openid: string, templateId: string, at: number): Promise<boolean>;
  /** WeChat said there is none (43101): our count was wrong. */
  clearCredits(openid: string, templateId: string, at: number): Promise<void>;
  listCredits(openid: string): Promise<SubscriptionRecord[]>;
  removeAll(openid: string): Promise<void>;
}

// ── issue 11 boards (活动公告, 青年视角, 话题墙) ──

export type SeatOutcome = 'seated' | 'waiting' | 'already' | 'closed';

export interface ActivityRepository {
  /** False when the id exists (a retry). */
  insert(activity: ActivityRecord): Promise<boolean>;
  findById(id: string): Promise<ActivityRecord | null>;
  /** Published activities ending at or after `now` (soonest first), or before it (latest first). */
  list(when: 'upcoming' | 'past', now: number, page: PageRequest): Promise<ActivityRecord[]>;
  /**
   * One conditional update: a seat while `seatCount < capacity`, else a place
   * on the waiting list while it is still full; never twice for one person.
   * `closed` when the activity is gone, cancelled or past its sign-up deadline.
   */
  signUp(id: string, person: AttendeeRecord, now: number): Promise<SeatOutcome>;
  /** Activities (any state) where the person has a seat or waits (`people`, indexed). */
  listByPerson(openid: string, limit: number): Promise<ActivityRecord[]>;
  /**
   * Writes the seats and waiting list whole (and the check-ins, when given),
   * conditional on the version read; false when it moved.
   */
  replacePlaces(id: string, expectedVersion: number, places: Pick<ActivityRecord, 'seats' | 'waiting' | 'people' | 'seatCount'> & Partial<Pick<ActivityRecord, 'checkedIn'>>): Promise<boolean>;
  /** Records a seated person's check-in once; false when they are not seated or already checked in. */
  checkIn(id: string, openid: string, at: number): Promise<boolean>;
}

export interface ArticleRepository {
  insert(article: ArticleRecord): Promise<boolean>;
  findById(id: string): Promise<ArticleRecord | null>;
  /** Articles not hidden (optionally of one unit), newest first. */
  list(filter: { unitId?: string }, page: PageRequest): Promise<ArticleRecord[]>;
  setHidden(id: string, hidden: boolean, reason: string | null): Promise<boolean>;
  /** Every unit's publishing clock (tens of rows). */
  publishing(): Promise<UnitPublishingRecord[]>;
  /** Moves a unit's last article date forward (never back); creates its clock when missing. */
  recordPublished(unitId: string, at: number): Promise<void>;
  /** Starts clocks for units that have none; keeps existing ones. */
  startClocks(unitIds: string[], since: number): Promise<void>;
  /** Marks the lapse as reminded, conditional on the value read; false when another tick did. */
  markReminded(unitId: string, expected: number | null, lapse: number): Promise<boolean>;
  /** Moves an article's likes (one `_.inc`; decision 0019). */
  incLikes(id: string, delta: number): Promise<void>;
}

export interface TopicRepository {
  insert(topic: TopicRecord): Promise<boolean>;
  findById(id: string): Promise<TopicRecord | null>;
  /** Topics not hidden (or every topic, for the committee), pinned first, newest first. */
  list(includeHidden: boolean, page: PageRequest): Promise<TopicRecord[]>;
  update(id: string, set: Partial<Pick<TopicRecord, 'state' | 'pinned' | 'hidden' | 'hiddenReason'>>): Promise<void>;
  /** Counts a new take (one `_.inc`); `-1` when one is removed (its author's account deleted). */
  countPost(id: string, delta?: number): Promise<void>;
  insertPost(post: TopicPostRecord): Promise<boolean>;
  findPost(id: string): Promise<TopicPostRecord | null>;
  /** A topic's takes in one moderation state, newest first. */
  listPosts(topicId: string, state: 'published' | 'review' | 'hidden', page: PageRequest): Promise<TopicPostRecord[]>;
  /** Appends a comment unless one with its id is there or the post holds `max` comments; false when it did not. */
  addComment(postId: string, comment: TopicCommentRecord, max: number): Promise<boolean>;
  setPostModeration(postId: string, moderation: TopicPostRecord['moderation']): Promise<boolean>;
  /** Rewrites the comments whole (a moderator's decision on one), conditional on the comment count read. */
  replaceComments(postId: string, expectedCount: number, comments: TopicCommentRecord[]): Promise<boolean>;
  /** Moves a take's likes (one `_.inc`; decision 0019: only a like record created or removed moves it). */
  incPostLikes(postId: string, delta: number): Promise<void>;
  /** This person's takes, newest first (我的数据, account deletion). */
  listPostsByAuthor(openid: string, limit: number): Promise<TopicPostRecord[]>;
  /** Takes holding a comment by this person (我的数据, account deletion). */
  listPostsCommentedBy(openid: string, limit: number): Promise<TopicPostRecord[]>;
  /** Deletes one take (with its comments); false when it was gone. */
  removePost(postId: string): Promise<boolean>;
}
// ── end issue 11 boards ──

export interface Repositories {
  catalog: CatalogRepository;
  users: UserRepository;
  invitations: InvitationRepository;
  entryCodes: EntryCodeRepository;
  admin: AdminWrites;
  questions: QuestionRepository;
  askQuotas: AskQuotaRepository;
  reports: ReportRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  search: SearchRepository;
  notifications: NotificationRepository;
  subscriptions: SubscriptionRepository;
  statistics: StatisticsRepository;
  biweeklyReports: BiweeklyReportRepository;
  // ── issue 11 boards ──
  activities: ActivityRepository;
  articles: ArticleRepository;
  topics: TopicRepository;
  // ── issue 11 community ──
  reactions: ReactionRepository;
  counters: CounterRepository;
  boards: BoardRepository;
}
