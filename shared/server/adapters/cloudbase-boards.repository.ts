import { COLLECTIONS } from '../collections';
import type { ActivityRepository, ArticleRepository, PageRequest, SeatOutcome, TopicRepository } from '../ports/repositories';
import type { ActivityRecord, ArticleRecord, AttendeeRecord, TopicCommentRecord, TopicPostRecord, TopicRecord, UnitPublishingRecord } from '../ports/records';
import type { Database } from './cloudbase';
import { isDuplicateKeyError } from './cloudbase-question.repository';

/**
 * Issue 11's boards (活动公告, 青年视角, 话题墙) in CloudBase. Every list is a
 * keyset page on an index declared in shared/server/collections.ts; every
 * write that must hold under concurrency is one conditional update of one
 * document (docs/decisions/0020-boards-activities-articles-topics.md).
 */
interface SortField {
  field: string;
  dir: 'asc' | 'desc';
  bool?: boolean;
}

function paged(db: Database, collection: string, base: Record<string, unknown>, sort: SortField[], page: PageRequest) {
  const _ = db.command;
  let filter: object = base;
  if (page.after) {
    const values = sort.map((f, i) => (f.bool ? page.after!.values[i] === 1 : page.after!.values[i]));
    const beyond = (dir: 'asc' | 'desc') => (dir === 'desc' ? _.lt : _.gt);
    const branches: Record<string, unknown>[] = [];
    sort.forEach((f, i) => {
      const branch: Record<string, unknown> = {};
      for (let k = 0; k < i; k++) branch[sort[k]!.field] = values[k];
      branch[f.field] = beyond(f.dir)(values[i]);
      branches.push(branch);
    });
    const tie: Record<string, unknown> = {};
    sort.forEach((f, k) => (tie[f.field] = values[k]));
    tie._id = beyond(sort[0]!.dir)(page.after.id);
    branches.push(tie);
    filter = _.and([base, _.or(branches)]);
  }
  let query = db.collection(collection).where(filter);
  for (const f of sort) query = query.orderBy(f.field, f.dir);
  return query.orderBy('_id', sort[0]!.dir).limit(page.limit);
}

async function addOnce(db: Database, collection: string, doc: object): Promise<boolean> {
  try {
    await db.collection(collection).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

async function byId<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  return (res.data[0] as T | undefined) ?? null;
}

const ACTIVITIES = COLLECTIONS.activities.name;

export class CloudbaseActivityRepository implements ActivityRepository {
  constructor(private readonly db: Database) {}

  insert = (activity: ActivityRecord) => addOnce(this.db, ACTIVITIES, activity);
  findById = (id: string) => byId<ActivityRecord>(this.db, ACTIVITIES, id);

  async list(when: 'upcoming' | 'past', now: number, page: PageRequest): Promise<ActivityRecord[]> {
    const _ = this.db.command;
    const base = { state: 'published', endAt: when === 'upcoming' ? _.gte(now) : _.lt(now) };
    const res = await paged(this.db, ACTIVITIES, base, [{ field: 'endAt', dir: when === 'upcoming' ? 'asc' : 'desc' }], page).get();
    return res.data as ActivityRecord[];
  }

  async signUp(id: string, person: AttendeeRecord, now: number): Promise<SeatOutcome> {
    const _ = this.db.command;
    const coll = this.db.collection(ACTIVITIES);
    const open = { _id: id, state: 'published', signUpDeadline: _.gt(now), people: _.neq(person.openid) };
    const place = (list: 'seats' | 'waiting') => ({
      [list]: _.push([person]),
      people: _.push([person.openid]),
      ...(list === 'seats' ? { seatCount: _.inc(1) } : {}),
      version: _.inc(1),
    });
    // A seat while one is free, else the waiting list while it is still full; a seat freed in
    // between sends the person round again (a handful of times at most: seats only free by a cancel).
    for (let round = 0; round < 5; round++) {
      const activity = await this.findById(id);
      if (!activity || activity.state !== 'published' || activity.signUpDeadline <= now) return 'closed';
      if (activity.people.includes(person.openid)) return 'already';
      const free = { ...open, capacity: activity.capacity, seatCount: _.lt(activity.capacity) };
      if ((await coll.where(free).update(place('seats'))).updated === 1) return 'seated';
      const full = { ...open, capacity: activity.capacity, seatCount: _.gte(activity.capacity) };
      if ((await coll.where(full).update(place('waiting'))).updated === 1) return 'waiting';
    }
    const last = await this.findById(id);
    return last && last.people.includes(person.openid) ? 'already' : 'closed';
  }

  async listByPerson(openid: string, limit: number): Promise<ActivityRecord[]> {
    const res = await this.db.collection(ACTIVITIES).where({ people: openid }).limit(limit).get();
    return res.data as ActivityRecord[];
  }

  async replacePlaces(
    id: string,
    expectedVersion: number,
    places: Pick<ActivityRecord, 'seats' | 'waiting' | 'people' | 'seatCount'> & Partial<Pick<ActivityRecord, 'checkedIn'>>,
  ): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.db
      .collection(ACTIVITIES)
      .where({ _id: id, version: expectedVersion })
      .update({
        seats: _.set(places.seats),
        waiting: _.set(places.waiting),
        people: _.set(places.people),
        seatCount: places.seatCount,
        ...(places.checkedIn ? { checkedIn: _.set(places.checkedIn) } : {}),
        version: expectedVersion + 1,
      });
    return res.updated === 1;
  }

  async checkIn(id: string, openid: string, at: number): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.db
      .collection(ACTIVITIES)
      .where({ _id: id, 'seats.openid': openid, 'checkedIn.openid': _.neq(openid) })
      .update({ checkedIn: _.push([{ openid, at }]) });
    return res.updated === 1;
  }
}

const ARTICLES = COLLECTIONS.articles.name;
const PUBLISHING = COLLECTIONS.unitPublishing.name;

export class CloudbaseArticleRepository implements ArticleRepository {
  constructor(private readonly db: Database) {}

  insert = (article: ArticleRecord) => addOnce(this.db, ARTICLES, article);
  findById = (id: string) => byId<ArticleRecord>(this.db, ARTICLES, id);

  async list(filter: { unitId?: string }, page: PageRequest): Promise<ArticleRecord[]> {
    const base: Record<string, unknown> = { hidden: false };
    if (filter.unitId) base.unitId = filter.unitId;
    const res = await paged(this.db, ARTICLES, base, [{ field: 'publishedAt', dir: 'desc' }], page).get();
    return res.data as ArticleRecord[];
  }

  async setHidden(id: string, hidden: boolean, reason: string | null): Promise<boolean> {
    const res = await this.db.collection(ARTICLES).where({ _id: id }).update({ hidden, hiddenReason: reason });
    return res.updated === 1;
  }

  async publishing(): Promise<UnitPublishingRecord[]> {
    const res = await this.db.collection(PUBLISHING).where({}).limit(1000).get();
    return res.data as UnitPublishingRecord[];
  }

  async recordPublished(unitId: string, at: number): Promise<void> {
    const _ = this.db.command;
    const coll = this.db.collection(PUBLISHING);
    if ((await coll.where({ _id: unitId }).update({ lastArticleAt: _.max(at) })).updated === 1) return;
    const fresh: UnitPublishingRecord = { _id: unitId, lastArticleAt: at, since: at, remindedFor: null };
    if (!(await addOnce(this.db, PUBLISHING, fresh))) await coll.where({ _id: unitId }).update({ lastArticleAt: _.max(at) });
  }

  async startClocks(unitIds: string[], since: number): Promise<void> {
    for (const unitId of unitIds) await addOnce(this.db, PUBLISHING, { _id: unitId, lastArticleAt: null, since, remindedFor: null } satisfies UnitPublishingRecord);
  }

  async markReminded(unitId: string, expected: number | null, lapse: number): Promise<boolean> {
    const res = await this.db.collection(PUBLISHING).where({ _id: unitId, remindedFor: expected }).update({ remindedFor: lapse });
    return res.updated === 1;
  }

  async incLikes(id: string, delta: number): Promise<void> {
    await this.db.collection(ARTICLES).where({ _id: id }).update({ likeCount: this.db.command.inc(delta) });
  }
}

const TOPICS = COLLECTIONS.topics.name;
const POSTS = COLLECTIONS.topicPosts.name;

export class CloudbaseTopicRepository implements TopicRepository {
  constructor(private readonly db: Database) {}

  insert = (topic: TopicRecord) => addOnce(this.db, TOPICS, topic);
  findById = (id: string) => byId<TopicRecord>(this.db, TOPICS, id);
  insertPost = (post: TopicPostRecord) => addOnce(this.db, POSTS, post);
  findPost = (id: string) => byId<TopicPostRecord>(this.db, POSTS, id);

  async list(includeHidden: boolean, page: PageRequest): Promise<TopicRecord[]> {
    const _ = this.db.command;
    const base = { hidden: includeHidden ? _.in([false, true]) : false };
    const res = await paged(this.db, TOPICS, base, [{ field: 'pinned', dir: 'desc', bool: true }, { field: 'createdAt', dir: 'desc' }], page).get();
    return res.data as TopicRecord[];
  }

  async update(id: string, set: Partial<Pick<TopicRecord, 'state' | 'pinned' | 'hidden' | 'hiddenReason'>>): Promise<void> {
    await this.db.collection(TOPICS).where({ _id: id }).update(set);
  }

  async countPost(id: string, delta = 1): Promise<void> {
    await this.db.collection(TOPICS).where({ _id: id }).update({ postCount: this.db.command.inc(delta) });
  }

  async listPosts(topicId: string, state: 'published' | 'review' | 'hidden', page: PageRequest): Promise<TopicPostRecord[]> {
    const res = await paged(this.db, POSTS, { topicId, 'moderation.state': state }, [{ field: 'createdAt', dir: 'desc' }], page).get();
    return res.data as TopicPostRecord[];
  }

  async addComment(postId: string, comment: TopicCommentRecord, max: number): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.db
      .collection(POSTS)
      .where({ _id: postId, commentCount: _.lt(max), 'comments.id': _.neq(comment.id) })
      .update({ comments: _.push([comment]), commentCount: _.inc(1) });
    return res.updated === 1;
  }

  async setPostModeration(postId: string, moderation: TopicPostRecord['moderation']): Promise<boolean> {
    const res = await this.db.collection(POSTS).where({ _id: postId }).update({ moderation: this.db.command.set(moderation) });
    return res.updated === 1;
  }

  async replaceComments(postId: string, expectedCount: number, comments: TopicCommentRecord[]): Promise<boolean> {
    const res = await this.db.collection(POSTS).where({ _id: postId, commentCount: expectedCount }).update({ comments: this.db.command.set(comments) });
    return res.updated === 1;
  }

  async incPostLikes(postId: string, delta: number): Promise<void> {
    await this.db.collection(POSTS).where({ _id: postId }).update({ likeCount: this.db.command.inc(delta) });
  }

  async listPostsByAuthor(openid: string, limit: number): Promise<TopicPostRecord[]> {
    const res = await this.db.collection(POSTS).where({ authorOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get();
    return res.data as TopicPostRecord[];
  }

  async listPostsCommentedBy(openid: string, limit: number): Promise<TopicPostRecord[]> {
    const res = await this.db.collection(POSTS).where({ 'comments.authorOpenid': openid }).limit(limit).get();
    return res.data as TopicPostRecord[];
  }

  async removePost(postId: string): Promise<boolean> {
    const res = await this.db.collection(POSTS).where({ _id: postId }).remove();
    return (res as { deleted?: number }).deleted === 1;
  }
}
