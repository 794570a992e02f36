import { composeMessage, fitField, NOTIFICATION_KINDS, TEMPLATE_FIELDS } from '../../shared/domain/notification-plan';

const NOW = Date.UTC(2026, 10, 21, 2, 0); // 10:00 in Shanghai
const facts = {
  title: '宿舍楼道有烧焦的味道，需要尽快有人来看一下',
  unitName: '机械工程学院团委',
  deadlineAt: NOW + 4 * 3600_000,
  at: NOW,
  now: NOW,
  note: '已联系宿管和后勤维修，今天下午检查线路',
};

describe('subscription message fields', () => {
  it('fits thing fields to 20 characters and phrase fields to 5 Chinese characters', () => {
    expect([...fitField('thing1', facts.title)]).toHaveLength(20);
    expect(fitField('thing1', facts.title).endsWith('…')).toBe(true);
    expect(fitField('thing2', '短标题')).toBe('短标题');
    expect(fitField('phrase2', '办理中!!')).toBe('办理中');
    expect(fitField('phrase2', '已经完成办理的状态')).toBe('已经完成办');
    expect(fitField('thing3', '   ')).toBe('—');
  });

  it('composes every kind within the limits, in Shanghai time', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const message = composeMessage(kind, facts);
      expect(Object.keys(message.data)).toEqual([...TEMPLATE_FIELDS[message.templateKey]]);
      for (const [field, value] of Object.entries(message.data)) {
        if (field.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20);
        if (field.startsWith('phrase')) expect([...value].length).toBeLessThanOrEqual(5);
        if (field.startsWith('time')) expect(value).toMatch(/^2026年11月21日 (10|14):00$/);
      }
      expect(message.text).toContain('宿舍楼道有烧焦的味道');
    }
  });

  it('tells the responder how long is left', () => {
    expect(composeMessage('reminder', facts).data.thing4).toBe('剩余 4小时，请尽快答复');
  });
});
