import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button, Textarea } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { ReportDetail } from '@shared/contracts/report.contract';
import { canReadStatistics } from '@shared/domain/permissions';
import { CASE_KIND_LABELS } from '@shared/domain/typical-case';
import { PROBLEMS_MAX } from '@shared/domain/biweekly-report';
import { useNow } from '../../../hooks/use-now';
import { StateView } from '../../../components/state-view';
import { CharCounter } from '../../../components/char-counter';
import { isRetryable } from '../../../services/api-error';
import { routes } from '../../../utils/routes';
import { formatDateTime } from '../../../utils/time';
import { AccessGate, NoAccess, leavePage } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { FigureCards, UnitTable } from '../../components/figures';
import { useReport } from '../../hooks/use-biweekly';
import { openReportFile } from '../../../services/report-file.service';
import { ReportStateTags } from '../../components/report-tags';
import './index.scss';

export const REPORT_DENIED = '双周报仅限本单位管理员、协管、主管老师和学校管理员查看。';

const REPEATED_STATE: Record<'open' | 'published' | 'dismissed', string> = {
  open: '待整理',
  published: '已整理为常见问题',
  dismissed: '已忽略',
};

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <View className='report__block'>
      <Text className='report__section'>
        {title}
        {count !== undefined ? `（${count}）` : ''}
      </Text>
      {children}
    </View>
  );
}

function Content({ r, now }: { r: ReportDetail; now: number }) {
  const c = r.content;
  return (
    <>
      <FigureCards figures={c.figures} roster={c.roster} />
      {r.scope === 'school' ? (
        <Section title='各单位情况（按评优规则排名）' count={c.units.length}>
          <UnitTable rows={c.units} label='各单位本期统计' />
        </Section>
      ) : null}
      <Section title='超时未答复的问题' count={c.overdue.length}>
        {c.overdue.length === 0 ? <Text className='report__muted'>本期没有超时的问题</Text> : null}
        {c.overdue.map((o) => (
          <View key={`${o.questionId}-${o.escalatedAt}`} className='report-item' onClick={() => void Taro.navigateTo({ url: routes.question(o.questionId) })}>
            <Text className='report-item__title breakable'>{o.title}</Text>
            <Text className='report-item__meta'>
              {o.unitName} · 提问于 {formatDateTime(o.askedAt, now)} · {formatDateTime(o.escalatedAt, now)} 超时
            </Text>
            <Text className='report-item__meta'>
              超时时认领人：{o.holderName ?? '无人认领'} ·{' '}
              {o.answeredAt !== null ? `${o.answeredByName ?? '—'} 于 ${formatDateTime(o.answeredAt, now)} 答复` : '仍未答复'}
            </Text>
          </View>
        ))}
      </Section>
      <Section title='重复提问' count={c.repeated.length}>
        {c.repeated.length === 0 ? <Text className='report__muted'>本期没有发现重复提问</Text> : null}
        {c.repeated.map((g) => (
          <View key={g.candidateId} className='report-item'>
            <Text className='report-item__title'>
              {g.questionCount} 个相似问题 · {g.state === 'published' && g.faqTitle ? `已整理为常见问题「${g.faqTitle}」` : REPEATED_STATE[g.state]}
            </Text>
            {g.titles.slice(0, 3).map((t) => (
              <Text key={t} className='report-item__meta breakable'>· {t}</Text>
            ))}
          </View>
        ))}
      </Section>
      <Section title='典型案例' count={c.cases.length}>
        {c.cases.length === 0 ? <Text className='report__muted'>本期没有报送典型案例</Text> : null}
        {c.cases.map((k) => (
          <View key={k.questionId} className='report-item'>
            <Text className='report-item__title breakable'>
              【{CASE_KIND_LABELS[k.kind]}】{k.title}
            </Text>
            <Text className='report-item__text breakable'>{k.writeUp}</Text>
            <Text className='report-item__meta'>
              {k.unitName} · {k.markedByName} 于 {formatDateTime(k.markedAt, now)} 标记
            </Text>
          </View>
        ))}
      </Section>
    </>
  );
}

function Files({ r, now, onRefresh }: { r: ReportDetail; now: number; onRefresh: () => void }) {
  if (!r.files) {
    return (
      <View className='report__files'>
        <Text className='report__muted'>Excel 和 Word 文件正在生成，通常几分钟内完成。</Text>
        <Button className='report__small' onClick={onRefresh}>刷新</Button>
      </View>
    );
  }
  const files = r.files;
  return (
    <View className='report__files'>
      <Button className='btn-ghost report__file' onClick={() => void openReportFile(files.xlsx, 'xlsx')}>下载 Excel</Button>
      <Button className='btn-ghost report__file' onClick={() => void openReportFile(files.docx, 'docx')}>下载 Word</Button>
      <Text className='report__muted'>
        {files.current ? `链接 1 小时内有效（${formatDateTime(now + 3600_000, now)} 前）。` : '文件正在按最新内容重新生成，当前链接是修改前的版本；几分钟后刷新即可下载最新版。'}
      </Text>
    </View>
  );
}

function Problems({ r, report }: { r: ReportDetail; report: ReturnType<typeof useReport> }) {
  const editable = r.viewerCanEdit && r.state === 'draft';
  if (!editable) {
    return (
      <Section title='存在问题与工作建议'>
        <Text className={`report__problems breakable ${r.problems ? '' : 'report__muted'}`}>
          {r.problems || (r.state === 'submitted' ? '（未填写）' : r.scope === 'school' ? '尚未填写，由工作小组组长或协管填写。' : '尚未填写，由本单位管理员填写后提交。')}
        </Text>
        {report.done ? <Text className='report__done'>✓ {report.done}</Text> : null}
      </Section>
    );
  }
  const confirmSubmit = () => {
    void Taro.showModal({
      title: '提交双周报',
      content: report.text.trim() ? '提交后不能再修改，确定提交吗？' : '还没有填写存在问题与工作建议，确定直接提交吗？提交后不能再修改。',
      confirmText: '提交',
    }).then((res) => {
      if (res.confirm) void report.submit();
    });
  };
  return (
    <Section title='存在问题与工作建议'>
      <Textarea
        className='report__textarea'
        value={report.text}
        maxlength={-1}
        placeholder='本期工作中存在的问题、原因和下一步建议（最多 2000 字）。报告会报送上级，请不要写学生姓名等个人信息。'
        onInput={(e) => report.setText(e.detail.value)}
      />
      <View className='report__edit-foot'>
        <CharCounter text={report.text} max={PROBLEMS_MAX} />
        {report.dirty ? <Text className='report__muted'>有未保存的修改</Text> : null}
      </View>
      {report.actionError ? (
        <View className='report__error'>
          <Text>{report.actionError.text}</Text>
        </View>
      ) : null}
      {report.done ? <Text className='report__done'>✓ {report.done}</Text> : null}
      <View className='report__buttons'>
        <Button className='btn-ghost' disabled={report.busy !== null || report.tooLong || undefined} onClick={() => void report.save()}>
          {report.busy === 'save' ? '保存中…' : '保存'}
        </Button>
        <Button className='btn-primary' disabled={report.busy !== null || report.tooLong || undefined} onClick={confirmSubmit}>
          {report.busy === 'submit' ? '提交中…' : '提交'}
        </Button>
      </View>
    </Section>
  );
}

function Report({ me, id }: { me: Me; id: string }) {
  const report = useReport(id);
  const now = useNow(60_000);
  if (report.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={report.error ?? REPORT_DENIED} />;
  const r = report.data;
  if (!r) {
    if (report.error) {
      return (
        <View className='report'>
          <StateView
            kind='error'
            title={report.error}
            actions={[
              ...(isRetryable(report.errorCode) ? [{ label: '重试', onClick: report.reload, primary: true }] : []),
              { label: '全部双周报', onClick: () => void Taro.redirectTo({ url: routes.reports() }) },
            ]}
          />
        </View>
      );
    }
    return (
      <View className='report'>
        <StateView kind='loading' title='加载中…' />
      </View>
    );
  }
  return (
    <View className='report'>
      <View className='report__intro'>
        <View className='report__head'>
          <Text className='report__title'>{r.unitName} · 双周报</Text>
          <ReportStateTags r={r} />
        </View>
        <Text className='report__summary'>
          {r.period.label} · 截止 {formatDateTime(r.period.dueAt, now)}
        </Text>
        <Text className='report__muted'>
          {r.state === 'submitted' && r.submittedAt !== null
            ? `${r.submittedByName ?? ''} 于 ${formatDateTime(r.submittedAt, now)} 提交${r.late ? '（逾期）' : ''}`
            : r.urgeCount > 0 && r.lastUrgedAt !== null
              ? `已被催交 ${r.urgeCount} 次，最近 ${formatDateTime(r.lastUrgedAt, now)}`
              : `生成于 ${formatDateTime(r.generatedAt, now)}`}
        </Text>
        <Files r={r} now={now} onRefresh={report.reload} />
      </View>
      {report.error ? <Text className='report__error report__error--bar'>{report.error}</Text> : null}
      <View className='report__body'>
        <View className='report__main'>
          <Problems r={r} report={report} />
          <Content r={r} now={now} />
        </View>
      </View>
      <View className='report__back' onClick={() => void Taro.navigateTo({ url: routes.reports(r.period.key) })}>
        <Text>‹ 本期全部双周报</Text>
      </View>
      <OversightLinks show={['stats', 'cases']} roles={me.roles} />
    </View>
  );
}

/**
 * One 双周报: the period's figures, missed deadlines and who held them,
 * repeated questions and typical cases; its unit's admin writes 存在问题与工作建议
 * and submits; Excel and Word downloads. A 催交 message opens this page.
 */
export default function ReportPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <AccessGate allows={canReadStatistics} deniedText={REPORT_DENIED}>
      {(me) =>
        id ? (
          <Report me={me} id={id} />
        ) : (
          <View className='report'>
            <StateView kind='error' title='没有指定双周报' actions={[{ label: '全部双周报', onClick: () => void Taro.redirectTo({ url: routes.reports() }), primary: true }, { label: '返回', onClick: leavePage }]} />
          </View>
        )
      }
    </AccessGate>
  );
}
