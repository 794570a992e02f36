import type { StatFigures } from '../../contracts/statistics.contract';
import { CASE_KIND_LABELS } from '../../domain/typical-case';
import { formatCampusTime } from '../../domain/shanghai-time';
import type { ReportDocument, ReportFormat, ReportRenderer } from '../ports/report-renderer';

/**
 * The biweekly report as files: Excel with exceljs (one sheet per section,
 * numbers as numbers so a committee can sum them) and Word with docx (the
 * template's sections in order, for printing and e-mailing upward). Both
 * libraries are loaded on first use only: they are most of the scheduler's
 * bundle and nothing else in it needs them.
 */
const TIME = 'YYYY-MM-DD HH:mm';
const time = (at: number | null) => (at === null ? '' : formatCampusTime(at, TIME));
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const STATE_LABELS = { draft: '草稿（未提交）', submitted: '已提交' } as const;
const REPEAT_STATES = { open: '待整理', published: '已发布为常见问题', dismissed: '不是重复问题' } as const;

/** The figures table, in the template's order: label, value, how it is counted. */
export function figureRows(f: StatFigures, roster: { experts: number; members: number }): [string, string | number, string][] {
  return [
    ['提问量', f.questions, '本期提出、现由本单位负责的问题'],
    ['回答量', f.answers, '本期发布的答复（官方答复与补充回复）'],
    ['已答复问题', f.answeredQuestions, '本期问题中已有官方答复的'],
    ['按时答复', f.onTime, '在答复时限内给出官方答复'],
    ['超时答复', f.late, '超过答复时限后才答复'],
    ['超时未答复', f.overdueOpen, '已过时限仍未答复'],
    ['时限内待答复', f.waiting, '尚在答复时限内'],
    ['及时答复率', percent(f.onTimeRate), '按时答复 ÷（按时 + 超时答复 + 超时未答复）'],
    ['办结', f.settled, '已办结或已关闭'],
    ['办结率', percent(f.resolutionRate), '办结 ÷ 提问量'],
    ['评价数', f.rated, '提问同学给出评价的问题'],
    ['满意', f.satisfied, '评价为满意'],
    ['满意率', percent(f.satisfactionRate), '满意 ÷ 评价数'],
    ['首次答复用时中位数（分钟）', f.medianFirstAnswerMinutes ?? '—', '从提问到官方答复'],
    ['超时次数', f.missed, '本期在本单位超过答复时限的次数（升级至协管）'],
    ['线上典型案例', f.cases.online, '本期标记'],
    ['线下典型案例', f.cases.offline, '本期标记'],
    ['专家总数', roster.experts, '专帮青（当前名册）'],
    ['成员总数', roster.members, '团帮青、专帮青、青帮青（当前名册）'],
  ];
}

function metaRows(r: ReportDocument): [string, string][] {
  return [
    ['单位', r.unitName],
    ['报告期', r.periodLabel],
    ['提交期限', `${r.dueLabel}前`],
    ['状态', STATE_LABELS[r.state]],
    ['提交时间', r.submittedAt ? `${time(r.submittedAt)}（${r.submittedByName ?? ''}）` : ''],
    ['生成时间', time(r.generatedAt)],
    ['版本', String(r.version)],
  ];
}

async function renderXlsx(r: ReportDocument): Promise<Uint8Array> {
  const ExcelJS = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '青年之声';
  wb.created = new Date(r.generatedAt);

  const summary = wb.addWorksheet('概况');
  summary.columns = [{ width: 28 }, { width: 26 }, { width: 48 }];
  summary.addRow([r.title]).font = { bold: true, size: 14 };
  for (const row of metaRows(r)) summary.addRow(row);
  summary.addRow([]);
  summary.addRow(['指标', '数值', '口径']).font = { bold: true };
  for (const row of figureRows(r.content.figures, r.content.roster)) summary.addRow(row);

  const overdue = wb.addWorksheet('超时问题');
  overdue.columns = [
    { header: '问题', width: 40 },
    { header: '超时单位', width: 24 },
    { header: '提问时间', width: 18 },
    { header: '超时时间', width: 18 },
    { header: '当时认领人', width: 14 },
    { header: '答复时间', width: 18 },
    { header: '答复人', width: 14 },
  ];
  for (const o of r.content.overdue) overdue.addRow([o.title, o.unitName, time(o.askedAt), time(o.escalatedAt), o.holderName ?? '未认领', time(o.answeredAt), o.answeredByName ?? '尚未答复']);

  const repeated = wb.addWorksheet('重复问题');
  repeated.columns = [{ header: '问题数', width: 8 }, { header: '同类问题', width: 70 }, { header: '处理情况', width: 18 }, { header: '常见问题', width: 30 }];
  for (const g of r.content.repeated) repeated.addRow([g.questionCount, g.titles.join('；'), REPEAT_STATES[g.state], g.faqTitle ?? '']);

  const cases = wb.addWorksheet('典型案例');
  cases.columns = [{ header: '类型', width: 14 }, { header: '问题', width: 36 }, { header: '单位', width: 24 }, { header: '案例说明', width: 60 }, { header: '标记人', width: 12 }, { header: '标记时间', width: 18 }];
  for (const c of r.content.cases) cases.addRow([CASE_KIND_LABELS[c.kind], c.title, c.unitName, c.writeUp, c.markedByName, time(c.markedAt)]);

  if (r.scope === 'school') {
    const units = wb.addWorksheet('各单位');
    units.columns = [
      { header: '排名', width: 6 },
      { header: '单位', width: 26 },
      { header: '提问量', width: 8 },
      { header: '回答量', width: 8 },
      { header: '及时答复率', width: 11 },
      { header: '超时次数', width: 9 },
      { header: '满意率', width: 9 },
      { header: '办结率', width: 9 },
      { header: '首次答复中位数（分钟）', width: 12 },
      { header: '专家', width: 6 },
      { header: '成员', width: 6 },
    ];
    for (const u of r.content.units) {
      const f = u.figures;
      units.addRow([u.place ?? '—', u.unitName, f.questions, f.answers, percent(f.onTimeRate), f.missed, percent(f.satisfactionRate), percent(f.resolutionRate), f.medianFirstAnswerMinutes ?? '—', u.roster.experts, u.roster.members]);
    }
  }

  const problems = wb.addWorksheet('问题与建议');
  problems.columns = [{ width: 100 }];
  problems.addRow(['存在问题与工作建议']).font = { bold: true };
  const text = problems.addRow([r.problems || '（未填写）']);
  text.alignment = { wrapText: true, vertical: 'top' };

  for (const ws of wb.worksheets) if (ws.name !== '概况' && ws.name !== '问题与建议') ws.getRow(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function renderDocx(r: ReportDocument): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const cell = (text: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold })] })] });
  const table = (header: string[], rows: (string | number)[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((row) => new TableRow({ children: row.map((v) => cell(v)) }))],
    });
  const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const none = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });

  const body: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({ text: r.title, heading: HeadingLevel.TITLE }),
    ...metaRows(r).filter(([, v]) => v !== '').map(([k, v]) => para(`${k}：${v}`)),
    heading('一、本期数据'),
    table(['指标', '数值', '口径'], figureRows(r.content.figures, r.content.roster)),
    heading('二、超时问题及当时负责人'),
    r.content.overdue.length === 0
      ? none('本期没有超时未答复的问题。')
      : table(['问题', '超时单位', '超时时间', '当时认领人', '答复'], r.content.overdue.map((o) => [o.title, o.unitName, time(o.escalatedAt), o.holderName ?? '未认领', o.answeredByName ? `${o.answeredByName} ${time(o.answeredAt)}` : '尚未答复'])),
    heading('三、重复问题'),
    ...(r.content.repeated.length === 0
      ? [none('本期没有发现重复提问。')]
      : r.content.repeated.map((g) => para(`${g.questionCount} 个同类问题（${REPEAT_STATES[g.state]}${g.faqTitle ? `：${g.faqTitle}` : ''}）：${g.titles.join('；')}`))),
    heading('四、典型案例'),
    ...(r.content.cases.length === 0
      ? [none('本期没有报送典型案例。')]
      : r.content.cases.map((c) => para(`【${CASE_KIND_LABELS[c.kind]}】${c.title}（${c.unitName}，${c.markedByName}）：${c.writeUp}`))),
  ];
  if (r.scope === 'school') {
    body.push(
      heading('五、各单位情况'),
      table(
        ['排名', '单位', '提问量', '回答量', '及时答复率', '超时次数', '满意率', '办结率'],
        r.content.units.map((u) => [u.place ?? '—', u.unitName, u.figures.questions, u.figures.answers, percent(u.figures.onTimeRate), u.figures.missed, percent(u.figures.satisfactionRate), percent(u.figures.resolutionRate)]),
      ),
    );
  }
  body.push(heading(r.scope === 'school' ? '六、存在问题与工作建议' : '五、存在问题与工作建议'), ...(r.problems ? r.problems.split('\n').map(para) : [none('（未填写）')]));
  const doc = new Document({ creator: '青年之声', title: r.title, sections: [{ children: body }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export class ReportFilesRenderer implements ReportRenderer {
  render(report: ReportDocument, format: ReportFormat): Promise<Uint8Array> {
    return format === 'xlsx' ? renderXlsx(report) : renderDocx(report);
  }
}
