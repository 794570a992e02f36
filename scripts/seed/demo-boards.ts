import { HOUR_MS } from '../../shared/domain/answer-deadline';
import { PUBLISHED } from '../../shared/domain/moderation';
import type { ActivityRecord, ArticleRecord, QuestionRecord, TopicPostRecord, TopicRecord, UnitPublishingRecord } from '../../shared/server/ports/records';
import { DEMO_USERS } from './demo-organisation';

/**
 * Issue 11's boards in the demo (活动公告, 青年视角, 话题墙): two activities,
 * one grown from students' questions about 考研 and careers (线上诉求延伸到线下),
 * two original articles from different units, one open topic with takes and
 * comments (one anonymous). Relative to the seeding time; the questions an
 * activity grew from carry its id, as activity.create leaves them.
 */
const DAY = 24 * HOUR_MS;
const name = (openid: string) => DEMO_USERS.find((u) => u.openid === openid)?.name ?? '同学';
const attendee = (openid: string, at: number) => ({ openid, name: name(openid), at });

export function demoBoards(now: number, questions: QuestionRecord[]) {
  const byTitle = (title: string) => {
    const q = questions.find((x) => x.title === title);
    if (!q) throw new Error(`demo boards: no demo question titled ${title}`);
    return q;
  };
  const careerQuestions = [byTitle('考研还是直接工作，很纠结'), byTitle('机械专业有哪些国企招聘信息渠道？')];
  const base = { state: 'published' as const, checkedIn: [], version: 1, requestHash: null };
  const activities: ActivityRecord[] = [
    {
      ...base,
      _id: 'act-demo-career',
      unitId: 'u-school',
      title: '考研还是就业？学长学姐面对面',
      body: '不少同学在“青年之声”里问到考研与就业的选择、国企招聘信息从哪里找。校团委邀请三位考研上岸和三位入职国企的学长学姐，与大家面对面交流，现场答疑。',
      place: '大学生活动中心 305',
      startAt: now + 3 * DAY,
      endAt: now + 3 * DAY + 2 * HOUR_MS,
      signUpDeadline: now + 2 * DAY,
      capacity: 3,
      questionIds: careerQuestions.map((q) => q._id),
      createdAt: now - DAY,
      createdByOpenid: 'dev-coordinator',
      createdByName: name('dev-coordinator'),
      checkInCode: '305305',
      seats: [attendee('dev-student-zhang', now - 20 * HOUR_MS), attendee('dev-student-zhao', now - 18 * HOUR_MS), attendee('dev-student-li', now - 10 * HOUR_MS)],
      waiting: [attendee('dev-student-chen', now - 5 * HOUR_MS)],
      people: ['dev-student-zhang', 'dev-student-zhao', 'dev-student-li', 'dev-student-chen'],
      seatCount: 3,
    },
    {
      ...base,
      _id: 'act-demo-coding',
      unitId: 'c-cs',
      title: '程序设计竞赛校内选拔赛',
      body: '计算机学院团委举办程序设计竞赛校内选拔赛，个人赛三小时，前十名入选校队集训。欢迎全校同学报名。',
      place: '信息楼 机房 A',
      startAt: now + 7 * DAY,
      endAt: now + 7 * DAY + 3 * HOUR_MS,
      signUpDeadline: now + 6 * DAY,
      capacity: 60,
      questionIds: [],
      createdAt: now - 2 * DAY,
      createdByOpenid: 'dev-cs-league',
      createdByName: name('dev-cs-league'),
      checkInCode: '246810',
      seats: [attendee('dev-student-zhang', now - DAY)],
      waiting: [],
      people: ['dev-student-zhang'],
      seatCount: 1,
    },
  ];
  const article = (id: string, unitId: string, author: string, title: string, body: string, daysAgo: number): ArticleRecord => ({
    _id: id,
    unitId,
    title,
    coverFileId: `cloud://local-dev.seed/articles/${id}.png`,
    body,
    authorOpenid: author,
    authorName: name(author),
    publishedAt: now - daysAgo * DAY,
    hidden: false,
    hiddenReason: null,
    likeCount: 0,
    requestHash: null,
  });
  const articles: ArticleRecord[] = [
    article('art-demo-cs', 'c-cs', 'dev-cs-league', '凌晨两点的实验室：我们这样备战程序设计竞赛',
      '比赛前的一个月，实验室的灯常常亮到凌晨。队员们轮流讲题，把做错的题目写在白板上，一道一道地复盘。指导老师说，比赛的意义不只在名次，更在于学会和队友一起面对难题。今年，我们第一次闯进了区域赛的金牌区。', 3),
    article('art-demo-med', 'c-med', 'dev-med-league', '白大褂下的志愿者：医学院义诊进社区',
      '周末，医学院的二十名青年志愿者走进附近的社区，为老人测量血压、讲解慢性病用药常识。一位大爷拉着同学的手说，“你们讲得比说明书清楚多了”。这是医学院青年志愿服务队连续第三年走进这个社区。', 16),
  ];
  // 医学院 last published 16 days ago: the next scheduler tick reminds its admin (青年视角 every two weeks).
  const publishing: UnitPublishingRecord[] = [
    { _id: 'c-cs', lastArticleAt: now - 3 * DAY, since: now - 30 * DAY, remindedFor: null },
    { _id: 'c-med', lastArticleAt: now - 16 * DAY, since: now - 30 * DAY, remindedFor: null },
  ];
  const topics: TopicRecord[] = [
    {
      _id: 'tp-demo-campus',
      unitId: 'u-school',
      title: '我心中的理想校园',
      description: '图书馆、食堂、宿舍、自习室……你希望学校在哪些地方做出改变？说出你的想法，校团委会整理后转给相关部门。',
      state: 'open',
      pinned: true,
      hidden: false,
      hiddenReason: null,
      postCount: 3,
      createdAt: now - 4 * DAY,
      createdByOpenid: 'dev-coordinator',
      createdByName: name('dev-coordinator'),
      requestHash: null,
    },
  ];
  const post = (id: string, author: string, content: string, hoursAgo: number, anonymous = false, comments: TopicPostRecord['comments'] = []): TopicPostRecord => ({
    _id: id,
    topicId: 'tp-demo-campus',
    authorOpenid: author,
    authorName: name(author),
    anonymous,
    content,
    createdAt: now - hoursAgo * HOUR_MS,
    moderation: PUBLISHED,
    likeCount: 0,
    commentCount: comments.length,
    comments,
    requestHash: null,
  });
  const comment = (id: string, author: string, content: string, hoursAgo: number) => ({ id, authorOpenid: author, authorName: name(author), anonymous: false, content, createdAt: now - hoursAgo * HOUR_MS, moderation: PUBLISHED });
  const posts: TopicPostRecord[] = [
    post('tpp-demo-1', 'dev-student-zhang', '希望图书馆考试周能24小时开放，至少开一层自习区。', 60, false, [comment('tpc-demo-1', 'dev-student-li', '同意！期末周座位太难抢了。', 50)]),
    post('tpp-demo-2', 'dev-student-chen', '宿舍楼能不能装几台洗衣机烘干一体机？南方的冬天衣服总是晾不干。', 30, true),
    post('tpp-demo-3', 'dev-student-zhao', '机械楼到食堂太远了，希望中午能加一趟校园巴士。', 8),
  ];
  return { activities, articles, publishing, topics, posts, linked: careerQuestions.map((q) => ({ id: q._id, activityId: 'act-demo-career' })) };
}
