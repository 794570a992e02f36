import { readServerConfig } from '../../shared/server/config';

const CLOUD = {
  QNZS_ENV_ID: 'campus-prod-1a2b',
  QNZS_TEMPLATE_REMINDER: 'tplReminder_001',
  QNZS_TEMPLATE_ESCALATION: 'tplEscalation_001',
  QNZS_TEMPLATE_REPLY: 'tplReply_001',
  QNZS_TEMPLATE_PROGRESS: 'tplProgress_001',
};

describe('function configuration, validated at start', () => {
  it('reads a complete cloud configuration', () => {
    const config = readServerConfig({
      ...CLOUD,
      QNZS_REMINDER_HOURS: '6,2',
      QNZS_AUTO_CLOSE_DAYS: '10',
      QNZS_FALLBACK_WEBHOOKS: JSON.stringify({ 'd-logistics': 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234-efgh' }),
    });
    expect(config).toMatchObject({
      envId: 'campus-prod-1a2b',
      localCloud: false,
      templates: { reminder: 'tplReminder_001', progress: 'tplProgress_001' },
      reminderOffsetsHours: [6, 2],
      casePolicy: { autoCloseDays: 10 },
      fallbackWebhooks: { 'd-logistics': expect.stringMatching(/^https:\/\/qyapi/) },
    });
  });

  it('refuses to start in the cloud without template ids, naming every problem', () => {
    expect(() => readServerConfig({ QNZS_ENV_ID: 'campus-prod' })).toThrow(/QNZS_TEMPLATE_REMINDER: missing[\s\S]*QNZS_TEMPLATE_PROGRESS: missing/);
  });

  it('refuses a fallback that is not a WeCom group robot, and bad numbers', () => {
    expect(() => readServerConfig({ ...CLOUD, QNZS_FALLBACK_WEBHOOKS: JSON.stringify({ 'd-logistics': 'http://evil.example/hook' }) })).toThrow(/WeCom group robot/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_FALLBACK_WEBHOOKS: '{not json' })).toThrow(/QNZS_FALLBACK_WEBHOOKS/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_REMINDER_HOURS: '4,soon' })).toThrow(/QNZS_REMINDER_HOURS/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_AUTO_CLOSE_DAYS: '0' })).toThrow(/QNZS_AUTO_CLOSE_DAYS/);
  });

  it('fills local template ids under the local cloud', () => {
    expect(readServerConfig({ LOCAL_CLOUD: 'true' }).templates).toEqual({
      reminder: 'local-reminder',
      escalation: 'local-escalation',
      reply: 'local-reply',
      progress: 'local-progress',
    });
  });
});
