/**
 * The campus words students write in several ways, each group rewritten to one
 * canonical phrase before tokenising, so that "cet4", "英语四级" and "四级" are
 * the same words to the index and the query alike.
 *
 * What belongs here: abbreviations and slang (国奖, 导员, 素拓, 推免), the
 * official name and the everyday one (一卡通 / 校园卡, 寝室 / 宿舍), English
 * abbreviations (GPA, CET, NCRE), umbrella terms that stand for their parts
 * (奖助勤贷), a few pinyin-input slips common enough to be vocabulary (登陆 for
 * 登录, 保修 for 报修), and the ways of asking "when / where / how" (什么时候 /
 * 几号 → 时间). What does not: words that only look alike but are different
 * needs (补考 is not 重修, 挂失 is not 补办, 报名 is not 申请), and reorderings
 * (character terms do not see order: 借用场地 and 场地借用 already match).
 *
 * Aliases are written normalised (simplified, lower case, no punctuation or
 * spaces): tests/unit/search-text.test.ts checks that, and that no alias sits
 * in two groups. A Latin alias matches whole words only ("cet" is not found in
 * "facet").
 */
export interface AliasGroup {
  canonical: string;
  aliases: string[];
}

export const CAMPUS_ALIASES: AliasGroup[] = [
  // Exams and certificates
  { canonical: '四级', aliases: ['cet4', '英语四级', '大学英语四级', '四级英语'] },
  { canonical: '六级', aliases: ['cet6', '英语六级', '大学英语六级', '六级英语'] },
  { canonical: '四六级', aliases: ['cet', '英语四六级', '大学英语四六级', '英语等级考试'] },
  { canonical: '计算机二级', aliases: ['ncre二级', '计算机等级考试二级', '国二'] },
  { canonical: '计算机等级考试', aliases: ['ncre', '计算机等考'] },
  { canonical: '普通话测试', aliases: ['普通话水平测试', '普通话考试', '普测'] },
  { canonical: '教师资格证', aliases: ['教资', '教师资格考试'] },
  { canonical: '补考', aliases: ['重考'] },
  { canonical: '缓考', aliases: ['延期考试', '推迟考试', '缓期考试', '考试延期'] },
  { canonical: '成绩复核', aliases: ['成绩复查', '成绩覆核', '查卷', '试卷复查'] },
  { canonical: '挂科', aliases: ['不及格', '挂了科'] },
  { canonical: '期末考试', aliases: ['期末考'] },

  // Courses, grades and records
  { canonical: '绩点', aliases: ['gpa', '平均学分绩点', '学分绩点', '平均绩点'] },
  { canonical: '教务系统', aliases: ['教务网', '教务处网站', '教务管理系统', '教务在线', '教务平台', '教务官网', 'jwc'] },
  { canonical: '选课', aliases: ['抢课'] },
  { canonical: '退课', aliases: ['退选'] },
  { canonical: '课表', aliases: ['课程表'] },
  { canonical: '转专业', aliases: ['换专业', '转系'] },
  { canonical: '辅修', aliases: ['第二专业', '双学位'] },
  { canonical: '在读证明', aliases: ['在校证明', '在学证明'] },
  { canonical: '学业预警', aliases: ['学业警示', '学籍预警'] },
  { canonical: '毕业论文', aliases: ['毕设', '毕业设计'] },
  { canonical: '查重', aliases: ['重复率', '知网查重', '论文检测'] },
  { canonical: '第二课堂', aliases: ['二课', '素拓', '素质拓展'] },
  { canonical: '保研', aliases: ['推免', '推荐免试', '推研'] },
  { canonical: '考研', aliases: ['研究生考试', '研究生入学考试', '硕士研究生考试', '考研究生'] },
  { canonical: '出国交换', aliases: ['国外交流', '出国交流', '海外交换', '交换生'] },

  // Aid: 奖助勤贷
  { canonical: '奖学金助学金勤工助学助学贷款', aliases: ['奖助勤贷'] },
  { canonical: '奖学金助学金', aliases: ['奖助学金'] },
  { canonical: '国家奖学金', aliases: ['国奖'] },
  { canonical: '国家励志奖学金', aliases: ['国励', '励志奖学金'] },
  { canonical: '国家助学金', aliases: ['国助'] },
  { canonical: '助学贷款', aliases: ['助贷', '生源地贷款', '生源地信用助学贷款', '校园地贷款'] },
  { canonical: '勤工助学', aliases: ['勤工俭学', '勤工岗'] },
  { canonical: '家庭经济困难', aliases: ['贫困生', '家庭困难', '经济困难', '困难生'] },
  { canonical: '资助', aliases: ['帮扶', '资助政策'] },

  // Everyday life
  { canonical: '宿舍', aliases: ['寝室', '宿舍楼', '学生公寓'] },
  { canonical: '室友', aliases: ['舍友'] },
  { canonical: '宿管', aliases: ['宿管阿姨', '楼管', '宿舍管理员'] },
  { canonical: '报修', aliases: ['维修', '保修', '修理'] },
  { canonical: '校园卡', aliases: ['一卡通', '饭卡', '校卡', '餐卡', '学生卡'] },
  { canonical: '充值', aliases: ['充钱', '圈存', '储值', '充卡'] },
  { canonical: '校园网', aliases: ['wifi', '无线网', '宽带', '校园无线'] },
  { canonical: '食堂', aliases: ['饭堂', '餐厅'] },
  { canonical: '快递', aliases: ['快递站', '菜鸟驿站', '驿站', '快递点'] },
  { canonical: '医保', aliases: ['医疗保险', '大学生医保', '学生医保'] },
  { canonical: '校医院', aliases: ['校医室', '医务室', '校医务室'] },
  { canonical: '电动车', aliases: ['电瓶车', '电驴'] },
  { canonical: '请假', aliases: ['假条', '请假条'] },
  { canonical: '辅导员', aliases: ['导员', '辅导老师'] },
  { canonical: '心理咨询', aliases: ['心理辅导', '心理咨询中心', '心理中心', '心理健康中心', '心理老师', '心理疏导'] },
  { canonical: '体测', aliases: ['体质测试', '体质健康测试', '体能测试', '体质测评'] },
  { canonical: '图书馆', aliases: ['图书室'] },
  { canonical: '丢失', aliases: ['丢了', '弄丢', '遗失', '搞丢', '掉了'] },
  { canonical: '捡到', aliases: ['拾到', '捡了'] },
  { canonical: '诈骗', aliases: ['电信诈骗', '网络诈骗', '电诈', '网诈', '被骗', '骗子'] },
  { canonical: '参军', aliases: ['入伍', '当兵', '征兵', '服兵役'] },

  // League and party
  { canonical: '入团', aliases: ['加入共青团', '申请入团', '加入团组织'] },
  { canonical: '团员', aliases: ['共青团员'] },
  { canonical: '团组织关系', aliases: ['团关系', '团籍', '团员关系'] },
  { canonical: '推优', aliases: ['推荐优秀团员'] },
  { canonical: '入党', aliases: ['加入中国共产党', '申请入党'] },
  { canonical: '党员', aliases: ['共产党员', '中共党员'] },
  { canonical: '志愿时长', aliases: ['志愿服务时长', '志愿者时长', '志愿时数', '志愿工时'] },
  { canonical: '招聘会', aliases: ['双选会', '宣讲会', '校招'] },
  { canonical: '三方协议', aliases: ['三方', '就业协议书', '就业协议'] },

  // Accounts and common slips
  { canonical: '登录', aliases: ['登陆'] },
  { canonical: '账号', aliases: ['帐号', '账户', '帐户'] },
  { canonical: '微信', aliases: ['vx', 'wx'] },
  { canonical: '截止', aliases: ['截至', 'ddl'] },

  // Ways of asking
  { canonical: '时间', aliases: ['什么时候', '啥时候', '几号', '哪天', '几点', '何时', '时候'] },
  { canonical: '地点', aliases: ['在哪里', '在哪儿', '在哪', '去哪里', '去哪', '哪里', '什么地方', '在那里'] },
];

/**
 * Words that only make a sentence a question (请问, 怎么, 吗) or point at the
 * asker (我, 大家): every question has some, so they say nothing about which
 * need it is, yet in a young corpus of a few hundred questions their rarity
 * would let a short title like "绩点怎么算" win on "怎么" alone. Dropped before
 * tokenising, on both sides.
 */
export const FILLER_WORDS: string[] = [
  '请问', '请教', '问一下', '想问', '想知道', '一下',
  '怎么办', '怎么样', '怎么', '如何', '怎样', '咋', '为什么', '什么', '啥', '甚么', '谁', '哪个',
  '是不是', '有没有', '能不能', '可不可以', '可以', '能否', '是否',
  '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '了', '的',
  '我们', '我', '你们', '你', '大家', '这个', '那个',
];
