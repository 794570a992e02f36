import Taro from '@tarojs/taro';
import { COVER_MAX_BYTES, PICTURE_MAX_BYTES } from '@shared/domain/pictures';
import { appEnv } from '../config/env';
import { ApiRequestError } from './api-error';
import { devHeaders, gatewayUrl } from './transport';

/**
 * Pictures (青年视角 covers) go to CloudBase storage; the server is given the
 * file id (`cloud://…`) and checks it exists. In WeChat that is
 * `wx.cloud.uploadFile`; against the local cloud the same two steps the SDK
 * takes (upload metadata, then a PUT of the bytes), the first through a dev
 * route of the gateway.
 */
export const IMAGE_MAX_BYTES = COVER_MAX_BYTES;
const IMAGE_TYPES: Record<string, string> = { jpg: 'jpg', jpeg: 'jpg', png: 'png' };

export const UPLOAD_MESSAGES = {
  type: '请选择 JPG 或 PNG 格式的图片',
  size: '图片不能超过 5 MB，请压缩后再上传',
  failed: '图片上传失败，请检查网络后重试',
} as const;

export interface PickedImage {
  /** A local path (WeChat) or a blob: URL (H5) to preview and upload. */
  path: string;
  size: number;
  ext: string;
}

/** Lets the person pick one picture; null when they cancelled. Throws with a clear message beyond the limits. */
export async function pickImage(): Promise<PickedImage | null> {
  let res: Taro.chooseImage.SuccessCallbackResult;
  try {
    res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return null;
  }
  const file = res.tempFiles[0] as (Taro.chooseImage.ImageFile & { type?: string; originalFileObj?: File }) | undefined;
  if (!file) return null;
  const name = file.originalFileObj?.name ?? file.path;
  const fromType = (file.type ?? file.originalFileObj?.type ?? '').split('/')[1] ?? '';
  const ext = IMAGE_TYPES[(/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? fromType).toLowerCase()];
  if (!ext) throw new Error(UPLOAD_MESSAGES.type);
  if (file.size > IMAGE_MAX_BYTES) throw new Error(UPLOAD_MESSAGES.size);
  return { path: file.path, size: file.size, ext };
}

const PICTURE_EXTENSIONS: Record<string, string> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };

export const PICTURE_MESSAGES = {
  type: '只能添加 JPG、PNG、WebP 或 GIF 格式的图片',
  size: '图片不能超过 2 MB，请压缩后再添加',
} as const;

/**
 * Pictures for a question or an answer (the server's policy, shared/domain/pictures.ts):
 * up to `count` picked at once; those beyond the limits are left out and named in `refused`.
 */
export async function pickPictures(count: number): Promise<{ images: PickedImage[]; refused: string | null }> {
  let res: Taro.chooseImage.SuccessCallbackResult;
  try {
    res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return { images: [], refused: null };
  }
  const images: PickedImage[] = [];
  let refused: string | null = null;
  for (const file of res.tempFiles.slice(0, count) as (Taro.chooseImage.ImageFile & { type?: string; originalFileObj?: File })[]) {
    const name = file.originalFileObj?.name ?? file.path;
    const fromType = (file.type ?? file.originalFileObj?.type ?? '').split('/')[1] ?? '';
    const ext = PICTURE_EXTENSIONS[(/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? fromType).toLowerCase()];
    if (!ext) refused ??= PICTURE_MESSAGES.type;
    else if (file.size > PICTURE_MAX_BYTES) refused ??= PICTURE_MESSAGES.size;
    else images.push({ path: file.path, size: file.size, ext });
  }
  return { images, refused };
}

function cloudPathFor(folder: string, ext: string): string {
  const stamp = Date.now().toString(36);
  const random = Math.random().toString(36).slice(2, 10);
  return `${folder}/${stamp}-${random}.${ext}`;
}

/** Stores the picture under `folder` and returns its file id. */
export async function uploadImage(image: PickedImage, folder: string): Promise<string> {
  const cloudPath = cloudPathFor(folder, image.ext);
  try {
    if (appEnv.transport === 'cloud') {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: image.path });
      return res.fileID;
    }
    return await uploadThroughGateway(image, cloudPath);
  } catch (cause) {
    throw new ApiRequestError('NETWORK.FAILED', UPLOAD_MESSAGES.failed, { cause });
  }
}

async function uploadThroughGateway(image: PickedImage, cloudPath: string): Promise<string> {
  const meta = await Taro.request({
    url: gatewayUrl('/__dev/storage/upload'),
    method: 'POST',
    data: { cloudPath },
    header: { 'content-type': 'application/json', ...devHeaders() },
    dataType: 'json',
  });
  const data = (meta.data as { data?: { url: string; authorization: string; fileId: string } }).data;
  if (meta.statusCode !== 200 || !data) throw new Error(`upload metadata: ${meta.statusCode}`);
  if (process.env.TARO_ENV === 'h5') {
    // The browser's own fetch sends a Blob as it is (the picked file behind its blob: URL).
    const blob = await (await fetch(image.path)).blob();
    const put = await fetch(gatewayUrl(data.url), { method: 'PUT', body: blob, headers: { authorization: data.authorization } });
    if (put.status !== 200) throw new Error(`upload: ${put.status}`);
  } else {
    const bytes = Taro.getFileSystemManager().readFileSync(image.path) as ArrayBuffer;
    const put = await Taro.request({ url: gatewayUrl(data.url), method: 'PUT', data: bytes, header: { authorization: data.authorization } });
    if (put.statusCode !== 200) throw new Error(`upload: ${put.statusCode}`);
  }
  return data.fileId;
}
