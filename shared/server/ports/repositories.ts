import type { Role } from '../../domain/organisation';
import type {
  AnswerRecord,
  CategoryRecord,
  EventRecord,
  NotificationRecord,
  QuestionRecord,
  SubscriptionRecord,
  TimerRecord,
  UnitRecord,
  UserRecord,
} from './records';

/**
 * The capabilities use cases need from storage. Adapters named for the
 * technology (cloudbase-*.repository.ts) implement them.
 */
export interface PageCursor {
  /** The sort value of the last item seen and its id (tie-break). */
  value: number;
  id: string;
}

export interface PageRequest {
  limit: number;
  after: PageCursor | null;
}

export interface CatalogRepository {
  listUnits(): Promise<UnitRecord[]>;
  listCategories(): Promise<CategoryRecord[]>;
}

export interface UserRepository {
  findByOpenid(openid: string): Promise<UserRecord | null>;
  findByOpenids(openids: string[]): Promise<UserRecord[]>;
  /** Responders who answer for this unit (reminder recipients). */
  listResponders(unitId: string): Promise<UserRecord[]>;
  listByRole(role: Role): Promise<UserRecord[]>;
}

export class DuplicateQuestionError extends Error {
  constructor(readonly id: string) {
    super(`question ${id} already exists`);
    this.name = 'DuplicateQuestionError';
  }
}

export interface QuestionRepository {
  /** Throws DuplicateQuestionError when the id exists (idempotent asks). */
  insert(question: QuestionRecord): Promise<void>;
  findById(id: string): Promise<QuestionRecord | null>;
  /** Public questions with an official answer (answered or later), newest first. */
  listPublic(filter: { categoryId?: string }, page: PageRequest): Promise<QuestionRecord[]>;
  listByAsker(askerOpenid: string, page: PageRequest): Promise<QuestionRecord[]>;
  /** How many questions (or urgent ones) this person asked since `since`. */
  countByAskerSince(askerOpenid: string, since: number, options?: { urgentOnly?: boolean }): Promise<number>;
  /** Waiting questions owned by these units with a deadline in [from, to), soonest first. */
  listWaitingForUnits(unitIds: string[], deadline: { from?: number; to?: number }, page: PageRequest): Promise<QuestionRecord[]>;
  countWaitingForUnits(unitIds: string[], deadline: { from?: number; to?: number }): Promise<number>;
  countHandlingForUnits(unitIds: string[]): Promise<number>;
  /** Questions in handling owned by these units, oldest deadline first. */
  listHandlingForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]>;
  /** Answered (or later) questions owned by these units, most recently answered first. */
  listAnsweredForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]>;
  /** Escalated questions still waiting for an answer, across units, oldest escalation first. */
  listEscalated(page: PageRequest): Promise<QuestionRecord[]>;
  /**
   * Applies a state change only if the question is still at `expectedVersion`
   * (optimistic concurrency). Returns false when someone else changed it first.
   */
  applyChange(id: string, expectedVersion: number, patch: Partial<QuestionRecord>, answerCountDelta?: number): Promise<boolean>;
  incrementAnswerCount(id: string): Promise<void>;
}

export interface AnswerRepository {
  /** False when an answer with this id exists already (a retried request). */
  insert(answer: AnswerRecord): Promise<boolean>;
  /** Withdraws a reply that lost a race (never used to edit history). */
  remove(id: string): Promise<void>;
  listByQuestion(questionId: string): Promise<AnswerRecord[]>;
}

export interface EventRepository {
  append(event: EventRecord): Promise<void>;
  listByQuestion(questionId: string): Promise<EventRecord[]>;
}

export interface TimerRepository {
  /** Inserts the timers that do not exist yet (ids are deterministic). */
  schedule(timers: TimerRecord[]): Promise<void>;
  /** Pending timers, and running ones whose lease expired, due by `now`. */
  listDue(now: number, limit: number): Promise<TimerRecord[]>;
  /** Takes a due timer for `leaseMs`; false if another tick took it first. */
  claim(timer: TimerRecord, now: number, leaseMs: number): Promise<boolean>;
  finish(id: string, state: 'done' | 'skipped', outcome: string, at: number): Promise<void>;
}

export interface DeliveryResult {
  state: 'sent' | 'fallback' | 'undeliverable' | 'withdrawn';
  channel: NotificationRecord['channel'];
  reason: string | null;
  problem: NotificationRecord['problem'];
  at: number;
}

export interface NotificationRepository {
  /** Writes the intent; false when it already exists (another tick or a retry wrote it). */
  enqueue(notification: NotificationRecord): Promise<boolean>;
  /** Pending notifications, and sending ones whose lease expired, due by `now`. */
  listDue(now: number, limit: number): Promise<NotificationRecord[]>;
  claim(notification: NotificationRecord, now: number, leaseMs: number): Promise<boolean>;
  finish(id: string, outcome: DeliveryResult): Promise<void>;
  retryLater(id: string, dueAt: number, attempts: number, reason: string): Promise<void>;
  /** Messages to this unit's people that found no subscription credit (fallen back or undeliverable). */
  listUnreachable(unitIds: string[], limit: number): Promise<NotificationRecord[]>;
}

export interface SubscriptionRepository {
  addCredits(openid: string, templateId: string, credits: number, at: number): Promise<void>;
  /** Uses one credit if there is one. */
  consumeCredit(openid: string, templateId: string, at: number): Promise<boolean>;
  /** WeChat said there is none (43101): our count was wrong. */
  clearCredits(openid: string, templateId: string, at: number): Promise<void>;
  listCredits(openid: string): Promise<SubscriptionRecord[]>;
}

export interface Repositories {
  catalog: CatalogRepository;
  users: UserRepository;
  questions: QuestionRepository;
  answers: AnswerRepository;
  events: EventRepository;
  timers: TimerRepository;
  notifications: NotificationRepository;
  subscriptions: SubscriptionRepository;
}
