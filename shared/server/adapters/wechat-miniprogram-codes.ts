import type { MiniProgramCodeRequest, MiniProgramCodeResult, MiniProgramCodes } from '../ports/miniprogram-codes';
import { wechatOpenApi } from './wechat-openapi';

/**
 * wxacode.getUnlimited through wx-server-sdk's cloud.openapi (the cloud call
 * needs `wxacode.getUnlimited` in the api function's config.json, applied by a
 * WeChat DevTools upload: docs/decisions/0008). wx-server-sdk answers
 * `{errCode: 0, contentType, buffer}` and throws a CloudSDKError otherwise
 * (41030: the page is not in the published version; -604101: no permission).
 */
interface WxacodeApi {
  wxacode: {
    getUnlimited(args: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string; contentType?: string; buffer?: Buffer } | undefined>;
  };
}

export const WXACODE_PERMISSION = 'wxacode.getUnlimited';

export class WechatMiniProgramCodes implements MiniProgramCodes {
  private openapi: WxacodeApi | null;

  constructor(
    openapi?: WxacodeApi,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.openapi = openapi ?? null;
  }

  private api(): WxacodeApi {
    return this.openapi ?? wechatOpenApi<WxacodeApi>();
  }

  async getUnlimited(request: MiniProgramCodeRequest): Promise<MiniProgramCodeResult> {
    try {
      const res = await this.api().wxacode.getUnlimited({
        scene: request.scene,
        page: request.page,
        checkPath: request.checkPath,
        envVersion: request.envVersion,
        width: request.width,
      });
      const errCode = typeof res?.errCode === 'number' ? res.errCode : 0;
      if (errCode === 0 && res?.buffer && res.buffer.length > 0) return { ok: true, contentType: res.contentType ?? 'image/jpeg', image: Buffer.from(res.buffer) };
      return this.failed(errCode === 0 ? -1 : errCode, res?.errMsg ?? 'wxacode.getUnlimited answered without an image');
    } catch (err) {
      const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
      const errmsg = typeof e?.errMsg === 'string' ? e.errMsg : typeof e?.message === 'string' ? e.message : String(err);
      return this.failed(typeof e?.errCode === 'number' && e.errCode !== 0 ? e.errCode : -1, errmsg);
    }
  }

  private failed(errcode: number, errmsg: string): MiniProgramCodeResult {
    this.log(`[qnzs] ${WXACODE_PERMISSION} failed (${errcode} ${errmsg})`);
    return { ok: false, errcode, errmsg };
  }
}
