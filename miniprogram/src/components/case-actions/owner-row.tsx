import { View, Text, Button } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import type { CaseActionsState } from '../../hooks/use-case-actions';
import { ErrorLine } from './section';

/**
 * 负责: the owning unit and who claimed it (认领). 认领 is offered only while
 * nobody holds the question (the server leaves it out of viewerActions for the
 * holder), and one tap sends it once.
 */
export function OwnerRow({ question: q, panel, myName }: { question: QuestionDetail; panel: CaseActionsState; myName: string | null }) {
  const canClaim = q.viewerActions.includes('claim');
  const mine = q.assigneeName !== null && q.assigneeName === myName;
  return (
    <View className='owner-row'>
      <View className='owner-row__line'>
        <Text className='owner-row__key'>负责单位</Text>
        <Text className='owner-row__value'>{q.ownerUnitName}</Text>
      </View>
      {q.viewerIsHandler ? (
        <View className='owner-row__line'>
          <Text className='owner-row__key'>认领人</Text>
          <Text className={`owner-row__value ${q.assigneeName ? '' : 'owner-row__value--none'}`}>
            {q.assigneeName ? `${q.assigneeName}${mine ? '（你）' : ''}` : '尚未认领'}
          </Text>
          {canClaim ? (
            <Button className='case-btn case-btn--small' disabled={panel.busy !== null || undefined} onClick={() => panel.run('claim')}>
              {panel.busy === 'claim' ? '认领中…' : '认领'}
            </Button>
          ) : null}
        </View>
      ) : null}
      <ErrorLine text={panel.error?.action === 'claim' ? panel.error.text : null} />
    </View>
  );
}
