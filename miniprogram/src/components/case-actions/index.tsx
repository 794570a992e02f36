import type { QuestionDetail } from '@shared/contracts/question.contract';
import type { CaseActionsState } from '../../hooks/use-case-actions';
import type { TransferGroup } from '../../hooks/use-transfer-targets';
import { HandlingForm } from './handling-form';
import { TransferForm } from './transfer-form';
import { UrgeForm } from './urge-form';
import './index.scss';

export { OwnerRow } from './owner-row';
export { NoticeForm } from './notice-form';
export { ActionSection, Counter, ErrorLine } from './section';

interface Props {
  question: QuestionDetail;
  panel: CaseActionsState;
  groups: readonly TransferGroup[];
  now: number;
}

/**
 * 办: every form the viewer may use now, and nothing else (the server's
 * viewerActions decide). One box per purpose, each saying who reads it.
 * The emergency notice, when owed, is placed by the page (above the answers).
 */
export function CaseActions({ question, panel, groups, now }: Props) {
  return (
    <>
      <UrgeForm question={question} panel={panel} />
      <HandlingForm question={question} panel={panel} />
      <TransferForm question={question} panel={panel} groups={groups} now={now} />
    </>
  );
}
