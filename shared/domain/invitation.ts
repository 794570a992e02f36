import type { ErrorCode } from './errors';

/**
 * Invitations (邀请码): a unit admin invites a person to a team of a unit; the
 * person opens the invitation in the mini-program and their WeChat identity is
 * bound to the roster. Pure rules: the code's alphabet, its status at a time,
 * what joining with it is refused as.
 *
 * A code is 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * so it can be read aloud or typed from a poster, and `i=<code>` (12
 * characters) fits the 32 a mini-program code's scene allows.
 */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 10;
export const INVITE_CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

export const INVITE_DEFAULTS = { expiresInDays: 14, maxUses: 1 } as const;
export const INVITE_LIMITS = { maxDays: 90, maxUses: 200 } as const;

/** A code from random hex (at least 20 hex digits): one character per byte, about 49 bits in all. */
export function inviteCodeFromHex(hex: string): string {
  const clean = hex.replace(/[^0-9a-f]/gi, '');
  if (clean.length < INVITE_CODE_LENGTH * 2) throw new Error('inviteCodeFromHex needs at least 20 hex digits');
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
    const byte = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
    code += INVITE_CODE_ALPHABET[byte % INVITE_CODE_ALPHABET.length];
  }
  return code;
}

/** What a person typed or scanned, as a code: case, spaces and dashes do not matter. Null when it cannot be one. */
export function normaliseInviteCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return INVITE_CODE_PATTERN.test(code) ? code : null;
}

export type InvitationStatus = 'open' | 'expired' | 'usedUp' | 'revoked';

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  open: '可使用',
  expired: '已过期',
  usedUp: '已用完',
  revoked: '已撤销',
};

export interface InvitationFacts {
  expiresAt: number;
  maxUses: number;
  uses: number;
  revokedAt: number | null;
}

/** Revoked first (an admin's decision), then expired, then used up. */
export function invitationStatus(inv: InvitationFacts, now: number): InvitationStatus {
  if (inv.revokedAt !== null) return 'revoked';
  if (now >= inv.expiresAt) return 'expired';
  if (inv.uses >= inv.maxUses) return 'usedUp';
  return 'open';
}

/** The stable code a join with an invitation in this status is refused with; null when it may be used. */
export function joinRefusal(status: InvitationStatus): ErrorCode | null {
  switch (status) {
    case 'open':
      return null;
    case 'expired':
      return 'INVITE.EXPIRED';
    case 'usedUp':
      return 'INVITE.USED_UP';
    case 'revoked':
      return 'INVITE.REVOKED';
  }
}
