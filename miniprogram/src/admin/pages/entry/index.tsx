import { useCallback, useMemo, useState } from 'react';
import { View, Text, Button, Image } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import { canSeeEntryLinks } from '@shared/domain/permissions';
import { useAsync } from '../../../hooks/use-async';
import { useCatalog } from '../../../hooks/use-catalog';
import { StateView } from '../../../components/state-view';
import { isRetryable } from '../../../services/api-error';
import { getEntryLinks, type EntryLinks } from '../../../services/roster.service';
import { AccessGate, NoAccess, leavePage } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { Chips } from '../../components/chips';
import { collegesInView } from '../../hooks/unit-scope';
import { copyText } from '../../../utils/copy';
import './index.scss';

export const ENTRY_DENIED = '入口与二维码仅限学院管理员和学校管理员使用。';

function Links({ links }: { links: EntryLinks }) {
  return (
    <View className='entry__grid'>
      <View className='entry__card'>
        <Text className='entry__card-title'>公众号菜单</Text>
        <Text className='entry__text'>在微信公众平台「自定义菜单」中添加小程序菜单，学生点开即进入提问页，并已选好「{links.collegeName.replace(/团委$/, '')}」。</Text>
        {links.menu ? (
          <>
            <Text className='entry__code breakable'>{links.menu.json}</Text>
            <Button className='entry__btn' onClick={() => copyText(links.menu!.json, '菜单 JSON')}>复制菜单 JSON</Button>
            <Text className='entry__muted'>已有菜单时，只需把其中的 button 一项加入原菜单。</Text>
          </>
        ) : (
          <Text className='entry__missing'>尚未配置小程序 AppID（部署变量 QNZS_MINIPROGRAM_APPID），配置后这里给出菜单 JSON。</Text>
        )}
      </View>

      <View className='entry__card'>
        <Text className='entry__card-title'>小程序码</Text>
        <Text className='entry__text'>印在海报、展板上，微信扫码即打开本学院的提问页。</Text>
        <View className='entry__qr'>
          <Image className='entry__qr-img' src={links.miniProgramCode.imageUrl} mode='aspectFit' showMenuByLongpress />
        </View>
        <Text className='entry__muted'>长按（电脑上右键）保存图片。图片链接 1 小时内有效，过期后重新打开本页即可。</Text>
      </View>

      <View className='entry__card'>
        <Text className='entry__card-title'>网站飘窗</Text>
        <Text className='entry__text'>把下面的代码放到团委网站页面中，显示「青年之声」飘窗，点开是电脑网页版提问页。</Text>
        {links.web ? (
          <>
            <Text className='entry__label'>网页版地址</Text>
            <Text className='entry__code breakable'>{links.web.url}</Text>
            <Button className='entry__btn' onClick={() => copyText(links.web!.url, '网址')}>复制网址</Button>
            <Text className='entry__label'>飘窗代码</Text>
            <Text className='entry__code breakable'>{links.web.embedHtml}</Text>
            <Button className='entry__btn' onClick={() => copyText(links.web!.embedHtml, '飘窗代码')}>复制飘窗代码</Button>
          </>
        ) : (
          <Text className='entry__missing'>尚未配置网页版地址（部署变量 QNZS_WEB_BASE_URL），配置后这里给出网址和飘窗代码。</Text>
        )}
      </View>
    </View>
  );
}

function Entry({ me }: { me: Me }) {
  const catalog = useCatalog();
  const colleges = useMemo(() => collegesInView(me, catalog.data?.units ?? []), [me, catalog.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const collegeId = picked ?? colleges[0]?.id ?? null;
  const load = useCallback(() => (collegeId ? getEntryLinks(collegeId) : Promise.resolve(null)), [collegeId]);
  const links = useAsync(load);
  if (links.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={links.error ?? ENTRY_DENIED} />;

  return (
    <View className='entry'>
      <View className='entry__intro'>
        <Text className='entry__title'>入口与二维码</Text>
        <Text className='entry__hint'>每个学院的三个入口：公众号菜单、小程序码、团委网站飘窗。学生从这里进入时，提问页已选好学院。</Text>
        {colleges.length > 1 ? (
          <View className='entry__colleges'>
            <Chips label='学院' options={colleges.map((c) => ({ value: c.id, label: c.shortName }))} selected={collegeId ? [collegeId] : []} onToggle={setPicked} />
          </View>
        ) : null}
      </View>
      {catalog.error ? (
        <StateView kind='error' title={catalog.error} actions={[{ label: '重试', primary: true, onClick: catalog.reload }, { label: '返回', onClick: leavePage }]} />
      ) : catalog.loading && !catalog.data ? (
        <StateView kind='loading' title='加载中…' />
      ) : !collegeId ? (
        <StateView kind='empty' title='没有可管理的学院' text='入口按学院生成：学院团委的管理员看到本学院的入口，学校管理员看到所有学院。' actions={[{ label: '返回', primary: true, onClick: leavePage }]} />
      ) : links.error ? (
        <StateView
          kind='error'
          title={links.error}
          actions={[...(isRetryable(links.errorCode) ? [{ label: '重试', primary: true, onClick: links.reload }] : []), { label: '返回', onClick: leavePage }]}
        />
      ) : links.loading || !links.data ? (
        <StateView kind='loading' title='正在生成入口…' />
      ) : (
        <Links links={links.data} />
      )}
      <OversightLinks show={['people', 'routing']} roles={me.roles} />
    </View>
  );
}

/** 入口与二维码: a college's official-account menu button, mini-program code and website floating window. */
export default function EntryPage() {
  return (
    <AccessGate allows={canSeeEntryLinks} deniedText={ENTRY_DENIED}>
      {(me) => <Entry me={me} />}
    </AccessGate>
  );
}
