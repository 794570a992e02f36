import { View, Text, Picker } from '@tarojs/components';
import type { PublicFeedSort, PublicFeedState } from '../../services/question.service';
import { STATUS_LABELS } from '../../utils/labels';
import './index.scss';

const SORTS: readonly { key: PublicFeedSort; label: string }[] = [
  { key: 'newest', label: '最新' },
  { key: 'metoo', label: '同问最多' },
  { key: 'likes', label: '点赞最多' },
];
const STATES: readonly PublicFeedState[] = ['answered', 'handling', 'resolved', 'closed'];

interface Props {
  sort: PublicFeedSort;
  onSort: (sort: PublicFeedSort) => void;
  status: PublicFeedState | undefined;
  onStatus: (status: PublicFeedState | undefined) => void;
  colleges: readonly { id: string; name: string }[];
  collegeId: string | undefined;
  onCollege: (collegeId: string | undefined) => void;
}

/** 同声同心: order (最新 / 同问最多 / 点赞最多), state and college above the feed. */
export function FeedControls({ sort, onSort, status, onStatus, colleges, collegeId, onCollege }: Props) {
  const collegeNames = ['全部学院', ...colleges.map((c) => c.name)];
  const collegeIndex = collegeId ? colleges.findIndex((c) => c.id === collegeId) + 1 : 0;
  const stateNames = ['全部状态', ...STATES.map((s) => STATUS_LABELS[s])];
  const stateIndex = status ? STATES.indexOf(status) + 1 : 0;
  return (
    <View className='feed-controls'>
      <View className='feed-controls__sorts'>
        {SORTS.map((s) => (
          <Text key={s.key} className={`feed-controls__sort ${sort === s.key ? 'feed-controls__sort--on' : ''}`} onClick={() => onSort(s.key)}>
            {s.label}
          </Text>
        ))}
      </View>
      <View className='feed-controls__filters'>
        <Picker mode='selector' range={stateNames} value={stateIndex} onChange={(e) => onStatus(STATES[Number(e.detail.value) - 1])}>
          <Text className={`feed-controls__filter ${status ? 'feed-controls__filter--on' : ''}`}>{stateNames[stateIndex]} ▾</Text>
        </Picker>
        <Picker mode='selector' range={collegeNames} value={collegeIndex} onChange={(e) => onCollege(colleges[Number(e.detail.value) - 1]?.id)}>
          <Text className={`feed-controls__filter ${collegeId ? 'feed-controls__filter--on' : ''}`}>{collegeNames[collegeIndex]} ▾</Text>
        </Picker>
      </View>
    </View>
  );
}
