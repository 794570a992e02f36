import Taro from '@tarojs/taro';

/**
 * WeChat's privacy check (app.json `__usePrivacyCheck__`), as documented for
 * base library ≥ 2.32.3 and typed by @tarojs/taro 4.2.1
 * (types/api/open-api/privacy.d.ts; Taro forwards the call to wx as is, it is
 * not promisified):
 *
 * - `wx.onNeedPrivacyAuthorization(listener)` fires when a privacy-scoped API
 *   or component (here: the phone-number button, setClipboardData) is used
 *   before the person agreed to the mini-program's privacy guide. The API waits
 *   ("pending") until the listener's `resolve` is called.
 * - `resolve({ event: 'exposureAuthorization' })` tells WeChat our popup is on
 *   screen; `resolve({ buttonId, event: 'agree' })` lets the API go on, and the
 *   base library checks that the `<button open-type="agreePrivacyAuthorization"
 *   id={buttonId}>` was really tapped (so call it from that button's
 *   `bindagreeprivacyauthorization`, Taro's `onAgreePrivacyAuthorization`);
 *   `resolve({ event: 'disagree' })` makes the API fail with
 *   "privacy permission is not authorized".
 * - Registration is overwrite-style (one listener for the whole app), so this
 *   module registers one dispatcher and hands each request to the popup
 *   mounted on the page in front (several pages in the stack may mount one).
 * - `wx.openPrivacyContract()` opens the guide configured in the MP console
 *   (设置 → 服务内容声明 → 用户隐私保护指引).
 *
 * H5 has none of this: nothing registers there and the popup renders nothing.
 */
export type ConsentEvent = 'exposureAuthorization' | 'agree' | 'disagree';
export type ConsentResolve = (option: { event: ConsentEvent; buttonId?: string }) => void;

export interface ConsentRequest {
  resolve: ConsentResolve;
  /** The API or component that asked, e.g. "button.getPhoneNumber", "setClipboardData". */
  referrer: string;
}

interface Subscriber {
  page: string;
  show: (request: ConsentRequest) => void;
}

const subscribers: Subscriber[] = [];

/** "pages/mine/index" for "/pages/mine/index?x=1" and for getCurrentPages()' route alike. */
function pageKey(path: string | undefined): string {
  return (path ?? '').replace(/^\//, '').split('?')[0] ?? '';
}

function frontPage(): string {
  const pages = Taro.getCurrentPages();
  return pageKey(pages[pages.length - 1]?.route);
}

function dispatch(resolve: ConsentResolve, eventInfo?: { referrer?: string }): void {
  const front = frontPage();
  const target = [...subscribers].reverse().find((s) => s.page === front) ?? subscribers[subscribers.length - 1];
  // No popup mounted (its page closed since): refuse rather than leave the API pending for ever.
  if (!target) {
    resolve({ event: 'disagree' });
    return;
  }
  target.show({ resolve, referrer: eventInfo?.referrer ?? '' });
}

/** Only the mini-program asks for consent this way. */
export function supportsPrivacyConsent(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof Taro.onNeedPrivacyAuthorization === 'function';
}

/** A popup on `page` wants the requests made while its page is in front; returns the unsubscribe. */
export function subscribePrivacyConsent(page: string, show: (request: ConsentRequest) => void): () => void {
  // Registering the same dispatcher again replaces it with itself (overwrite-style API).
  Taro.onNeedPrivacyAuthorization(dispatch);
  const subscriber = { page: pageKey(page), show };
  subscribers.push(subscriber);
  return () => {
    const at = subscribers.indexOf(subscriber);
    if (at >= 0) subscribers.splice(at, 1);
  };
}

/** The guide the mini-program declared in the MP console (WeChat's own page). */
export function openPrivacyGuide(onFail: () => void): void {
  if (typeof Taro.openPrivacyContract !== 'function') {
    onFail();
    return;
  }
  Taro.openPrivacyContract({ fail: onFail });
}
