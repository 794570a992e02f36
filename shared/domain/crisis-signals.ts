/**
 * The crisis lane (危机干预): a question whose words signal that a student may
 * harm themselves, or that someone may harm others, is never published; it
 * goes privately and urgently to the counselling unit, and the student is
 * shown the hotlines at once.
 *
 * This is a screen, not a diagnosis: it errs on the side of routing. A false
 * alarm costs a counsellor a few minutes; a miss can cost a life. The signals
 * are phrase patterns over normalised text (spaces and common separators
 * removed), written for how students actually write — indirect ("活着没意思",
 * "想消失"), method words ("安眠药", "割腕", "跳楼"), farewells ("永别了", "来生
 * 再见"), and threats to others ("同归于尽", "报复社会") — not a list of exact
 * keywords. A negation nearby ("不是想自杀") is still routed: a counsellor can
 * tell, a pattern cannot.
 *
 * Sources for the kinds of signals: the warning-sign lists used in Chinese
 * university mental-health work (e.g. 教育部《高等学校学生心理健康教育指导纲要》
 * on early identification; 国家卫健委 12356 心理援助热线 materials).
 */
export type CrisisKind = 'self' | 'others';

export interface CrisisSignal {
  kind: CrisisKind;
  /** The words that matched, for the counsellor (never shown to other students). */
  match: string;
}

interface Pattern {
  kind: CrisisKind;
  re: RegExp;
}

const PATTERNS: Pattern[] = [
  // Saying it directly.
  { kind: 'self', re: /自杀|自尽|轻生|寻死|求死(?!神)|去死|想死|死了算了|不如死|一死了之|了结(?:自己|生命|此生)|结束(?:自己的?)?生命|结束这一切|自残|自伤|伤害自己|割腕|划(?:伤)?手腕|上吊|跳楼|跳河|跳江|跳桥|卧轨|烧炭|服毒|喝(?:农药|百草枯)|吃(?:了)?(?:很多|一整瓶|一瓶|大量)?(?:安眠药|药)(?:自杀|去死|结束)|攒(?:了)?(?:很多)?安眠药/ },
  // Saying it indirectly.
  { kind: 'self', re: /不想活|活不下去|活着(?:真|好|太)?(?:没意思|没意义|好累|太累|没有意义)|没有活下去的|撑不下去了?|坚持不下去了?|想(?:要)?消失|世界上?消失|离开这个世界|不想再醒来|(?:永远)?睡过去|解脱了?吧|一了百了|没有我(?:大家)?会更好|我是(?:个)?累赘|拖累(?:大家|家人|所有人)/ },
  // Saying goodbye, or a plan.
  { kind: 'self', re: /永别了?|来生再见|下辈子再见|最后一次(?:发|说|留言)|遗书|遗言|后事|安排好了?(?:一切|后事)|天台(?:上)?(?:站|坐)/ },
  // Others in danger.
  { kind: 'others', re: /杀了(?:他|她|他们|她们|你|室友|舍友|老师|同学)|(?:想|要)杀(?:人|了)|弄死(?:他|她|他们|你)|砍(?:死|人)|捅(?:死|人|他|她)|同归于尽|报复社会|带(?:着)?刀(?:去|来|到)|下毒|投毒|炸(?:了|掉)?(?:学校|宿舍|教学楼)|放火烧|打死(?:他|她|他们|你)/ },
];

/** Separators and fillers people put between the characters of a phrase. */
const SEPARATORS = /[\s\u3000·•,，.。!！?？~～、…\-_*#@/\\|()（）[\]【】"'“”‘’]+/g;

/** Signals in a question's text (title and body together), strongest first. */
export function crisisSignals(...texts: string[]): CrisisSignal[] {
  const text = texts.join('\n').replace(SEPARATORS, '');
  const found: CrisisSignal[] = [];
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) found.push({ kind: p.kind, match: m[0] });
  }
  return found.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'self' ? -1 : 1));
}

/**
 * Hotlines a student in crisis is shown at once, before anything else: the
 * school's own (its counselling unit's emergency contacts) first, then the
 * national ones, which answer day and night.
 */
export const NATIONAL_CRISIS_HOTLINES = [
  // The national psychological assistance hotline (国家卫生健康委员会, 2025).
  { label: '全国心理援助热线（24小时）', phone: '12356' },
  // 希望24热线, the national suicide-prevention line run day and night since 2009.
  { label: '希望24热线（24小时）', phone: '400-161-9995' },
  { label: '遇到紧急危险请拨打', phone: '110 / 120' },
] as const;
