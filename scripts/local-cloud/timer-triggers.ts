import { Cron } from 'croner';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DevClock } from './dev-clock';
import type { FunctionHost } from './function-host';

/**
 * Runs each function's timer triggers (from its config.json) on their cron, as
 * CloudBase does. CloudBase crons have 7 fields (second minute hour day month
 * weekday year); the year must be `*` here.
 */
export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: string;
}

export function readTimerTriggers(functionsDir: string): TimerTrigger[] {
  return readdirSync(functionsDir).flatMap((functionName) => {
    const file = join(functionsDir, functionName, 'config.json');
    if (!existsSync(file)) return [];
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: { name: string; type: string; config: string }[] };
    return (config.triggers ?? [])
      .filter((t) => t.type === 'timer')
      .map((t) => ({ functionName, name: t.name, cron: t.config }));
  });
}

export function toSixFieldCron(cloudbaseCron: string): string {
  const fields = cloudbaseCron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`"${cloudbaseCron}": CloudBase timer crons have 7 fields`);
  if (fields[6] !== '*') throw new Error(`"${cloudbaseCron}": the local cloud supports only "*" for the year`);
  return fields.slice(0, 6).join(' ');
}

export function timerEvent(trigger: TimerTrigger, clock: DevClock) {
  return { Type: 'Timer', TriggerName: trigger.name, Time: new Date(clock.now()).toISOString() };
}

export function startTimerTriggers(functionsDir: string, host: FunctionHost, clock: DevClock, log: (line: string) => void): () => void {
  const jobs = readTimerTriggers(functionsDir).map(
    (trigger) =>
      new Cron(toSixFieldCron(trigger.cron), { protect: true }, async () => {
        try {
          const report = await host.invoke(trigger.functionName, timerEvent(trigger, clock), { openid: null });
          log(`[timer] ${trigger.functionName}/${trigger.name}: ${JSON.stringify(report)}`);
        } catch (err) {
          log(`[timer] ${trigger.functionName}/${trigger.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
  );
  return () => jobs.forEach((j) => j.stop());
}
