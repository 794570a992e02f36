import { createElement, Fragment, useEffect, type PropsWithChildren } from 'react';
import { syncDevClock } from './services/clock';
import { WebHeader } from './components/web-header';
import { pageFromHashLink } from './utils/entry-params';
import './app.scss';

// `process.env.TARO_ENV === 'h5'` written out each time: the build replaces it with a
// constant, so the browser-only code and styles below never reach the weapp bundle.
if (process.env.TARO_ENV === 'h5') {
  // Before the router reads the address: a hash-form entry link
  // (/#/pages/ask/index?college=…) opens that page, not 首页.
  const page = pageFromHashLink(window.location.hash);
  if (page) window.history.replaceState(window.history.state, '', page);
  // The browser's own layout: navigation bar, wide screens (a PC). Not shipped to WeChat.
  require('./styles/web.scss');
}

function App({ children }: PropsWithChildren) {
  // Against the local gateway, countdowns follow its (shiftable) clock.
  useEffect(() => {
    void syncDevClock();
  }, []);
  // In the browser the header (shown on wide screens) sits beside the pages.
  return process.env.TARO_ENV === 'h5' ? createElement(Fragment, null, createElement(WebHeader), children) : children;
}
export default App;
