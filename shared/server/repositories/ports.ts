import type {
  AnswerRecord,
  CategoryRecord,
  EventRecord,
  QuestionRecord,
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
  /** Public answered questions, newest first. */
  listPublic(filter: { categoryId?: string }, page: PageRequest): Promise<QuestionRecord[]>;
  listByAsker(askerOpenid: string, page: PageRequest): Promise<QuestionRecord[]>;
  /** Waiting questions owned by these units, soonest deadline first. */
  listPendingForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]>;
  /** Answered questions owned by these units, most recently answered first. */
  listAnsweredForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]>;
  /**
   * Stops the clock: routed → answered, only if still routed. Returns false when
   * another reply got there first (conditional update, safe under races).
   * Counts the answer too, so the official reply costs one write.
   */
  markAnswered(id: string, answerId: string, at: number): Promise<boolean>;
  incrementAnswerCount(id: string): Promise<void>;
}

export interface AnswerRepository {
  insert(answer: AnswerRecord): Promise<void>;
  listByQuestion(questionId: string): Promise<AnswerRecord[]>;
}

export interface EventRepository {
  append(event: EventRecord): Promise<void>;
  listByQuestion(questionId: string): Promise<EventRecord[]>;
}

export interface Repositories {
  catalog: CatalogRepository;
  users: UserRepository;
  questions: QuestionRepository;
  answers: AnswerRepository;
  events: EventRepository;
}
