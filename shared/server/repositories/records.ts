import type { RouteReason } from '../../domain/route-question';
import type { Role, Team, UnitKind } from '../../domain/organisation';

/** Documents as stored. Instants are epoch ms (UTC). */
export interface UnitRecord {
  _id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  order: number;
}

export interface CategoryRecord {
  _id: string;
  name: string;
  description: string;
  ownerUnitId: string | null;
  answerHours: number | null;
  order: number;
}

export interface MembershipRecord {
  unitId: string;
  team: Team | null;
  categoryIds: string[];
}

export interface UserRecord {
  _id: string;
  openid: string;
  name: string;
  collegeId: string | null;
  roles: Role[];
  memberships: MembershipRecord[];
}

export type QuestionStatusValue = 'routed' | 'answered';

export interface QuestionRecord {
  _id: string;
  askerOpenid: string;
  askerName: string;
  collegeId: string;
  categoryId: string;
  title: string;
  content: string;
  anonymous: boolean;
  urgent: boolean;
  visibility: 'public' | 'private';
  status: QuestionStatusValue;
  ownerUnitId: string;
  routeReason: RouteReason;
  createdAt: number;
  deadlineAt: number;
  answeredAt: number | null;
  officialAnswerId: string | null;
  answerCount: number;
}

export interface AnswerRecord {
  _id: string;
  questionId: string;
  responderOpenid: string;
  responderName: string;
  unitId: string;
  team: Team | null;
  content: string;
  createdAt: number;
}

export type EventType = 'asked' | 'answered' | 'replied';

export interface EventRecord {
  _id: string;
  questionId: string;
  type: EventType;
  actorOpenid: string;
  actorRole: Role;
  at: number;
  fromStatus: QuestionStatusValue | null;
  toStatus: QuestionStatusValue | null;
  unitId: string | null;
  reason: string | null;
}
