import type { Role } from '../../domain/organisation';
import type { CorpusStats } from '../../domain/search/search-index';
import type {
  TopicPostRecord,
  TopicRecord,
  BoardRecord,
  CounterRecord,
  ReactionRecord,
  AnswerRecord,
  AskQuotaRecord,
  DeflectionRecord,
  FaqCandidateRecord,
  FaqRecord,
  AuditRecord,
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

/** One unit's figures over a period (unit.performance). */
export interface UnitFigures {
  unitId: string;
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  waiting: number;
  overdueNow: number;
  missed: number;
}

export interface QuestionRepository {
  /** Throws DuplicateQuestionError when the id exists (idempotent asks). */
  insert(question: QuestionRecord): Promise<void>;
  findById(id: string): Promise<QuestionRecord | null>;
  /** The question, and any other question that already holds an answer with this id (a reused request id), in one read. */
  findWithAnswerId(id: string, answerId: string): Promise<QuestionRecord[]>;
  /** Public questions with an official answer (answered or later), newest first. */
  listPublic(filter: { categoryId?: string }, page: PageRequest): Promise<QuestionRecord[]>;
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
  /** Every unit's figures for questions asked since `from` (and deadlines missed since then), counted by aggregation. */
  figuresByUnit(from: number, now: number): Promise<UnitFigures[]>;
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

/** 话题墙: topics and their posts. */
export interface TopicRepository {
  /** False when the id exists (a retry). */
  insertTopic(topic: TopicRecord): Promise<boolean>;
  findTopic(id: string): Promise<TopicRecord | null>;
  /** Topics newest first (open and closed), in pages. */
  listTopics(page: PageRequest): Promise<TopicRecord[]>;
  setTopicState(id: string, state: TopicRecord['state']): Promise<void>;
  countPost(topicId: string): Promise<void>;
  /** False when the id exists (a retry). */
  insertPost(post: TopicPostRecord): Promise<boolean>;
  findPost(id: string): Promise<TopicPostRecord | null>;
  /** A topic's published posts, newest first, in pages. */
  listPosts(topicId: string, page: PageRequest): Promise<TopicPostRecord[]>;
  /** Its pinned published posts (a few). */
  listPinned(topicId: string): Promise<TopicPostRecord[]>;
  updatePost(id: string, set: Partial<Pick<TopicPostRecord, 'pinned' | 'moderation'>>): Promise<void>;
  /** This person's posts, newest first (export). */
  listByAuthor(openid: string, limit: number): Promise<TopicPostRecord[]>;
  /** Deletes this person's posts (account deletion). */
  removeByAuthor(openid: string): Promise<void>;
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
  reactions: ReactionRepository;
  counters: CounterRepository;
  boards: BoardRepository;
  topics: TopicRepository;
}
