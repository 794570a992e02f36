import { useCallback, useMemo, useState } from 'react';
import type { CollegeTarget, Invitation, RosterPerson } from '@shared/contracts/roster.contract';
import type { Team } from '@shared/domain/organisation';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRequestIds } from '../../hooks/use-request-ids';
import {
  getInvitationCode,
  inviteToRoster,
  listInvites,
  listRoster,
  revokeInvite,
  updateRoster,
  type InvitationCode,
  type InviteRequest,
  type RosterChange,
} from '../../services/roster.service';
import { actionErrorText } from '../../utils/admin-errors';

const personKey = (p: RosterPerson) => p.personId;

/** 名册 of one unit (or all the viewer may read), with each college's targets and 调整 in place. */
export function useRoster(unitId: string | null) {
  const [colleges, setColleges] = useState<CollegeTarget[]>([]);
  const [changed, setChanged] = useState<Record<string, RosterPerson>>({});
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const page = await listRoster(unitId, cursor);
      if (!cursor) {
        setColleges(page.colleges);
        setChanged({});
      }
      return page;
    },
    [unitId],
  );
  const list = usePagedList<RosterPerson>(fetchPage, personKey);
  const people = useMemo(() => list.items.map((p) => changed[p.personId] ?? p), [list.items, changed]);

  const ids = useRequestIds();
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; text: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** Applies one change; `key` says which editor is busy (and gets the error). Resolves true when saved. */
  const update = useCallback(
    async (key: string, change: RosterChange, doneText: string): Promise<boolean> => {
      setSaving(key);
      setError(null);
      setDone(null);
      try {
        const person = await updateRoster(change, ids.idFor(['roster.update', change]));
        ids.settled();
        setChanged((prev) => ({ ...prev, [person.personId]: person }));
        setDone(doneText);
        return true;
      } catch (err) {
        setError({ key, text: actionErrorText(err) });
        return false;
      } finally {
        setSaving(null);
      }
    },
    [ids],
  );

  return { list, people, colleges, update, saving, error, done, clearError: () => setError(null) };
}

export interface InviteDraft {
  unitId: string | null;
  team: Team | null;
  categoryIds: string[];
  name: string;
  expiresInDays: number;
  maxUses: number;
}

export const EMPTY_DRAFT: InviteDraft = { unitId: null, team: null, categoryIds: [], name: '', expiresInDays: 14, maxUses: 1 };

/** What is wrong with a draft before it is sent, by field. */
export function inviteDraftErrors(d: InviteDraft): Partial<Record<'unitId' | 'team' | 'name', string>> {
  const errors: Partial<Record<'unitId' | 'team' | 'name', string>> = {};
  if (!d.unitId) errors.unitId = '请选择邀请加入的单位';
  if (!d.team) errors.team = '请选择团队（团帮青、专帮青或青帮青）';
  if ([...d.name.trim()].length > 20) errors.name = '姓名不超过 20 个字';
  return errors;
}

/** 邀请: the open invitations, a new one, its mini-program code, 撤销. */
export function useInvites(unitId: string | null) {
  const [changed, setChanged] = useState<Record<string, Invitation>>({});
  const fetchPage = useCallback(
    (cursor?: string) => {
      if (!cursor) setChanged({});
      return listInvites(unitId, cursor);
    },
    [unitId],
  );
  const list = usePagedList<Invitation>(fetchPage);
  const items = useMemo(() => list.items.map((i) => changed[i.id] ?? i), [list.items, changed]);

  const [draft, setDraft] = useState<InviteDraft>(EMPTY_DRAFT);
  const [showErrors, setShowErrors] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Invitation | null>(null);
  const [codes, setCodes] = useState<Record<string, InvitationCode | { error: string } | 'loading'>>({});
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const ids = useRequestIds();

  const errors = inviteDraftErrors(draft);
  const change = useCallback((patch: Partial<InviteDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  const showCode = useCallback((invitationId: string) => {
    setCodes((c) => ({ ...c, [invitationId]: 'loading' }));
    getInvitationCode(invitationId).then(
      (code) => setCodes((c) => ({ ...c, [invitationId]: code })),
      (err: unknown) => setCodes((c) => ({ ...c, [invitationId]: { error: actionErrorText(err) } })),
    );
  }, []);

  const issue = useCallback(async () => {
    setShowErrors(true);
    if (Object.keys(inviteDraftErrors(draft)).length > 0 || !draft.unitId || !draft.team) return;
    const request: InviteRequest = {
      unitId: draft.unitId,
      team: draft.team,
      categoryIds: draft.categoryIds,
      expiresInDays: draft.expiresInDays,
      maxUses: draft.maxUses,
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    };
    setIssuing(true);
    setIssueError(null);
    try {
      const inv = await inviteToRoster(request, ids.idFor(['roster.invite', request]));
      ids.settled();
      setIssued(inv);
      setDraft({ ...EMPTY_DRAFT, unitId: draft.unitId });
      setShowErrors(false);
      showCode(inv.id);
      list.reload();
    } catch (err) {
      setIssueError(actionErrorText(err));
    } finally {
      setIssuing(false);
    }
  }, [draft, ids, list, showCode]);

  const revoke = useCallback(async (inv: Invitation) => {
    setRowError(null);
    try {
      const after = await revokeInvite(inv.id, ids.idFor(['roster.revokeInvite', inv.id]));
      ids.settled();
      setChanged((c) => ({ ...c, [after.id]: after }));
      setIssued((cur) => (cur?.id === after.id ? after : cur));
    } catch (err) {
      setRowError({ id: inv.id, text: actionErrorText(err) });
    }
  }, [ids]);

  return {
    list,
    items,
    draft,
    change,
    errors: showErrors ? errors : {},
    issue,
    issuing,
    issueError,
    issued,
    closeIssued: () => setIssued(null),
    codes,
    showCode,
    revoke,
    rowError,
  };
}
