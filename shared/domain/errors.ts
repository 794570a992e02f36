/**
 * Stable, namespaced error codes. The client switches on `code`; `message` is the
 * Chinese text a student or teacher reads. Add codes, never rename them.
 */
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '提交的内容不符合要求',
  'ACTION.UNKNOWN': '不支持的操作',
  'AUTH.REQUIRED': '请先在微信中登录',
  'AUTH.FORBIDDEN': '你没有权限进行此操作',
  'QUESTION.NOT_FOUND': '问题不存在或已被删除',
  'QUESTION.STATE_CONFLICT': '问题状态已变化，请刷新后再试',
  'CATALOG.UNKNOWN_COLLEGE': '所选学院不存在',
  'CATALOG.UNKNOWN_CATEGORY': '所选问题类别不存在',
  'CATALOG.UNKNOWN_UNIT': '目标单位不存在',
  'RATE.LIMITED': '操作太频繁，请稍后再试',
  'PHONE.CODE_INVALID': '手机号授权已失效，请重新点击绑定',
  'CONTENT.REFUSED': '内容包含不适宜发布的信息，请修改后再提交',
  'REQUEST.KEY_REUSED': '这个请求编号已用于另一项不同的操作，请刷新页面后重新提交',
  'REPORT.NOT_FOUND': '这份双周报不存在',
  'REPORT.CONFLICT': '双周报刚被其他人修改或已提交，请刷新后再试',
  'INVITE.INVALID': '邀请码无效，请核对后重新输入或扫描',
  'INVITE.EXPIRED': '邀请已过期，请联系邀请你的管理员重新邀请',
  'INVITE.USED_UP': '这个邀请已被使用，请联系邀请你的管理员重新邀请',
  'INVITE.REVOKED': '这个邀请已被管理员撤销',
  'PERSON.NOT_FOUND': '名册中没有这个人',
  'CATALOG.STALE': '单位或类别刚刚被其他管理员修改，请刷新后再保存',
  'ENTRY.CODE_FAILED': '小程序码生成失败，请稍后再试',
  // ── issue 11 (boards; community in slice 1) ──
  'ACTIVITY.NOT_FOUND': '活动不存在或已取消',
  'ACTIVITY.SIGNUP_CLOSED': '报名已截止',
  'ACTIVITY.NOT_SIGNED_UP': '你没有报名这个活动',
  'ACTIVITY.CHECKIN_CLOSED': '现在不在签到时间内',
  'ACTIVITY.CHECKIN_CODE_WRONG': '签到码不正确，请核对组织者展示的签到码',
  'ARTICLE.NOT_FOUND': '文章不存在或已撤下',
  'FILE.NOT_FOUND': '图片不存在，请重新上传',
  'FILE.TOO_LARGE': '图片不能超过 2 MB，请压缩后再上传',
  'FILE.TYPE': '只能上传 JPG、PNG、WebP 或 GIF 格式的图片',
  'TOPIC.NOT_FOUND': '话题不存在或已隐藏',
  'TOPIC.CLOSED': '话题已关闭，不能再发言',
  'TOPIC.POST_NOT_FOUND': '发言不存在或已隐藏',
  'TOPIC.COMMENTS_FULL': '这条发言的评论已满',
  'REACTION.NOT_ALLOWED': '私密问题或你自己的内容不能同问、关注或点赞',
  'ANSWER.NOT_FOUND': '答复不存在或已被删除',
  'EXPERT.NOT_FOUND': '没有这位专家',
  'EXPERT.NOT_ELIGIBLE': '这位专家不负责该类问题，请从推荐的专家中选择',
  // ── end issue 11 ──
  'INTERNAL': '服务暂时不可用，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}
