import type { z } from 'zod';
import { AnswerPostInput, AnswerPostOutput } from './answer.contract';
import {
  CaseActionOutput,
  QuestionAddProgressInput,
  QuestionClaimInput,
  QuestionPublishNoticeInput,
  QuestionRateInput,
  QuestionReopenInput,
  QuestionResolveInput,
  QuestionStartHandlingInput,
  QuestionTransferInput,
  QuestionUrgeInput,
} from './case.contract';
import { CatalogGetInput, CatalogGetOutput } from './catalog.contract';
import {
  EscalationListInput,
  EscalationListOutput,
  UnitPerformanceInput,
  UnitPerformanceOutput,
  UnitUnreachableInput,
  UnitUnreachableOutput,
} from './escalation.contract';
import { SubscriptionRecordInput, SubscriptionRecordOutput } from './subscription.contract';
import {
  AuditListInput,
  AuditListOutput,
  ContentReportInput,
  ContentReportOutput,
  ModerationDecideInput,
  ModerationDecideOutput,
  ModerationQueueInput,
  ModerationQueueOutput,
} from './moderation.contract';
import { InboxCountsInput, InboxCountsOutput, InboxListInput, InboxListOutput } from './inbox.contract';
import {
  AnswerReferencesInput,
  AnswerReferencesOutput,
  CategorySuggestInput,
  CategorySuggestOutput,
  QuestionSimilarInput,
  QuestionSimilarOutput,
  SearchDeflectedInput,
  SearchDeflectedOutput,
  SearchQuestionsInput,
  SearchQuestionsOutput,
} from './search.contract';
import {
  FaqCandidatesInput,
  FaqCandidatesOutput,
  FaqDismissInput,
  FaqDismissOutput,
  FaqGetInput,
  FaqGetOutput,
  FaqListInput,
  FaqListOutput,
  FaqPublishInput,
  FaqPublishOutput,
  FaqRetireInput,
  FaqRetireOutput,
} from './faq.contract';
import { StatsOverviewInput, StatsOverviewOutput, StatsPeopleInput, StatsPeopleOutput, StatsUnitsInput, StatsUnitsOutput } from './statistics.contract';
import { CaseListInput, CaseListOutput, CaseMarkInput, CaseMarkOutput } from './typical-case.contract';
import {
  ReportGetInput,
  ReportGetOutput,
  ReportListInput,
  ReportListOutput,
  ReportSaveInput,
  ReportSaveOutput,
  ReportSubmitInput,
  ReportSubmitOutput,
  ReportUrgeInput,
  ReportUrgeOutput,
} from './report.contract';
import { MeBindPhoneInput, MeBindPhoneOutput, MeDeleteInput, MeDeleteOutput, MeExportInput, MeExportOutput, MeGetInput, MeGetOutput } from './me.contract';
import {
  RosterInviteInfoInput,
  RosterInviteInfoOutput,
  RosterInviteInput,
  RosterInviteOutput,
  RosterInvitesInput,
  RosterInvitesOutput,
  RosterJoinInput,
  RosterJoinOutput,
  RosterListInput,
  RosterListOutput,
  RosterRevokeInviteInput,
  RosterRevokeInviteOutput,
  RosterUpdateInput,
  RosterUpdateOutput,
} from './roster.contract';
import { CategorySaveInput, CategorySaveOutput, RoutingGetInput, RoutingGetOutput, UnitSaveInput, UnitSaveOutput } from './routing.contract';
import { EntryInvitationInput, EntryInvitationOutput, EntryLinksInput, EntryLinksOutput } from './entry.contract';
// ── issue 11 boards (活动公告, 青年视角, 话题墙) ──
import {
  ActivityAttendeesInput,
  ActivityAttendeesOutput,
  ActivityCancelInput,
  ActivityCancelOutput,
  ActivityCheckInInput,
  ActivityCheckInOutput,
  ActivityCreateInput,
  ActivityCreateOutput,
  ActivityGetInput,
  ActivityGetOutput,
  ActivityListInput,
  ActivityListOutput,
  ActivitySignUpInput,
  ActivitySignUpOutput,
} from './activity.contract';
import { ArticleGetInput, ArticleGetOutput, ArticleHideInput, ArticleHideOutput, ArticleListInput, ArticleListOutput, ArticlePublishInput, ArticlePublishOutput } from './article.contract';
import {
  TopicCloseInput,
  TopicCloseOutput,
  TopicCommentInput,
  TopicCommentOutput,
  TopicCreateInput,
  TopicCreateOutput,
  TopicGetInput,
  TopicGetOutput,
  TopicHideInput,
  TopicHideOutput,
  TopicListInput,
  TopicListOutput,
  TopicPinInput,
  TopicPinOutput,
  TopicPostInput,
  TopicPostOutput,
  TopicPostsInput,
  TopicPostsOutput,
} from './topic.contract';
// ── end issue 11 boards ──
import {
  AnswerLikeInput,
  AnswerLikeOutput,
  ExpertGetInput,
  ExpertGetOutput,
  ExpertListInput,
  ExpertListOutput,
  LikeMineInput,
  LikeMineOutput,
  LikeSetInput,
  LikeSetOutput,
  QuestionFollowInput,
  QuestionFollowOutput,
  QuestionMetooInput,
  QuestionMetooOutput,
  QuestionReactionsInput,
  QuestionReactionsOutput,
  TagHotInput,
  TagHotOutput,
} from './community.contract';
import { MessageListInput, MessageListOutput, MessageMarkReadInput, MessageMarkReadOutput, MessageUnreadInput, MessageUnreadOutput } from './message.contract';
import {
  QuestionAskInput,
  QuestionAskOutput,
  QuestionGetInput,
  QuestionGetOutput,
  QuestionListMineInput,
  QuestionListMineOutput,
  QuestionListPublicInput,
  QuestionListPublicOutput,
} from './question.contract';

/**
 * The single source of truth for the `api` function: an action exists when it is
 * listed here. The server parses `input` before any use case runs; the client
 * parses `output` before the UI sees it.
 */
export const API_ACTIONS = {
  'catalog.get': { input: CatalogGetInput, output: CatalogGetOutput },
  'me.get': { input: MeGetInput, output: MeGetOutput },
  'question.ask': { input: QuestionAskInput, output: QuestionAskOutput },
  'question.get': { input: QuestionGetInput, output: QuestionGetOutput },
  'question.listPublic': { input: QuestionListPublicInput, output: QuestionListPublicOutput },
  'question.listMine': { input: QuestionListMineInput, output: QuestionListMineOutput },
  'inbox.list': { input: InboxListInput, output: InboxListOutput },
  'inbox.counts': { input: InboxCountsInput, output: InboxCountsOutput },
  'answer.post': { input: AnswerPostInput, output: AnswerPostOutput },
  'question.claim': { input: QuestionClaimInput, output: CaseActionOutput },
  'question.transfer': { input: QuestionTransferInput, output: CaseActionOutput },
  'question.startHandling': { input: QuestionStartHandlingInput, output: CaseActionOutput },
  'question.addProgress': { input: QuestionAddProgressInput, output: CaseActionOutput },
  'question.resolve': { input: QuestionResolveInput, output: CaseActionOutput },
  'question.publishNotice': { input: QuestionPublishNoticeInput, output: CaseActionOutput },
  'question.rate': { input: QuestionRateInput, output: CaseActionOutput },
  'question.reopen': { input: QuestionReopenInput, output: CaseActionOutput },
  'question.urge': { input: QuestionUrgeInput, output: CaseActionOutput },
  'escalation.list': { input: EscalationListInput, output: EscalationListOutput },
  'unit.unreachable': { input: UnitUnreachableInput, output: UnitUnreachableOutput },
  'unit.performance': { input: UnitPerformanceInput, output: UnitPerformanceOutput },
  'subscription.record': { input: SubscriptionRecordInput, output: SubscriptionRecordOutput },
  'content.report': { input: ContentReportInput, output: ContentReportOutput },
  'moderation.queue': { input: ModerationQueueInput, output: ModerationQueueOutput },
  'moderation.decide': { input: ModerationDecideInput, output: ModerationDecideOutput },
  'audit.list': { input: AuditListInput, output: AuditListOutput },
  'me.export': { input: MeExportInput, output: MeExportOutput },
  'me.delete': { input: MeDeleteInput, output: MeDeleteOutput },
  'me.bindPhone': { input: MeBindPhoneInput, output: MeBindPhoneOutput },
  'search.questions': { input: SearchQuestionsInput, output: SearchQuestionsOutput },
  'question.similar': { input: QuestionSimilarInput, output: QuestionSimilarOutput },
  'category.suggest': { input: CategorySuggestInput, output: CategorySuggestOutput },
  'answer.references': { input: AnswerReferencesInput, output: AnswerReferencesOutput },
  'search.deflected': { input: SearchDeflectedInput, output: SearchDeflectedOutput },
  'faq.list': { input: FaqListInput, output: FaqListOutput },
  'faq.get': { input: FaqGetInput, output: FaqGetOutput },
  'faq.candidates': { input: FaqCandidatesInput, output: FaqCandidatesOutput },
  'faq.publish': { input: FaqPublishInput, output: FaqPublishOutput },
  'faq.retire': { input: FaqRetireInput, output: FaqRetireOutput },
  'faq.dismiss': { input: FaqDismissInput, output: FaqDismissOutput },
  'stats.overview': { input: StatsOverviewInput, output: StatsOverviewOutput },
  'stats.units': { input: StatsUnitsInput, output: StatsUnitsOutput },
  'stats.people': { input: StatsPeopleInput, output: StatsPeopleOutput },
  'case.mark': { input: CaseMarkInput, output: CaseMarkOutput },
  'case.list': { input: CaseListInput, output: CaseListOutput },
  'report.list': { input: ReportListInput, output: ReportListOutput },
  'report.get': { input: ReportGetInput, output: ReportGetOutput },
  'report.save': { input: ReportSaveInput, output: ReportSaveOutput },
  'report.submit': { input: ReportSubmitInput, output: ReportSubmitOutput },
  'report.urge': { input: ReportUrgeInput, output: ReportUrgeOutput },
  'roster.list': { input: RosterListInput, output: RosterListOutput },
  'roster.invite': { input: RosterInviteInput, output: RosterInviteOutput },
  'roster.invites': { input: RosterInvitesInput, output: RosterInvitesOutput },
  'roster.revokeInvite': { input: RosterRevokeInviteInput, output: RosterRevokeInviteOutput },
  'roster.inviteInfo': { input: RosterInviteInfoInput, output: RosterInviteInfoOutput },
  'roster.join': { input: RosterJoinInput, output: RosterJoinOutput },
  'roster.update': { input: RosterUpdateInput, output: RosterUpdateOutput },
  'routing.get': { input: RoutingGetInput, output: RoutingGetOutput },
  'unit.save': { input: UnitSaveInput, output: UnitSaveOutput },
  'category.save': { input: CategorySaveInput, output: CategorySaveOutput },
  'entry.links': { input: EntryLinksInput, output: EntryLinksOutput },
  'entry.invitation': { input: EntryInvitationInput, output: EntryInvitationOutput },
  // ── issue 11 boards (活动公告, 青年视角, 话题墙) ──
  'activity.list': { input: ActivityListInput, output: ActivityListOutput },
  'activity.get': { input: ActivityGetInput, output: ActivityGetOutput },
  'activity.create': { input: ActivityCreateInput, output: ActivityCreateOutput },
  'activity.signUp': { input: ActivitySignUpInput, output: ActivitySignUpOutput },
  'activity.cancel': { input: ActivityCancelInput, output: ActivityCancelOutput },
  'activity.checkIn': { input: ActivityCheckInInput, output: ActivityCheckInOutput },
  'activity.attendees': { input: ActivityAttendeesInput, output: ActivityAttendeesOutput },
  'article.list': { input: ArticleListInput, output: ArticleListOutput },
  'article.get': { input: ArticleGetInput, output: ArticleGetOutput },
  'article.publish': { input: ArticlePublishInput, output: ArticlePublishOutput },
  'article.hide': { input: ArticleHideInput, output: ArticleHideOutput },
  'topic.list': { input: TopicListInput, output: TopicListOutput },
  'topic.get': { input: TopicGetInput, output: TopicGetOutput },
  'topic.create': { input: TopicCreateInput, output: TopicCreateOutput },
  'topic.post': { input: TopicPostInput, output: TopicPostOutput },
  'topic.posts': { input: TopicPostsInput, output: TopicPostsOutput },
  'topic.comment': { input: TopicCommentInput, output: TopicCommentOutput },
  'topic.pin': { input: TopicPinInput, output: TopicPinOutput },
  'topic.close': { input: TopicCloseInput, output: TopicCloseOutput },
  'topic.hide': { input: TopicHideInput, output: TopicHideOutput },
  // ── end issue 11 boards ──
  // ── issue 11 community (同问, 关注, 点赞, 消息中心, 热点标签, 专家推荐) ──
  'question.metoo': { input: QuestionMetooInput, output: QuestionMetooOutput },
  'question.follow': { input: QuestionFollowInput, output: QuestionFollowOutput },
  'answer.like': { input: AnswerLikeInput, output: AnswerLikeOutput },
  'like.set': { input: LikeSetInput, output: LikeSetOutput },
  'like.mine': { input: LikeMineInput, output: LikeMineOutput },
  'question.reactions': { input: QuestionReactionsInput, output: QuestionReactionsOutput },
  'message.list': { input: MessageListInput, output: MessageListOutput },
  'message.markRead': { input: MessageMarkReadInput, output: MessageMarkReadOutput },
  'message.unread': { input: MessageUnreadInput, output: MessageUnreadOutput },
  'tag.hot': { input: TagHotInput, output: TagHotOutput },
  'expert.list': { input: ExpertListInput, output: ExpertListOutput },
  'expert.get': { input: ExpertGetInput, output: ExpertGetOutput },
} as const;

export type ApiActions = typeof API_ACTIONS;
export type ActionName = keyof ApiActions;
export type ActionInput<A extends ActionName> = z.input<ApiActions[A]['input']>;
export type ActionParsedInput<A extends ActionName> = z.output<ApiActions[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<ApiActions[A]['output']>;

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(API_ACTIONS, name);
}
