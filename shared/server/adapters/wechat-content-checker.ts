import type { Verdict } from '../../domain/moderation';
import type { ContentCheck, ContentChecker, ContentScene } from '../ports/content-checker';
import { wechatOpenApi } from './wechat-openapi';

/**
 * WeChat's content security check (security.msgSecCheck, version 2) through
 * the cloud's open-API layer: the author's openid, the forum scene (3), the
 * text. The verdict is `result.suggest` (pass / review / risky) and the
 * category `result.label` (a number: 100 normal, 10001 ads, 20001 politics,
 * 20002 porn, 20003 abuse, 20006 illegal, 20008 fraud, 20012 vulgar, 20013
 * copyright, 21000 other).
 *
 * The function needs the permission security.msgSecCheck (config.json →
 * permissions.openapi, applied when uploaded from WeChat DevTools; see
 * docs/decisions/0008). When the check cannot be made (no permission, WeChat
 * unreachable), the text is held for a moderator (`review`): the student's
 * question still reaches its unit, and nothing unchecked is published.
 * The API takes at most 2 500 characters; longer text is checked in pieces.
 */
interface SecCheckResult {
  errCode?: number;
  errMsg?: string;
  result?: { suggest?: string; label?: number | string };
}

interface SecurityApi {
  security: { msgSecCheck(args: Record<string, unknown>): Promise<SecCheckResult> };
}

const FORUM_SCENE = 3;
const MAX_CHARS = 2500;
const LABELS: Record<string, string> = {
  '10001': '广告',
  '20001': '时政',
  '20002': '色情',
  '20003': '辱骂',
  '20006': '违法犯罪',
  '20008': '欺诈',
  '20012': '低俗',
  '20013': '版权',
  '21000': '其他',
};

function pieces(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += MAX_CHARS) out.push(chars.slice(i, i + MAX_CHARS).join(''));
  return out.length > 0 ? out : [''];
}

export class WechatContentChecker implements ContentChecker {
  private openapi: SecurityApi | null = null;

  constructor(
    private readonly log: (line: string) => void = (line) => console.error(line),
    openapi?: SecurityApi,
  ) {
    this.openapi = openapi ?? null;
  }

  private api(): SecurityApi {
    return this.openapi ?? wechatOpenApi<SecurityApi>();
  }

  async check(text: string, context: { openid: string; scene: ContentScene }): Promise<ContentCheck> {
    let worst: ContentCheck = { verdict: 'pass', label: null };
    for (const content of pieces(text)) {
      let answer: SecCheckResult;
      try {
        answer = await this.api().security.msgSecCheck({ openid: context.openid, scene: FORUM_SCENE, version: 2, content });
      } catch (err) {
        answer = err && typeof err === 'object' ? (err as SecCheckResult) : { errCode: -1, errMsg: String(err) };
      }
      if (answer.errCode !== undefined && answer.errCode !== 0) {
        this.log(`[qnzs] security.msgSecCheck failed (${answer.errCode} ${answer.errMsg ?? ''}): held for a moderator`);
        return { verdict: 'review', label: '内容安全检查暂不可用' };
      }
      const suggest = answer.result?.suggest;
      const verdict: Verdict = suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass';
      if (verdict !== 'pass') {
        const label = `微信内容安全：${LABELS[String(answer.result?.label)] ?? String(answer.result?.label ?? '')}`;
        if (verdict === 'risky') return { verdict, label };
        worst = { verdict, label };
      }
    }
    return worst;
  }
}
