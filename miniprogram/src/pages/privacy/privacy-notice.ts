import { DEFAULT_REPORT_THRESHOLD } from '@shared/domain/moderation';
import { DEFAULT_RETENTION_DAYS } from '@shared/domain/privacy';

/**
 * The privacy notice, section by section: what is collected and why, who sees
 * what, the content check, the crisis lane, how long things are kept, the
 * person's rights. Written for a student; the figures are the platform's
 * defaults (a school may change the retention period and the report threshold).
 */
export interface NoticeItem {
  /** The thing, in bold. */
  term?: string;
  text: string;
}
export interface NoticeSection {
  id: string;
  title: string;
  items: NoticeItem[];
}

const RETENTION_YEARS = Math.round(DEFAULT_RETENTION_DAYS / 365);

export const PRIVACY_UPDATED = '2026年3月';

export const PRIVACY_INTRO =
  '「青年之声」是校团委为同学们开设的提问和答复平台。这里用大白话说明：我们收集哪些信息、为什么收集、谁能看到、保存多久，以及你可以怎样查看、导出和删除自己的数据。';

export const PRIVACY_SECTIONS: NoticeSection[] = [
  {
    id: 'collect',
    title: '我们收集哪些信息，为什么',
    items: [
      { term: '微信身份标识（openid）', text: '小程序在微信里的登录标识，用来确认是你在提问、查看和评价自己的问题。我们不获取你的微信昵称、头像、好友或聊天记录。' },
      { term: '花名册信息', text: '学校提供的姓名、学院和角色（同学、答复老师、管理人员），用来把问题转给负责的单位，让老师知道该联系谁。' },
      { term: '你提交的内容', text: '提问（标题、描述、类别，以及是否匿名、紧急、仅自己可见）、答复、评价和补充说明、重新打开的理由、举报的理由。用来答复和办理你的问题。' },
      { term: '发给你的消息', text: '答复提醒、办理进展等订阅消息的记录，以及你还能接收几次提醒。用来在有进展时通知你。' },
      { term: '提问时间', text: '你最近几次提问的时间，只用来限制提问频率，防止刷屏。' },
      { term: '老师的手机号', text: '只有答复老师和管理人员需要，通过微信的手机号按钮、经本人同意绑定；提醒没有送达时，管理员用它联系老师。同学不会被要求提供手机号。' },
    ],
  },
  {
    id: 'who-sees',
    title: '谁能看到什么',
    items: [
      { term: '公开问题', text: '所有人都能看到问题、官方答复、处理公告和负责单位。' },
      { term: '匿名提问', text: '其他同学看不到你的姓名和学院；负责处理的老师能看到，以便联系和帮助你。负责答复的单位始终公开显示，因为它要对答复负责。' },
      { term: '仅自己可见', text: '问题只有你和处理它的老师能看到，不出现在首页。' },
      { term: '处理老师', text: '负责单位的答复老师和单位管理员，以及协管、主管老师和工作小组组长，能看到提问人的姓名、学院和完整的处理记录，包括不公开的办理备注。' },
      { term: '只给你和老师看的内容', text: '评价的补充说明、重新打开的理由，只有你和处理老师能看到。' },
      { term: '管理员', text: '工作小组组长能查看审核等管理操作的日志；老师的手机号只在「提醒送达情况」里完整显示给管理员。' },
    ],
  },
  {
    id: 'moderation',
    title: '内容审核和举报',
    items: [
      { text: '公开的内容在发布前会经过学校的敏感词表和微信内容安全检测。明显违规的内容（如诈骗、代考）会被拦下，请修改后再提交；疑似不适合公开的内容（如广告引流）照常送到负责单位答复，经协管或管理员审核通过后才公开。' },
      { text: `任何同学都可以举报公开的内容。被 ${DEFAULT_REPORT_THRESHOLD} 位不同的同学举报后，内容会暂时隐藏，等待管理员审核。被举报人不会知道是谁举报的。` },
    ],
  },
  {
    id: 'crisis',
    title: '如果你正处在困难中',
    items: [
      { text: '如果问题里流露出伤害自己或他人的想法，它不会公开，会立即、私下转给学校负责心理援助的老师，老师会尽快主动联系你；页面上会马上显示可以拨打的心理援助热线。' },
      { text: '发给老师的提醒里不包含你写的内容，只说明有一位同学需要及时关心。' },
    ],
  },
  {
    id: 'retention',
    title: '保存多久',
    items: [
      { text: `问题办结关闭后，相关个人信息保存 ${DEFAULT_RETENTION_DAYS} 天（约 ${RETENTION_YEARS} 个学年，方便重新打开和年度考核）。期满后自动删除提问人的身份、提问人写给老师的评价说明和重新打开理由，以及老师的内部办理备注；问题本身、公开的答复和处理公告匿名保留，用于统计。` },
      { text: '注销账号后，上述删除立即进行，不必等到期满。' },
    ],
  },
  {
    id: 'rights',
    title: '你的权利',
    items: [
      { term: '查看和导出', text: '「我的 → 账号与数据 → 导出我的数据」会生成一个 JSON 文件，包含平台保存的关于你的全部数据。' },
      { term: '注销账号', text: '「我的 → 账号与数据 → 注销账号」。注销后你的提问匿名保留（显示为「已注销用户」），你的身份、订阅、举报和提问记录立即删除，无法恢复。' },
      { term: '更正', text: '姓名、学院等花名册信息有误，请联系所在学院团委更正。' },
    ],
  },
  {
    id: 'contact',
    title: '联系我们',
    items: [
      { text: '对个人信息的处理有疑问或投诉，可以在「我要提问」中选择「权益」类别向校团委反映（可以匿名、可以设为仅自己可见），也可以直接到校团委办公室咨询。' },
    ],
  },
];
