/**
 * The one module that reads build-time variables (Taro inlines
 * `process.env.TARO_APP_*` through DefinePlugin; each must be written out in
 * full for the replacement to happen).
 */
const apiBase = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
const cloudEnv = process.env.TARO_APP_CLOUD_ENV ?? '';
const isH5 = process.env.TARO_ENV === 'h5';

export type TransportMode = 'http' | 'cloud';

export const appEnv = {
  /** '' in H5 means same origin: the gateway serves the H5 build itself. */
  apiBase,
  cloudEnv,
  /** HTTP in the browser, or in WeChat when a gateway URL was given (DevTools local mode). */
  transport: (isH5 || apiBase !== '' ? 'http' : 'cloud') as TransportMode,
} as const;

/** Dev identities and other local-only controls exist only when talking to the local gateway. */
export function isDevGateway(): boolean {
  return appEnv.transport === 'http';
}
