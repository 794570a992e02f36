/**
 * The capability of making a mini-program code image (wxacode.getUnlimited):
 * WeChat's open API in the cloud (through wx-server-sdk's cloud.openapi), a
 * drawn placeholder under the local cloud, which cannot call WeChat.
 */
export interface MiniProgramCodeRequest {
  /** At most 32 visible characters (shared/domain/entry-scene.ts). */
  scene: string;
  /** A page of the published mini-program, without a leading slash or a query. */
  page: string;
  /** release | trial | develop: which version the code opens. */
  envVersion: 'release' | 'trial' | 'develop';
  /** WeChat checks the page exists in the published version (only meaningful for release). */
  checkPath: boolean;
  /** 280–1280 px. */
  width: number;
}

export type MiniProgramCodeResult = { ok: true; contentType: string; image: Buffer } | { ok: false; errcode: number; errmsg: string };

export interface MiniProgramCodes {
  getUnlimited(request: MiniProgramCodeRequest): Promise<MiniProgramCodeResult>;
}
