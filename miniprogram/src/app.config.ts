export default defineAppConfig({
  // Student pages live in the main package; responders' pages load on demand.
  pages: ['pages/index/index', 'pages/ask/index', 'pages/question/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'expert',
      name: 'expert',
      pages: ['pages/inbox/index', 'pages/reply/index'],
    },
    {
      // 协管 / 主管 / 单位管理员: 超时督办 and 提醒送达情况.
      root: 'admin',
      name: 'admin',
      pages: ['pages/escalations/index', 'pages/unreachable/index'],
    },
  ],
  // 提问 is deliberately not a tab: switchTab cannot carry `?college=` from
  // official-account menus, so it is a normal page reached from the home button.
  tabBar: {
    color: '#8F959E',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '青年之声',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F6F8',
  },
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['expert', 'admin'] },
  },
});
