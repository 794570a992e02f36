import { useState } from 'react';
import { View, Text, Button } from '@tarojs/components';
import type { MyData } from '../../../services/account.service';
import { downloadInBrowser, myDataFileName, myDataJson, shareInWeChat, type SaveOutcome } from '../../utils/my-data-file';
import '../account-card.scss';

function describe(outcome: SaveOutcome): { text: string; error?: boolean } | null {
  switch (outcome.kind) {
    case 'downloaded':
      return { text: `已下载「${outcome.fileName}」，可以用记事本或浏览器打开。` };
    case 'shared':
      return { text: `已发送「${outcome.fileName}」。` };
    case 'copied':
      return { text: '没能发送文件，数据已复制到剪贴板，可以粘贴到「文件传输助手」保存。' };
    case 'cancelled':
      return null;
    case 'failed':
      return { text: outcome.message, error: true };
  }
}

interface Props {
  /** The export loaded with the page (null while loading or after a failure). */
  data: MyData | null;
}

/**
 * 导出我的数据: everything me.export returned, as one JSON file. In the
 * browser it downloads; in WeChat it is sent to a chat (文件传输助手) or, where
 * that is not possible, copied.
 */
export function DataExport({ data }: Props) {
  const [result, setResult] = useState<{ text: string; error?: boolean } | null>(null);
  const inWeChat = process.env.TARO_ENV === 'weapp';

  const run = () => {
    if (!data) return;
    const json = myDataJson(data);
    const fileName = myDataFileName(data.exportedAt);
    if (process.env.TARO_ENV === 'h5') {
      setResult(describe(downloadInBrowser(json, fileName)));
      return;
    }
    // Synchronously inside the tap: WeChat lets shareFileMessage run only from one.
    void shareInWeChat(json, fileName).then((outcome) => setResult(describe(outcome)));
  };

  return (
    <View className='account-card'>
      <Text className='account-card__title'>我的数据副本</Text>
      <Text className='account-card__text'>
        一个 JSON 文件，包含你的身份信息、全部提问和处理记录、写过的答复、收到的消息、举报和订阅。
        {inWeChat ? '可以发送给「文件传输助手」，在电脑上打开。' : ''}
      </Text>
      <Button className='btn-primary account-card__btn' disabled={!data || undefined} onClick={run}>
        {inWeChat ? '导出并发送到聊天' : '导出我的数据'}
      </Button>
      {result ? <Text className={`account-card__result ${result.error ? 'account-card__result--error' : ''}`}>{result.text}</Text> : null}
    </View>
  );
}
