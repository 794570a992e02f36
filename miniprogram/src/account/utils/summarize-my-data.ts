import type { MyData } from '../../services/account.service';

export interface SummaryLine {
  label: string;
  value: number;
  unit: string;
}

/** What the platform holds about me, counted (me.export), for the 账号与数据 summary. */
export function summarizeMyData(data: MyData): SummaryLine[] {
  const credits = data.subscriptions.reduce((sum, s) => sum + s.credits, 0);
  const lines: SummaryLine[] = [
    { label: '我的提问', value: data.questionsAsked.length, unit: '个' },
    { label: '我写的答复', value: data.answersGiven.length, unit: '条' },
    { label: '收到的消息', value: data.messages.length, unit: '条' },
    { label: '我的举报', value: data.reports.length, unit: '次' },
    { label: '可接收的提醒', value: credits, unit: '次' },
  ];
  // Handling steps (认领、转办、办理进展…) only exist for staff.
  if (data.stepsTaken.length > 0) lines.splice(2, 0, { label: '办理记录', value: data.stepsTaken.length, unit: '条' });
  return lines;
}

/** The openid shown on screen, shortened (the export has it whole). */
export function shortOpenid(openid: string): string {
  return openid.length > 14 ? `${openid.slice(0, 6)}…${openid.slice(-4)}` : openid;
}
