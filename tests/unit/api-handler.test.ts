import { createApiHandler } from '../../shared/server/api/api-handler';
import { apiActions } from '../../shared/server/api/action-table';
import type { Repositories } from '../../shared/server/ports/repositories';
import type { ActionTable } from '../../shared/server/use-cases/action';
import { DEFAULT_CASE_POLICY } from '../../shared/domain/case-lifecycle';

/**
 * The api plumbing on its own (no database): what leaves the server is parsed
 * against the action's output contract, so a private field a use case lets
 * slip becomes INTERNAL (and a log line), never a leak.
 */
const unused = new Proxy({}, { get: () => { throw new Error('no repository is used here'); } }) as Repositories;
const settings = {
  templates: { reminder: 't1', escalation: 't2', reply: 't3', progress: 't4' },
  casePolicy: DEFAULT_CASE_POLICY,
  reminderOffsetsHours: [4, 1],
  fallbackWebhooks: {},
  askLimits: { perHour: 10, urgentPerDay: 3 },
  reportThreshold: 3,
  retentionDays: 730,
  miniprogramState: 'formal' as const,
  miniprogramAppId: null,
  webBaseUrl: null,
};
const clock = { now: () => 1_700_000_000_000 };
const ids = { next: (p: string) => `${p}_1`, derived: (p: string) => `${p}_2` };
const catalog = { units: [{ id: 'u-school', name: '校团委', shortName: '校团委', kind: 'school' as const, parentId: null, emergencyContacts: [] }], categories: [] };

function handlerReturning(output: unknown, log: (m: string, d: Record<string, unknown>) => void = () => {}) {
  const actions = { ...apiActions, 'catalog.get': { viewer: 'optional', run: async () => output } } as ActionTable;
  return createApiHandler({ actions, repos: unused, ids, notifier: { sendSubscribeMessage: async () => ({ ok: true }), postToGroup: async () => ({ ok: true }) }, contentChecker: { check: async () => ({ verdict: 'pass', label: null }) }, phoneNumbers: { fromCode: async () => null }, miniProgramCodes: { getUnlimited: async () => ({ ok: false, errcode: -1, errmsg: 'unused' }) }, files: { upload: async () => 'unused', temporaryUrls: async () => new Map(), describe: async () => new Map() }, settings, log });
}

describe('the api handler', () => {
  it('passes an output that matches the contract', async () => {
    expect(await handlerReturning(catalog)({ action: 'catalog.get' }, { openid: null, clock })).toEqual({ ok: true, data: catalog });
  });

  it('answers INTERNAL, and logs why, when a use case returns a field the contract does not declare', async () => {
    const logged: Record<string, unknown>[] = [];
    const leaking = { ...catalog, units: [{ ...catalog.units[0], askerOpenid: 'o-secret' }] };
    const reply = await handlerReturning(leaking, (_m, d) => logged.push(d))({ action: 'catalog.get', requestId: 'req-000001' }, { openid: null, clock });
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), requestId: 'req-000001' } });
    expect(JSON.stringify(reply)).not.toContain('o-secret');
    expect(logged).toEqual([expect.objectContaining({ action: 'catalog.get', error: [expect.objectContaining({ path: 'units.0' })] })]);
  });

  it('answers INTERNAL when a use case returns the wrong type', async () => {
    expect(await handlerReturning({ units: 'none', categories: [] })({ action: 'catalog.get' }, { openid: null, clock })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
