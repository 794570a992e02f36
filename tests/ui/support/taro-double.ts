/**
 * A controllable stand-in for `@tarojs/taro`: router params, navigation and
 * storage are recorded in memory so tests can set them up and assert on them.
 */
type Params = Record<string, string | undefined>;

export const taroState = {
  params: {} as Params,
  storage: new Map<string, unknown>(),
  navigations: [] as { kind: string; url?: string }[],
  pages: [] as { route: string }[],
  /** WeChat's privacy listener, as registered with onNeedPrivacyAuthorization (the last one wins, as in WeChat). */
  privacyListener: null as PrivacyListener | null,
  /** Files written through getFileSystemManager(), by path. */
  files: new Map<string, string>(),
  /** What the next showModal answers: 确定 (true) or 取消. */
  modalConfirms: true,
  /** The tab bar badge's text; null when removed. */
  tabBadge: null as string | null,
  share: null as null | (() => { title?: string; path?: string }),
  reset() {
    this.tabBadge = null;
    this.share = null;
    handlers.clear();
    this.params = {};
    this.storage.clear();
    this.navigations = [];
    this.pages = [];
    this.privacyListener = null;
    this.files.clear();
    this.modalConfirms = true;
  },
};

type PrivacyResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type PrivacyListener = (resolve: PrivacyResolve, eventInfo: { referrer: string }) => void;

function record(kind: string) {
  return jest.fn((opts: { url?: string } = {}) => {
    taroState.navigations.push({ kind, url: opts.url });
    return Promise.resolve({ errMsg: `${kind}:ok` });
  });
}

export const navigateTo = record('navigateTo');
export const redirectTo = record('redirectTo');
export const switchTab = record('switchTab');
export const reLaunch = record('reLaunch');
export const navigateBack = jest.fn(() => {
  taroState.navigations.push({ kind: 'navigateBack' });
  return Promise.resolve({ errMsg: 'navigateBack:ok' });
});

export const getStorageSync = (key: string): unknown => taroState.storage.get(key) ?? '';
export const setStorageSync = (key: string, value: unknown): void => {
  taroState.storage.set(key, value);
};
export const removeStorageSync = (key: string): void => {
  taroState.storage.delete(key);
};

export const showToast = jest.fn((_opts: { title: string; icon?: string }) => Promise.resolve());
export const makePhoneCall = jest.fn((_opts: { phoneNumber: string }) => Promise.resolve({ errMsg: 'makePhoneCall:ok' }));
export const pageScrollTo = jest.fn((_opts: { scrollTop?: number; duration?: number }) => Promise.resolve({ errMsg: 'pageScrollTo:ok' }));

type Handler = (...args: unknown[]) => void;
const handlers = new Map<string, Set<Handler>>();
/** Taro's event bus (the H5 router announces page changes on it). */
export const eventCenter = {
  on(name: string, handler: Handler) {
    if (!handlers.has(name)) handlers.set(name, new Set());
    handlers.get(name)?.add(handler);
    return eventCenter;
  },
  off(name: string, handler?: Handler) {
    if (handler) handlers.get(name)?.delete(handler);
    else handlers.delete(name);
    return eventCenter;
  },
  trigger(name: string, ...args: unknown[]) {
    handlers.get(name)?.forEach((h) => h(...args));
    return eventCenter;
  },
};
export const requestSubscribeMessage = jest.fn((_opts: { tmplIds: string[] }) =>
  Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' } as Record<string, string>),
);
export const getCurrentPages = () => taroState.pages;

export function useRouter() {
  return { params: taroState.params, path: '' };
}
export function useDidShow(_cb: () => void): void {}
export function useLoad(_cb: () => void): void {}
export function useDidHide(_cb: () => void): void {}
export function usePullDownRefresh(_cb: () => void): void {}
export const stopPullDownRefresh = jest.fn(() => Promise.resolve());

export const request = jest.fn(() => Promise.reject(new Error('Taro.request is not available in UI tests; mock the service')));
export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(() => Promise.reject(new Error('Taro.cloud is not available in UI tests; mock the service'))),
};

/**
 * WeChat's privacy APIs. Not promisified by Taro (forwarded to wx as is), so
 * they take callbacks. `needPrivacyAuthorization` plays WeChat asking: it calls
 * the registered listener and returns the resolve it was given.
 */
export const onNeedPrivacyAuthorization = jest.fn((listener: PrivacyListener) => {
  taroState.privacyListener = listener;
});
export function needPrivacyAuthorization(referrer = 'button.getPhoneNumber'): jest.Mock {
  const resolve = jest.fn();
  if (!taroState.privacyListener) throw new Error('nothing registered onNeedPrivacyAuthorization');
  taroState.privacyListener(resolve, { referrer });
  return resolve;
}
export const openPrivacyContract = jest.fn((opts: { success?: () => void; fail?: () => void } = {}) => {
  opts.success?.();
});

/** `wx.env.USER_DATA_PATH`: the mini-program's own writable folder. */
export const env = { USER_DATA_PATH: 'wxfile://usr' };
export const getFileSystemManager = jest.fn(() => ({
  writeFileSync: (filePath: string, data: string) => {
    taroState.files.set(filePath, data);
  },
}));
export const shareFileMessage = jest.fn(
  (opts: { filePath: string; fileName?: string; success?: (res: { errMsg: string }) => void; fail?: (res: { errMsg: string }) => void }) => {
    opts.success?.({ errMsg: 'shareFileMessage:ok' });
  },
);
/** WeChat's confirm dialog: answers as `taroState.modalConfirms` says (true unless set), and is recorded. */
export const showModal = jest.fn((_opts: { title?: string; content?: string; confirmText?: string }) =>
  Promise.resolve({ confirm: taroState.modalConfirms, cancel: !taroState.modalConfirms }),
);
export const setClipboardData = jest.fn((_opts: { data: string }) => Promise.resolve({ errMsg: 'setClipboardData:ok' }));

/** The tab bar badge (我的's unread messages): the last call wins. */
export const setTabBarBadge = jest.fn((opts: { index: number; text: string }) => {
  taroState.tabBadge = opts.text;
  return Promise.resolve({ errMsg: 'setTabBarBadge:ok' });
});
export const removeTabBarBadge = jest.fn((_opts: { index: number }) => {
  taroState.tabBadge = null;
  return Promise.resolve({ errMsg: 'removeTabBarBadge:ok' });
});
export const hideShareMenu = jest.fn(() => Promise.resolve({ errMsg: 'hideShareMenu:ok' }));
/** The page's share handler, as WeChat would call it from the menu: `taroState.share?.()`. */
export const useShareAppMessage = (handler: () => { title?: string; path?: string }) => {
  taroState.share = handler;
};

/** Pictures: the person picks one (set `taroState`-independent replies with mockResolvedValueOnce); upload answers a file id. */
export const chooseImage = jest.fn(() => Promise.reject(new Error('chooseImage:fail cancel')));

/** Full-screen pictures: recorded. */
export const previewImage = jest.fn((_opts: { urls: string[]; current?: string }) => Promise.resolve({ errMsg: 'previewImage:ok' }));

export const showLoading = jest.fn((_opts: { title: string }) => Promise.resolve());
export const hideLoading = jest.fn(() => Promise.resolve());
export const getSystemInfoSync = () => ({ pixelRatio: 2, windowWidth: 390 });
/** WeChat's download: answers with a temp path for the url (tests may override). */
export const downloadFile = jest.fn((opts: { url: string }) =>
  Promise.resolve({ statusCode: 200, tempFilePath: `wxfile://tmp/${opts.url.split('/').pop() ?? 'file'}`, errMsg: 'downloadFile:ok' }),
);
export const openDocument = jest.fn((_opts: { filePath: string; fileType?: string; showMenu?: boolean }) => Promise.resolve({ errMsg: 'openDocument:ok' }));

const Taro = {
  chooseImage,
  previewImage,
  showLoading,
  hideLoading,
  getSystemInfoSync,
  downloadFile,
  openDocument,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  makePhoneCall,
  pageScrollTo,
  eventCenter,
  requestSubscribeMessage,
  getCurrentPages,
  useRouter,
  useDidShow,
  useLoad,
  useDidHide,
  usePullDownRefresh,
  stopPullDownRefresh,
  request,
  cloud,
  onNeedPrivacyAuthorization,
  openPrivacyContract,
  env,
  getFileSystemManager,
  shareFileMessage,
  setClipboardData,
  showModal,
  setTabBarBadge,
  removeTabBarBadge,
  hideShareMenu,
  useShareAppMessage,
};
export default Taro;
