import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Role } from '@shared/domain/organisation';
import { canCurateFaq, canModerate, canReadAuditLog, canReadCases, canReadRoster, canReadRouting, canReadStatistics, canSeeEntryLinks } from '@shared/domain/permissions';
import { routes } from '../../../utils/routes';
import './index.scss';

interface Link {
  url: string;
  title: string;
  hint: string;
  /** Who may open the page; a link nobody here may follow is not shown. Absent: whoever sees these links. */
  allows?: (viewer: { roles: readonly Role[] }) => boolean;
}

export type OversightPage = 'escalations' | 'performance' | 'unreachable' | 'moderation' | 'audit' | 'faq' | 'people' | 'routing' | 'entry' | 'stats' | 'reports' | 'cases';

const LINKS: Record<OversightPage, Link> = {
  escalations: { url: routes.escalations, title: '超时督办', hint: '超过时限仍未答复的问题' },
  performance: { url: routes.performance, title: '各单位答复情况', hint: '近 7 / 30 / 90 天按时答复与超时' },
  unreachable: { url: routes.unreachable, title: '提醒送达情况', hint: '哪些老师没有收到答复提醒' },
  moderation: { url: routes.moderation, title: '内容审核', hint: '被自动检查拦下或多人举报、等待公开或隐藏的内容', allows: canModerate },
  audit: { url: routes.audit, title: '操作日志', hint: '公开、隐藏等管理操作的记录', allows: canReadAuditLog },
  faq: { url: routes.faqCuration, title: '常见问题整理', hint: '每半个月的重复提问：发布为置顶的常见问题', allows: canCurateFaq },
  people: { url: routes.people, title: '人员与分工', hint: '成员、团队与分工，邀请新成员，各学院达标情况', allows: canReadRoster },
  routing: { url: routes.routing, title: '单位与分类', hint: '问题分给哪个单位、答复时限、紧急联系人', allows: canReadRouting },
  entry: { url: routes.entry, title: '入口与二维码', hint: '公众号菜单、小程序码、网站飘窗', allows: canSeeEntryLinks },
  stats: { url: routes.stats, title: '数据统计', hint: '按时答复率、办结率、满意率，各单位与人员排名', allows: canReadStatistics },
  reports: { url: routes.reports(), title: '双周报', hint: '每月 12 日、26 日生成，13 日、27 日前提交', allows: canReadStatistics },
  cases: { url: routes.cases, title: '典型案例', hint: '线上、线下典型案例报送', allows: canReadCases },
};

interface Props {
  show: OversightPage[];
  /** The viewer's roles: 内容审核 and 操作日志 are listed only for those who may open them (none until known). */
  roles?: readonly Role[];
}

/** The other oversight pages, one tap away from each (no dead ends between them). */
export function OversightLinks({ show, roles = [] }: Props) {
  const links = show.filter((key) => {
    const allows = LINKS[key].allows;
    return !allows || allows({ roles });
  });
  if (links.length === 0) return null;
  return (
    <View className='ov-links'>
      {links.map((key) => (
        <View key={key} className='ov-links__item' onClick={() => void Taro.navigateTo({ url: LINKS[key].url })}>
          <View className='ov-links__text'>
            <Text className='ov-links__title'>{LINKS[key].title}</Text>
            <Text className='ov-links__hint'>{LINKS[key].hint}</Text>
          </View>
          <Text className='ov-links__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}
