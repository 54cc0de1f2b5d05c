/**
 * The period report (`report.summary`): three index-range counts from the store (received,
 * resolved, pending), merged per procedure and channel, then totalled by channel, by procedure
 * and overall, with the online and on-time ratios a leader is asked for.
 */
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { ReportCounts, ReportSummary } from '../../../shared/api/reports';
import type { Store } from '../../store/db';
import type { DossierChannel } from '../../store/repos/dossiers';
import { countPending, countReceived, countResolved, type ReportGroup } from '../../store/repos/reports';
import type { Clock } from '../clock';
import { officeDay } from '../dossiers/office-time';
import { procedureNameLookup } from '../queues/procedure-names';
import { AWAITING_RESULT, CLOCK_STOPPED, NEVER_RECEIVED, WITH_RESULT } from '../queues/status-groups';
import { reportPeriod } from './period';

export interface ReportDeps {
  readonly store: Store;
  readonly clock: Clock;
}

const channels: readonly DossierChannel[] = ['counter', 'online', 'volunteer'];
const zero = (): ReportCounts => ({ received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0 });

function add(into: ReportCounts, counts: ReportCounts): void {
  into.received += counts.received;
  into.resolvedOnTime += counts.resolvedOnTime;
  into.resolvedLate += counts.resolvedLate;
  into.pendingOnTime += counts.pendingOnTime;
  into.pendingOverdue += counts.pendingOverdue;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Counts per procedure and channel, in procedure-code order. Throws AppError 'report.invalid-period'. */
export function reportSummary(deps: ReportDeps, input: ApiParsedInput<'report.summary'>): ReportSummary {
  const now = deps.clock.now();
  const period = reportPeriod(input.from, input.to, now);
  const scope = input.procedureCode === undefined ? {} : { procedureCode: input.procedureCode };
  // One read transaction: the three counts see the same snapshot even while clerks keep saving.
  const [received, resolved, pending] = deps.store.read((db) =>
    db.transaction(() => [
      countReceived(db, { ...scope, from: period.fromIso, to: period.toIso, excludedStatuses: NEVER_RECEIVED }),
      countResolved(db, { ...scope, from: period.fromIso, to: period.toIso, resolvedStatuses: WITH_RESULT }),
      countPending(db, { ...scope, asOf: period.asOfIso, openStatuses: AWAITING_RESULT, stoppedStatuses: CLOCK_STOPPED }),
    ] as const)(),
  );
  const groups = new Map<string, ReportGroup & ReportCounts>();
  const group = (g: ReportGroup): ReportCounts => {
    const key = `${g.procedureCode}\u0000${g.channel}`;
    let row = groups.get(key);
    if (row === undefined) groups.set(key, (row = { procedureCode: g.procedureCode, channel: g.channel, ...zero() }));
    return row;
  };
  for (const r of received) group(r).received += r.received;
  for (const r of resolved) add(group(r), { ...zero(), resolvedOnTime: r.onTime, resolvedLate: r.late });
  for (const r of pending) add(group(r), { ...zero(), pendingOnTime: r.onTime, pendingOverdue: r.overdue });

  const name = procedureNameLookup(deps.store, officeDay(now).day);
  const rows = [...groups.values()]
    .sort((a, b) => (a.procedureCode < b.procedureCode ? -1 : a.procedureCode > b.procedureCode ? 1 : 0) || channels.indexOf(a.channel) - channels.indexOf(b.channel))
    .map((r) => ({ ...r, procedureName: name(r.procedureCode) }));
  const total = zero();
  const byChannel = channels.map((channel) => ({ channel, ...zero() }));
  const byProcedure = new Map<string, ReportSummary['byProcedure'][number]>();
  for (const r of rows) {
    add(total, r);
    const c = byChannel.find((x) => x.channel === r.channel);
    if (c !== undefined) add(c, r);
    let p = byProcedure.get(r.procedureCode);
    if (p === undefined) byProcedure.set(r.procedureCode, (p = { procedureCode: r.procedureCode, procedureName: r.procedureName, ...zero() }));
    add(p, r);
  }
  const online = byChannel.find((c) => c.channel === 'online')?.received ?? 0;
  return {
    from: input.from,
    to: input.to,
    procedureCode: input.procedureCode ?? null,
    asOf: period.asOfIso,
    total,
    onlineRatio: ratio(online, total.received),
    onTimeRatio: ratio(total.resolvedOnTime, total.resolvedOnTime + total.resolvedLate),
    byChannel,
    byProcedure: [...byProcedure.values()],
    rows,
  };
}
