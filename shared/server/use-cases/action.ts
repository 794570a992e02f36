import type { ActionName, ActionOutput, ActionParsedInput } from '../../contracts/actions';
import type { AskLimits } from '../../domain/ask-limits';
import type { CasePolicy } from '../../domain/case-lifecycle';
import type { TemplateKey } from '../../domain/notification-plan';
import type { IdGenerator } from '../ports/ids';
import type { ContentChecker } from '../ports/content-checker';
import type { PhoneNumbers } from '../ports/phone-numbers';
import type { FileStorage } from '../ports/files';
import type { MiniProgramCodes } from '../ports/miniprogram-codes';
import type { Notifier } from '../ports/notifier';
import type { Repositories } from '../ports/repositories';
import type { ResolvedViewer } from './viewer';

/**
 * What every api use case receives: the validated input and a context built by
 * the api plumbing (shared/server/api). Use cases see ports, never adapters.
 */
export interface ApiSettings {
  templates: Record<TemplateKey, string>;
  casePolicy: CasePolicy;
  reminderOffsetsHours: number[];
  fallbackWebhooks: Record<string, string>;
  askLimits: AskLimits;
  /** How many different people's reports hide published content until a moderator looks. */
  reportThreshold: number;
  /** A closed case's personal data is removed this many days after it closed. */
  retentionDays: number;
  /** Which mini-program version messages and codes open. */
  miniprogramState: 'developer' | 'trial' | 'formal';
  /** The mini-program's AppID, for official-account menus; null when not configured. */
  miniprogramAppId: string | null;
  /** Where the PC web (H5) version is served; null when not configured. */
  webBaseUrl: string | null;
}

export interface ActionContext {
  /** Present whenever the action declares `viewer: 'required'`. */
  viewer: ResolvedViewer;
  /** The client's request id, for idempotent writes. */
  requestId: string | undefined;
  now: number;
  ids: IdGenerator;
  repos: Repositories;
  notifier: Notifier;
  /** What checks text before it is published. */
  contentChecker: ContentChecker;
  /** What turns WeChat's phone-number code into the number. */
  phoneNumbers: PhoneNumbers;
  /** Mini-program code images (wxacode.getUnlimited). */
  miniProgramCodes: MiniProgramCodes;
  /** Cloud storage for the files the platform makes. */
  files: FileStorage;
  settings: ApiSettings;
  log: (message: string, detail: Record<string, unknown>) => void;
}

export interface PublicActionContext extends Omit<ActionContext, 'viewer'> {
  viewer: ResolvedViewer | null;
}

/**
 * Work that needs only the caller's openid and the input: the plumbing runs it
 * in the same round trip as the viewer lookup (reading the question an action
 * is about, recording an ask in the asker's quota), and hands its result to `run`.
 */
export interface PrepareContext extends Omit<ActionContext, 'viewer'> {
  openid: string;
}

export type ActionDefinition<A extends ActionName, P = undefined> =
  | {
      viewer: 'required';
      prepare?: (input: ActionParsedInput<A>, ctx: PrepareContext) => Promise<P>;
      run: (input: ActionParsedInput<A>, ctx: ActionContext, prepared: P) => Promise<ActionOutput<A>>;
    }
  | { viewer: 'optional'; run: (input: ActionParsedInput<A>, ctx: PublicActionContext) => Promise<ActionOutput<A>> }
  /** Public, but the caller is looked up when signed in (issue 11 boards: their own place, what they manage). */
  | { viewer: 'ifSignedIn'; run: (input: ActionParsedInput<A>, ctx: PublicActionContext) => Promise<ActionOutput<A>> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = { [A in ActionName]: ActionDefinition<A, any> };
