import type { Database } from './cloudbase';
import { CachedCatalogRepository, CloudbaseCatalogRepository } from './cloudbase-catalog.repository';
import { CloudbaseAskQuotaRepository } from './cloudbase-ask-quota.repository';
import { CloudbaseQuestionRepository } from './cloudbase-question.repository';
import { CloudbaseNotificationRepository } from './cloudbase-notification.repository';
import { CloudbaseSubscriptionRepository } from './cloudbase-subscription.repository';
import { CloudbaseUserRepository } from './cloudbase-user.repository';
import { CachedSearchRepository, CloudbaseSearchRepository } from './cloudbase-search.repository';
import { CloudbaseAuditRepository, CloudbaseReportRepository, CloudbaseSettingsRepository } from './cloudbase-moderation.repository';
import { CloudbaseStatisticsRepository } from './cloudbase-statistics.repository';
import { CloudbaseBiweeklyReportRepository } from './cloudbase-biweekly-report.repository';
import { CloudbaseEntryCodeRepository, CloudbaseInvitationRepository } from './cloudbase-invitation.repository';
import { CloudbaseAdminWrites } from './cloudbase-admin-writes';
import { CloudbaseBoardRepository, CloudbaseCounterRepository, CloudbaseReactionRepository } from './cloudbase-community.repository';
import type { Repositories } from '../ports/repositories';
import { CloudbaseActivityRepository, CloudbaseArticleRepository, CloudbaseTopicRepository } from './cloudbase-boards.repository';

export const CATALOG_CACHE_MS = 60_000;
/** Search statistics weight terms; five minutes old is as good as fresh. */
export const SEARCH_STATS_CACHE_MS = 5 * 60_000;

export function cloudbaseRepositories(db: Database, options: { catalogCacheMs?: number; searchStatsCacheMs?: number } = {}): Repositories {
  const catalog = new CloudbaseCatalogRepository(db);
  const cacheMs = options.catalogCacheMs ?? CATALOG_CACHE_MS;
  return {
    catalog: cacheMs > 0 ? new CachedCatalogRepository(catalog, cacheMs) : catalog,
    users: new CloudbaseUserRepository(db),
    invitations: new CloudbaseInvitationRepository(db),
    entryCodes: new CloudbaseEntryCodeRepository(db),
    admin: new CloudbaseAdminWrites(db),
    questions: new CloudbaseQuestionRepository(db),
    askQuotas: new CloudbaseAskQuotaRepository(db),
    reports: new CloudbaseReportRepository(db),
    audit: new CloudbaseAuditRepository(db),
    settings: new CloudbaseSettingsRepository(db),
    search: new CachedSearchRepository(new CloudbaseSearchRepository(db), options.searchStatsCacheMs ?? SEARCH_STATS_CACHE_MS),
    notifications: new CloudbaseNotificationRepository(db),
    subscriptions: new CloudbaseSubscriptionRepository(db),
    statistics: new CloudbaseStatisticsRepository(db),
    biweeklyReports: new CloudbaseBiweeklyReportRepository(db),
    // issue 11 boards
    activities: new CloudbaseActivityRepository(db),
    articles: new CloudbaseArticleRepository(db),
    reactions: new CloudbaseReactionRepository(db),
    counters: new CloudbaseCounterRepository(db),
    boards: new CloudbaseBoardRepository(db),
    topics: new CloudbaseTopicRepository(db),
  };
}
