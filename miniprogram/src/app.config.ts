export default defineAppConfig({
  // Student pages live in the main package; responders' pages load on demand.
  // 加入 (pages/join/index) is the page every invitation's mini-program code names (JOIN_PAGE in
  // shared/domain/entry-scene.ts, codes already printed keep it); it is small.
  pages: ['pages/index/index', 'pages/ask/index', 'pages/question/index', 'pages/mine/index', 'pages/privacy/index', 'pages/join/index', 'pages/search/index'],
  subPackages: [
    {
      root: 'expert',
      name: 'expert',
      pages: ['pages/inbox/index', 'pages/reply/index'],
    },
    {
      // 协管 / 主管 / 单位管理员: 超时督办, 提醒送达情况, 各单位答复情况, 内容审核, 操作日志, 常见问题整理.
      root: 'admin',
      name: 'admin',
      pages: [
        'pages/escalations/index',
        'pages/unreachable/index',
        'pages/performance/index',
        'pages/moderation/index',
        'pages/audit/index',
        // Issue 10: 人员与分工, 单位与分类, 入口与二维码.
        'pages/people/index',
        'pages/routing/index',
        'pages/entry/index',
        // Issue 9: 常见问题整理.
        'pages/faq/index',
        // 数据统计, 双周报 (list and one report), 典型案例 (list and marking one).
        'pages/stats/index',
        'pages/reports/index',
        'pages/report/index',
        'pages/cases/index',
        'pages/case-mark/index',
      ],
    },
    {
      // 常见问题: the published entries and each one's page (首页 pins the newest).
      root: 'knowledge',
      name: 'knowledge',
      pages: ['pages/faq/index', 'pages/faq-detail/index'],
    },
    {
      // 账号与数据: my data, its export, account deletion, staff phone binding.
      root: 'account',
      name: 'account',
      pages: ['pages/my-data/index'],
    },
    {
      // The boards (decision 0020): 活动公告, 青年视角, 话题墙, 热点标签, 专家推荐, their organisers' forms, and the message centre.
      root: 'community',
      name: 'community',
      pages: [
        'pages/activities/index',
        'pages/activity/index',
        'pages/activity-new/index',
        'pages/articles/index',
        'pages/article/index',
        'pages/article-new/index',
        'pages/topics/index',
        'pages/topic/index',
        'pages/topic-new/index',
        // Issue 11: 热点标签, a tag's questions, 专家推荐, an expert, 消息中心.
        'pages/tags/index',
        'pages/tag/index',
        'pages/experts/index',
        'pages/expert/index',
        'pages/messages/index',
      ],
    },
  ],
  // 提问 is deliberately not a tab: switchTab cannot carry `?college=` from
  // official-account menus, so it is a normal page reached from the home button.
  tabBar: {
    color: '#8F959E',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    // PNGs drawn by scripts/make-tab-icons.ts (81×81, outline / filled in the two colours above).
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '青年之声',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F6F8',
    // WeChat's default, spelled out because Taro's H5 router shows its navigation
    // bar (title, and back or home on every non-tab page) only when it is set.
    navigationStyle: 'default',
  },
  // Inject only the code of the page being opened and the components it declares
  // (every Taro page declares its `comp`), not every page at launch.
  lazyCodeLoading: 'requiredComponents',
  // Which pages WeChat search may index: the public question pages only
  // (src/sitemap.json, copied into dist by config/index.ts).
  sitemapLocation: 'sitemap.json',
  // Privacy-scoped APIs (phone number, clipboard, saving a file) wait for the
  // person's consent to the privacy guide: components/privacy-consent answers
  // wx.onNeedPrivacyAuthorization. On by default since 2023-10-17; spelled out.
  __usePrivacyCheck__: true,
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['knowledge', 'community'] },
    'pages/mine/index': { network: 'all', packages: ['expert', 'admin'] },
  },
});
