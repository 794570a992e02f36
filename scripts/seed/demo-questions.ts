/**
 * Realistic questions for the demo, most answered. Times are hours before "now"
 * when seeding, so the demo always looks current. The unit each one reaches is
 * decided by the real routing rule at seed time.
 */
export interface DemoQuestion {
  asker: string;
  collegeId: string;
  categoryId: string;
  title: string;
  content: string;
  askedHoursAgo: number;
  anonymous?: boolean;
  urgent?: boolean;
  visibility?: 'public' | 'private';
  /** The official answer: who gives it and how many hours after asking. */
  answer?: { by: string; afterHours: number; content: string };
  /** Further replies after the official one. */
  followUps?: { by: string; afterHours: number; content: string }[];
  /** 办: offline handling after the answer, its progress and resolution (hours after asking). */
  handling?: { afterHours: number; note: string; progress?: { afterHours: number; note: string }[]; resolved?: { afterHours: number; note: string } };
  /** For an emergency once resolved: the public notice of how it was handled. */
  notice?: { afterHours: number; text: string };
  /** The asker's rating (hours after asking). */
  rating?: { afterHours: number; satisfied: boolean; comment: string };
  /** Held by the content check for a moderator (what it matched). */
  held?: string;
  /** Words that signal a student in crisis: the crisis lane (private, urgent, to the counselling unit). */
  crisis?: true;
  /**
   * Asked this many hours before the current half month began (instead of
   * `askedHoursAgo`): the repeats the half-monthly grouping finds for the
   * coordinator whatever day the demo is seeded.
   */
  askedHoursBeforeHalfMonth?: number;
  /** 案例报送: marked as a typical case by a handler, this many hours after asking. */
  typicalCase?: { kind: 'online' | 'offline'; by: string; afterHours: number; writeUp: string };
}

export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-study', askedHoursAgo: 200,
    title: '大二想转到软件工程专业，需要满足什么条件？',
    content: '我现在是计算机学院网络工程专业大一下学期，想在大二转到软件工程，请问学院对绩点和已修课程有什么要求？需要参加面试吗？',
    answer: { by: 'dev-cs-expert', afterHours: 5, content: '学院内部专业调整每年5月开放申请，要求必修课平均绩点不低于3.0、无不及格记录，并需参加学院组织的面试（主要考察编程基础）。建议先修完《数据结构》，具体以教务通知为准，有问题可以到学院教学办（信息楼302）咨询。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-aid', askedHoursAgo: 190,
    title: '国家助学金的家庭经济困难认定什么时候开始？',
    content: '去年家里情况有变化，今年想申请家庭经济困难认定，请问什么时候开始、需要准备哪些材料？',
    rating: { afterHours: 30, satisfied: true, comment: '清楚了，谢谢' },
    answer: { by: 'dev-student-affairs', afterHours: 3, content: '困难认定每年9月中旬开始，通过“学工系统—资助管理”在线提交，需要准备《家庭经济困难学生认定申请表》以及能说明家庭变故的佐证材料（如医院诊断证明、失业证明等）。辅导员会组织班级评议，信息严格保密。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-dorm', askedHoursAgo: 170,
    title: '宿舍热水器坏了三天还没修',
    content: '12号楼502宿舍的热水器从周一开始就不出热水了，报修系统显示已受理但一直没人来，天气转凉了很不方便。',
    answer: { by: 'dev-logistics', afterHours: 2, content: '非常抱歉给你带来不便！已联系12号楼维修班组，今天下午4点前上门更换加热管。以后报修超过48小时未处理可直接拨打后勤服务热线 6688-1234，我们会督办。' },
    followUps: [{ by: 'dev-logistics', afterHours: 8, content: '维修师傅反馈已更换完毕，请同学确认是否恢复正常。' }],
    handling: { afterHours: 2.5, note: '已派12号楼维修班组上门', resolved: { afterHours: 7.5, note: '已更换加热管，热水恢复正常' } },
    rating: { afterHours: 10, satisfied: true, comment: '修得很快，谢谢老师！' },
    typicalCase: { kind: 'offline', by: 'dev-logistics', afterHours: 12, writeUp: '报修超时未处理，线上答复后当天派维修班组上门更换加热管，并公布后勤热线作为超时报修的督办渠道。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-league', askedHoursAgo: 160,
    title: '团组织关系怎么从高中转到大学？',
    content: '入学时忘记转团组织关系了，现在智慧团建上还显示在原来的高中，请问要怎么操作？',
    answer: { by: 'dev-me-league', afterHours: 6, content: '登录“智慧团建”，在“组织关系转接”中申请转入“机械工程学院团委—你所在班级团支部”，原高中团组织审核后再由学院审核即可。如原高中长时间不审核，可以联系学院团委办公室（工科楼A201）协助处理。' },
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-career', askedHoursAgo: 150,
    title: '暑期实习需要学院开实习证明吗？',
    content: '拿到了一家互联网公司的暑期实习offer，公司要求提供学校出具的实习证明和三方协议，请问去哪里办理？',
    answer: { by: 'dev-cs-expert', afterHours: 4, content: '实习证明在学院学生工作办公室开具，带上学生证和录用通知即可，当天可取。暑期实习不需要签三方协议，三方协议是毕业就业时才用的；如果公司需要，可以签学校统一的《学生实习协议》。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-academic', askedHoursAgo: 140,
    title: '补考和重修冲突怎么办？',
    content: '我《高等数学》需要补考，但补考时间和《微观经济学》重修课时间冲突，可以申请缓考吗？',
    answer: { by: 'dev-academic', afterHours: 7, content: '补考与重修上课冲突时，以考试为准，请提前向重修任课老师请假。如补考之间互相冲突，可在教务系统提交缓考申请，附上冲突的考试安排截图，教务处会统一安排。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-mind', askedHoursAgo: 130, anonymous: true,
    title: '最近总是失眠，焦虑考研，该怎么调整？',
    content: '备考压力很大，晚上经常一两点还睡不着，白天效率很低，不想让室友知道，有没有可以私下咨询的渠道？',
    answer: { by: 'dev-student-affairs', afterHours: 2, content: '谢谢你愿意说出来，备考阶段出现焦虑和失眠很常见。学校心理健康中心提供免费、保密的一对一咨询，可在“心理中心”公众号预约，最快次日安排。睡前一小时放下手机、固定起床时间会有帮助。如果感到难以承受，随时拨打中心24小时热线 6688-5525。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-club', askedHoursAgo: 120,
    title: '新成立的机器人社团怎么注册？',
    content: '我们几个同学想成立一个机器人社团，请问需要多少人、要找指导老师吗？注册流程是怎样的？',
    answer: { by: 'dev-union-peer', afterHours: 9, content: '新社团注册需要至少15名发起成员、一名在职教师作为指导老师，并由挂靠单位（一般是学院团委）同意。每学期第3-5周在社团联合会官网提交材料，经答辩通过后试运行一学期。欢迎来学生活动中心208找我们咨询！' },
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-safety', askedHoursAgo: 110, urgent: true,
    title: '图书馆丢了电脑包，里面有笔记本电脑',
    content: '今天下午3点左右在图书馆三楼自习区离开了十分钟，回来电脑包就不见了，里面有笔记本电脑和校园卡。',
    answer: { by: 'dev-security', afterHours: 1, content: '已接到情况，请立即到保卫处值班室（行政楼一楼）登记，我们会调取三楼监控。同时请挂失校园卡。也提醒大家贵重物品不要离身。' },
    followUps: [{ by: 'dev-security', afterHours: 20, content: '通过监控已找回电脑包，系他人误拿，请到保卫处领取。' }],
    handling: {
      afterHours: 1.2,
      note: '调取图书馆三楼监控',
      progress: [{ afterHours: 6, note: '已锁定拿走电脑包的同学，正在联系' }],
      resolved: { afterHours: 19.5, note: '电脑包系他人误拿，已找回并归还' },
    },
    notice: { afterHours: 21, text: '关于图书馆三楼电脑包遗失的处理情况：保卫处接报后调取监控，确认系其他同学误拿，已于次日找回并归还失主。提醒同学们在公共区域妥善保管贵重物品。' },
    rating: { afterHours: 22, satisfied: true, comment: '非常感谢保卫处的老师' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-league', askedHoursAgo: 100,
    title: '推优入党需要什么条件？',
    content: '我是共青团员，想申请入党，听说需要团支部推优，请问推优的条件和流程是什么？',
    answer: { by: 'dev-econ-league', afterHours: 5, content: '推优对象需为年满18周岁的团员，已向党组织递交入党申请书，团员教育评议为合格及以上。团支部每学期组织一次推优大会，经支部大会投票、学院团委审核公示后报送党组织。可以先向团支书了解本学期推优时间。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-study', askedHoursAgo: 95,
    title: '英语专业可以辅修第二学位吗？',
    content: '我对法学比较感兴趣，外国语学院的学生可以辅修法学第二学位吗？会不会影响主修？',
    answer: { by: 'dev-fl-league', afterHours: 10, content: '可以。学校每年大一下学期开放辅修报名，主修成绩排名前50%即可申请法学辅修，课程安排在周末和晚上，不与主修冲突。建议评估好精力，学院也会安排学长学姐分享经验。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-dorm', askedHoursAgo: 90,
    title: '食堂晚上能不能延长营业时间？',
    content: '工科楼实验经常做到晚上九点多，出来以后食堂都关门了，能不能有一个窗口营业到十点？',
    answer: { by: 'dev-logistics', afterHours: 12, content: '感谢建议！经与餐饮中心商议，从下周一起第二食堂一楼将开设夜宵窗口，营业到22:30，提供面食和简餐。' },
    handling: { afterHours: 13, note: '与餐饮中心协调夜宵窗口', progress: [{ afterHours: 40, note: '夜宵窗口设备已到位，下周一试运营' }] },
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-rights', askedHoursAgo: 85,
    title: '实验课要求自费购买开发板是否合理？',
    content: '《嵌入式系统》实验课要求每人自费购买一块三百多元的开发板，请问学校有没有统一借用的渠道？',
    answer: { by: 'dev-cs-league', afterHours: 8, content: '已向学院教学办反映。学院实验中心有80套开发板可供借用，本学期起该课程统一借用，不再要求自购。已购买的同学如有需要可联系班长统计，学院会协调处理。' },
    typicalCase: { kind: 'online', by: 'dev-cs-league', afterHours: 30, writeUp: '学生反映实验课要求自费购买开发板，学院团委当天协调教学办，改为实验中心统一借用，减轻学生负担。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-career', askedHoursAgo: 80,
    title: '考研还是直接工作，很纠结',
    content: '大三了，身边同学有的准备考研有的在找实习，我绩点中等，对未来方向不太确定，有什么建议吗？',
    answer: { by: 'dev-econ-expert', afterHours: 6, content: '可以先做两件事：一是到就业指导中心预约一次职业测评和咨询；二是利用寒假找一份行业实习，实际体验后再决定。考研需要明确的专业兴趣支撑，不建议只为逃避就业而考。学院每月有一次“生涯下午茶”，欢迎来聊。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-aid', askedHoursAgo: 75,
    title: '勤工助学岗位怎么申请？',
    content: '想找一个校内勤工助学岗位，补贴一下生活费，请问岗位在哪里发布？',
    answer: { by: 'dev-student-affairs', afterHours: 4, content: '岗位每学期初在“学工系统—勤工助学”统一发布，家庭经济困难认定的同学优先。常见岗位有图书馆助理、实验室助理和行政助理，时薪按学校标准发放。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-academic', askedHoursAgo: 70,
    title: '选课系统一直卡在加载，选不上课',
    content: '今天中午12点开放选课，系统一直转圈，等进去课都满了，请问还有补选吗？',
    answer: { by: 'dev-academic', afterHours: 3, content: '今天选课高峰期系统负载过高，给大家添麻烦了。补退选将于下周一8:00开放，届时会增加部分课程容量。必修课如未选上，教务处会统一安排，不会影响培养计划。' },
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-other', askedHoursAgo: 65,
    title: '校园网晚上特别卡，能改善吗？',
    content: '宿舍区晚上十点以后网速很慢，上网课和查资料都受影响。',
    answer: { by: 'dev-cs-peer', afterHours: 7, content: '已帮你把问题反映给学校网络中心。他们回复宿舍区出口带宽本月底扩容一倍；如果是个别宿舍特别慢，可以在网络中心公众号报修，附上测速截图。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-club', askedHoursAgo: 60,
    title: '社团活动借用学术报告厅要提前多久？',
    content: '我们辩论社想在下个月举办校际辩论赛，需要借用学术报告厅，请问要提前多久申请？',
    answer: { by: 'dev-union-peer', afterHours: 5, content: '学术报告厅需提前10个工作日在“场地预约”系统申请，并附活动方案和安全预案，由校团委审批。校际活动还需要报备外校来访人员名单。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-league', askedHoursAgo: 55,
    title: '团费每年交多少，怎么交？',
    content: '新学期团支书说要交团费，请问标准是多少，可以线上交吗？',
    answer: { by: 'dev-fl-league', afterHours: 4, content: '学生团员团费标准为每月0.2元，一般按学年一次性收取2.4元。可通过“智慧团建”小程序在线交纳，也可以交给团支书统一上缴。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-safety', askedHoursAgo: 50,
    title: '接到自称辅导员的电话让转账，是诈骗吗？',
    content: '有人打电话说是我辅导员，说班费不够让我先垫付500元转到一个账户，声音不太像，我没转。',
    answer: { by: 'dev-security', afterHours: 1, content: '你做得非常对，这是典型的冒充熟人诈骗！辅导员不会通过电话要求转账。请把来电号码告诉保卫处，我们会报警备案。遇到可疑情况可拨打保卫处24小时电话 6688-1110。' },
    typicalCase: { kind: 'online', by: 'dev-security', afterHours: 3, writeUp: '冒充辅导员电话诈骗：保卫处一小时内答复并报警备案，答复作为防诈骗提醒在各学院转发。' },
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-league', askedHoursAgo: 45,
    title: '团员教育评议什么时候开始？',
    content: '团支书说要准备团员教育评议，请问评议的内容有哪些？需要写个人总结吗？',
    answer: { by: 'dev-cs-league', afterHours: 3, content: '本学年团员教育评议在12月上旬进行，需要提交一份800字左右的个人总结，内容包括思想学习、志愿服务、团组织生活参与情况，由团支部大会民主评议。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-study', askedHoursAgo: 40,
    title: '计量经济学听不懂，有没有辅导？',
    content: '这学期计量经济学难度很大，课后作业完全不会做，学院有没有答疑或者学业辅导？',
    answer: { by: 'dev-econ-expert', afterHours: 5, content: '学院每周三晚7点在经管楼203有计量经济学答疑，由助教负责；另外学业发展中心有“朋辈辅导”，可以预约高年级同学一对一辅导。期中前还会有一次习题串讲。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-rights', askedHoursAgo: 36, anonymous: true,
    title: '某门课老师经常调课，影响其他课程安排',
    content: '我们专业某门选修课老师这学期已经调课五次，经常临时通知，和其他课冲突，希望学院能关注一下。',
    answer: { by: 'dev-fl-league', afterHours: 9, content: '感谢反映，已将情况转达学院教学办，教学办已与任课老师沟通，后续调课将至少提前一周通知并征求同学意见。如再出现类似情况，欢迎继续反馈。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-career', askedHoursAgo: 30,
    title: '机械专业有哪些国企招聘信息渠道？',
    content: '想了解机械类国企的校招信息，除了学校就业网，还有什么靠谱的渠道？',
    answer: { by: 'dev-me-league', afterHours: 6, content: '推荐关注学院就业公众号（每周汇总机械类校招信息）、国资委下属企业官网“招聘”栏目以及学校秋季双选会。另外学院和多家装备制造企业有实习基地合作，可以先通过实习争取留用。' },
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-dorm', askedHoursAgo: 26,
    title: '宿舍可以使用电热水壶吗？',
    content: '天冷了想在宿舍烧点热水，请问电热水壶属于违规电器吗？',
    answer: { by: 'dev-logistics', afterHours: 4, content: '功率在1000W以下、带自动断电功能的电热水壶是允许使用的；电热毯、热得快、大功率吹风机属于违规电器。每层楼开水房24小时供应热水，也可以使用。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-mind', askedHoursAgo: 22, anonymous: true, visibility: 'private',
    title: '和室友关系很僵，不知道怎么处理',
    content: '因为作息问题和室友吵过几次，现在宿舍气氛很尴尬，每天都不想回宿舍。',
    answer: { by: 'dev-student-affairs', afterHours: 3, content: '宿舍关系紧张确实让人很难受。建议先找一个大家都平静的时间，坦诚说说彼此的作息需求，商量一份宿舍公约；如果沟通困难，可以请辅导员或心理中心的老师协助一次宿舍会谈。你的感受很重要，随时可以预约心理咨询。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-academic', askedHoursAgo: 18,
    title: '成绩单上的绩点和教务系统显示不一致',
    content: '打印的中文成绩单上绩点是3.42，但教务系统里显示3.45，申请交换项目需要用哪个？',
    answer: { by: 'dev-academic', afterHours: 5, content: '成绩单上的绩点按学校规定只计算必修和限选课程，教务系统首页显示的是全部课程的绩点。申请交换项目时请以盖章成绩单为准，如项目方另有要求，可在教务处开具绩点说明。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-study', askedHoursAgo: 14,
    title: '大学生创新创业项目怎么申报？',
    content: '想和同学一起申报大创项目，做一个智能分拣小车，请问申报时间和要求是什么？',
    answer: { by: 'dev-me-league', afterHours: 7, content: '大创项目每年3月申报，团队3-5人，需要一名指导老师。学院会在2月底开宣讲会，建议寒假就先和老师确定选题、准备申报书。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-other', askedHoursAgo: 28,
    title: '外国语学院的语音室晚上能开放吗？',
    content: '想在晚上练习口语和听力，语音室下午五点就关门了，能不能延长开放时间？',
  },
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-club', askedHoursAgo: 10,
    title: '志愿服务时长在哪里查询？',
    content: '参加了好几次校内志愿活动，但是志愿汇上的时长好像没有更新，在哪里可以查到？',
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-other', askedHoursAgo: 6,
    title: '经管楼的自习室能不能周末开放？',
    content: '期末快到了，经管楼自习室周末不开门，图书馆座位又很难抢，希望周末也能开放。',
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-study', askedHoursAgo: 3,
    title: '专四考试报名截止时间是什么时候？',
    content: '英语专业四级考试今年什么时候报名？需要在学院统一报名吗？',
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-dorm', askedHoursAgo: 1.5, urgent: true,
    title: '宿舍楼道有烧焦的味道',
    content: '7号楼三楼楼道现在有很浓的烧焦味，不确定是哪个宿舍，已经告诉宿管阿姨了。',
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-other', askedHoursAgo: 3,
    title: '二手教材转让，有需要的同学加微信',
    content: '大一高数、线代、大学物理教材都有，九成新，半价转让，有需要的同学加微信详聊。',
    held: '关键词：加微信',
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-study', askedHoursAgo: 1, anonymous: true,
    title: '最近真的撑不下去了',
    content: '考试接连挂科，和家里也说不上话，每天晚上都睡不着，感觉活着没意思，不知道该找谁说。',
    crisis: true,
  },
  // Four students lost their campus card in the last half month: the repeat the coordinator is shown.
  {
    asker: 'dev-student-zhang', collegeId: 'c-cs', categoryId: 'cat-dorm', askedHoursAgo: 0, askedHoursBeforeHalfMonth: 20,
    title: '校园卡丢了怎么补办？',
    content: '昨天在食堂把校园卡弄丢了，现在进不了宿舍也没法吃饭，请问去哪里补办，要带什么？',
    answer: { by: 'dev-logistics', afterHours: 2, content: '请先在“一卡通”公众号或自助机上挂失，再带身份证到后勤服务中心一卡通办公室（食堂二楼）补办，工本费20元，当场可取。' },
  },
  {
    asker: 'dev-student-li', collegeId: 'c-econ', categoryId: 'cat-dorm', askedHoursAgo: 0, askedHoursBeforeHalfMonth: 50,
    title: '一卡通丢失补卡流程',
    content: '一卡通找不到了，补卡需要什么手续？里面的余额还能转到新卡吗？',
    answer: { by: 'dev-logistics', afterHours: 3, content: '挂失后到一卡通办公室（食堂二楼）补卡，带身份证，工本费20元；挂失时的余额会自动转入新卡。' },
  },
  {
    asker: 'dev-student-zhao', collegeId: 'c-me', categoryId: 'cat-dorm', askedHoursAgo: 0, askedHoursBeforeHalfMonth: 90,
    title: '饭卡掉了在哪补',
    content: '饭卡掉了，在哪里可以补一张？周末能办吗？',
    answer: { by: 'dev-logistics', afterHours: 5, content: '一卡通办公室在食堂二楼，周一至周六 8:30–17:00 可以补卡，带身份证，先挂失再补办。' },
  },
  {
    asker: 'dev-student-chen', collegeId: 'c-fl', categoryId: 'cat-dorm', askedHoursAgo: 0, askedHoursBeforeHalfMonth: 140,
    title: '學生卡遺失了要怎麼補辦',
    content: '校園卡不見了，請問補辦校园卡要多久？',
    answer: { by: 'dev-logistics', afterHours: 4, content: '到食堂二楼一卡通办公室补办，当场可取，工本费20元，请先挂失。' },
  },
];

