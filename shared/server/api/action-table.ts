import type { ActionTable } from '../use-cases/action';
import { askQuestion } from '../use-cases/ask-question';
import { getCatalog } from '../use-cases/get-catalog';
import { bindPhone, getMe } from '../use-cases/get-me';
import { answerReferences, recordDeflection, searchQuestions, similarQuestions, suggestCategoryAction } from '../use-cases/search';
import { dismissFaqCandidate, getFaq, listFaqCandidates, listFaqs, publishFaq, retireFaq } from '../use-cases/faq';
import { getQuestion } from '../use-cases/get-question';
import {
  addProgress,
  claimQuestion,
  publishNotice,
  rateQuestion,
  reopenQuestion,
  resolveQuestion,
  startHandling,
  transferQuestion,
  urgeQuestion,
} from '../use-cases/case-actions';
import { countInbox, listEscalations, listInbox, listMyQuestions, listPublicQuestions } from '../use-cases/list-questions';
import { listUnreachable, recordSubscription } from '../use-cases/notification-actions';
import { unitPerformance } from '../use-cases/unit-performance';
import { postAnswer } from '../use-cases/post-answer';
import { decideModeration, listAudit, moderationQueue, reportContent } from '../use-cases/moderation';
import { deleteMyAccount, exportMyData } from '../use-cases/my-data';
import { statsOverview, statsPeople, statsUnits } from '../use-cases/statistics';
import { listCases, markCase } from '../use-cases/typical-cases';
import { getReport, listReports, saveReport, submitReport, urgeReports } from '../use-cases/biweekly-reports';
import { inviteInfo, inviteToRoster, joinRoster, listInvitations, listRoster, revokeInvitation, updateRoster } from '../use-cases/roster';
import { getRouting, saveCategory, saveUnit } from '../use-cases/routing';
import { entryInvitation, entryLinks } from '../use-cases/entry-points';
// ── issue 11 boards ──
import { cancelActivitySignUp, checkInToActivity, createActivity, getActivity, listActivities, listActivityAttendees, signUpForActivity } from '../use-cases/activities';
import { getArticle, hideArticle, listArticles, publishArticle } from '../use-cases/articles';
import { closeTopic, commentOnPost, createTopic, getTopic, hideOnTopic, listTopicPosts, listTopics, pinTopic, postToTopic } from '../use-cases/topics';
// ── end issue 11 boards ──
import { followQuestion, likeAnswer, metooQuestion, myLikes, questionReactions, setLike } from '../use-cases/community';
import { countUnreadMessages, listMessages, markMessagesRead } from '../use-cases/messages';
import { getExpert, hotTags, listExperts } from '../use-cases/boards';

/** Every action the contract declares, and the use case that serves it. */
export const apiActions: ActionTable = {
  'catalog.get': getCatalog,
  'me.get': getMe,
  'question.ask': askQuestion,
  'question.get': getQuestion,
  'question.listPublic': listPublicQuestions,
  'question.listMine': listMyQuestions,
  'inbox.list': listInbox,
  'inbox.counts': countInbox,
  'answer.post': postAnswer,
  'question.claim': claimQuestion,
  'question.transfer': transferQuestion,
  'question.startHandling': startHandling,
  'question.addProgress': addProgress,
  'question.resolve': resolveQuestion,
  'question.publishNotice': publishNotice,
  'question.rate': rateQuestion,
  'question.reopen': reopenQuestion,
  'question.urge': urgeQuestion,
  'escalation.list': listEscalations,
  'unit.unreachable': listUnreachable,
  'unit.performance': unitPerformance,
  'subscription.record': recordSubscription,
  'content.report': reportContent,
  'moderation.queue': moderationQueue,
  'moderation.decide': decideModeration,
  'audit.list': listAudit,
  'me.export': exportMyData,
  'me.delete': deleteMyAccount,
  'me.bindPhone': bindPhone,
  'search.questions': searchQuestions,
  'question.similar': similarQuestions,
  'category.suggest': suggestCategoryAction,
  'answer.references': answerReferences,
  'search.deflected': recordDeflection,
  'faq.list': listFaqs,
  'faq.get': getFaq,
  'faq.candidates': listFaqCandidates,
  'faq.publish': publishFaq,
  'faq.retire': retireFaq,
  'faq.dismiss': dismissFaqCandidate,
  'stats.overview': statsOverview,
  'stats.units': statsUnits,
  'stats.people': statsPeople,
  'case.mark': markCase,
  'case.list': listCases,
  'report.list': listReports,
  'report.get': getReport,
  'report.save': saveReport,
  'report.submit': submitReport,
  'report.urge': urgeReports,
  'roster.list': listRoster,
  'roster.invite': inviteToRoster,
  'roster.invites': listInvitations,
  'roster.revokeInvite': revokeInvitation,
  'roster.inviteInfo': inviteInfo,
  'roster.join': joinRoster,
  'roster.update': updateRoster,
  'routing.get': getRouting,
  'unit.save': saveUnit,
  'category.save': saveCategory,
  'entry.links': entryLinks,
  'entry.invitation': entryInvitation,
  // ── issue 11 boards (活动公告, 青年视角, 话题墙) ──
  'activity.list': listActivities,
  'activity.get': getActivity,
  'activity.create': createActivity,
  'activity.signUp': signUpForActivity,
  'activity.cancel': cancelActivitySignUp,
  'activity.checkIn': checkInToActivity,
  'activity.attendees': listActivityAttendees,
  'article.list': listArticles,
  'article.get': getArticle,
  'article.publish': publishArticle,
  'article.hide': hideArticle,
  'topic.list': listTopics,
  'topic.get': getTopic,
  'topic.create': createTopic,
  'topic.post': postToTopic,
  'topic.posts': listTopicPosts,
  'topic.comment': commentOnPost,
  'topic.pin': pinTopic,
  'topic.close': closeTopic,
  'topic.hide': hideOnTopic,
  // ── end issue 11 boards ──
  'question.metoo': metooQuestion,
  'question.follow': followQuestion,
  'answer.like': likeAnswer,
  'like.set': setLike,
  'like.mine': myLikes,
  'question.reactions': questionReactions,
  'message.list': listMessages,
  'message.markRead': markMessagesRead,
  'message.unread': countUnreadMessages,
  'tag.hot': hotTags,
  'expert.list': listExperts,
  'expert.get': getExpert,
};
