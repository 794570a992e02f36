import type { PhoneNumbers } from '../ports/phone-numbers';
import { wechatOpenApi } from './wechat-openapi';

interface PhoneApi {
  phonenumber: {
    getPhoneNumber(args: { code: string; openid?: string }): Promise<{ errCode?: number; errMsg?: string; phoneInfo?: { purePhoneNumber?: string; phoneNumber?: string } }>;
  };
}

/**
 * WeChat's phone-number API (phonenumber.getPhoneNumber) through wx-server-sdk.
 * Needs the permission phonenumber.getPhoneNumber in the api function's
 * config.json (applied by a WeChat DevTools upload, docs/decisions/0008).
 * A code is single-use and valid for 5 minutes; WeChat answers an invalid one
 * with errCode 40029, which we report as "ask again", never as a server fault.
 */
export class WechatPhoneNumbers implements PhoneNumbers {
  private openapi: PhoneApi | null;

  constructor(
    openapi?: PhoneApi,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.openapi = openapi ?? null;
  }

  private api(): PhoneApi {
    return this.openapi ?? wechatOpenApi<PhoneApi>();
  }

  async fromCode(code: string, openid: string): Promise<string | null> {
    let answer: Awaited<ReturnType<PhoneApi['phonenumber']['getPhoneNumber']>>;
    try {
      answer = await this.api().phonenumber.getPhoneNumber({ code, openid });
    } catch (err) {
      answer = err && typeof err === 'object' ? (err as typeof answer) : { errCode: -1, errMsg: String(err) };
    }
    const phone = answer.phoneInfo?.purePhoneNumber ?? answer.phoneInfo?.phoneNumber;
    if ((answer.errCode === undefined || answer.errCode === 0) && phone) return phone;
    if (answer.errCode !== 40029) this.log(`[qnzs] phonenumber.getPhoneNumber failed (${answer.errCode} ${answer.errMsg ?? ''})`);
    return null;
  }
}

/** The local cloud has no WeChat: the H5 build's stand-in button sends `dev-<11 digits>`. */
export const localPhoneNumbers: PhoneNumbers = {
  async fromCode(code) {
    const m = /^dev-(1\d{10})$/.exec(code);
    return m ? m[1]! : null;
  },
};
