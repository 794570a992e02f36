import type { Database } from './cloudbase';
import { CachedCatalogRepository, CloudbaseCatalogRepository } from './cloudbase-catalog.repository';
import { CloudbaseAnswerRepository } from './cloudbase-answer.repository';
import { CloudbaseEventRepository } from './cloudbase-event.repository';
import { CloudbaseQuestionRepository } from './cloudbase-question.repository';
import { CloudbaseNotificationRepository } from './cloudbase-notification.repository';
import { CloudbaseSubscriptionRepository } from './cloudbase-subscription.repository';
import { CloudbaseTimerRepository } from './cloudbase-timer.repository';
import { CloudbaseUserRepository } from './cloudbase-user.repository';
import type { Repositories } from '../ports/repositories';

export const CATALOG_CACHE_MS = 60_000;

export function cloudbaseRepositories(db: Database, options: { catalogCacheMs?: number } = {}): Repositories {
  const catalog = new CloudbaseCatalogRepository(db);
  const cacheMs = options.catalogCacheMs ?? CATALOG_CACHE_MS;
  return {
    catalog: cacheMs > 0 ? new CachedCatalogRepository(catalog, cacheMs) : catalog,
    users: new CloudbaseUserRepository(db),
    questions: new CloudbaseQuestionRepository(db),
    answers: new CloudbaseAnswerRepository(db),
    events: new CloudbaseEventRepository(db),
    timers: new CloudbaseTimerRepository(db),
    notifications: new CloudbaseNotificationRepository(db),
    subscriptions: new CloudbaseSubscriptionRepository(db),
  };
}
