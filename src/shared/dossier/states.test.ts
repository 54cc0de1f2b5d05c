import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  canTransition,
  dossierStatuses,
  dossierStatusTable,
  dossierTransitions,
  isDossierStatus,
  isRole,
  isTransitionName,
  portalStatusCode,
  roles,
  slips,
  statusFromPortalCode,
  terminalStatuses,
  transitionNames,
  transitionsFrom,
  type DossierStatus,
  type Role,
  type TransitionName,
} from './states';

const origins: readonly (DossierStatus | null)[] = [null, ...dossierStatuses];
const REASON = { reason: 'Thiếu bản chính Giấy chứng sinh' };
/** A letter only Vietnamese text has: the messages must be Vietnamese, not English in disguise. */
const VIETNAMESE = /[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗờớợởỡụủũừứựửữỳỵỷỹđơư]/iu;

/** Every (transition, role) pair; each test walks every origin, including "not created yet". */
const pairs = transitionNames.flatMap((name) => roles.map((role) => ({ name, role })));

describe('the transition table', () => {
  it.each(pairs)('$name by $role: legal exactly where the table says', ({ name, role }) => {
    const row = dossierTransitions[name];
    for (const from of origins) {
      const legal = row.from.includes(from) && row.roles.includes(role);
      const where = `${name} from ${String(from)} by ${role}`;
      expect(canTransition(from, name, role), where).toBe(legal);
      expect(transitionsFrom(from, role).includes(name), where).toBe(legal);
      const result = applyTransition(from, name, role, REASON);
      if (legal) {
        expect(result, where).toEqual({ ok: true, status: row.to === 'unchanged' ? from : row.to, slip: row.slip, clock: row.clock });
        continue;
      }
      expect(result.ok, where).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, where).toMatch(/^dossier\.(not-created|transition-not-allowed|role-not-allowed)$/);
      expect(result.error.message.vi, where).toMatch(VIETNAMESE);
      expect(result.error.message.en.trim(), where).not.toBe('');
    }
  });

  it('gives every row a role, an origin and both labels', () => {
    for (const name of transitionNames) {
      const row = dossierTransitions[name];
      expect(row.roles.length, name).toBeGreaterThan(0);
      expect(row.from.length, name).toBeGreaterThan(0);
      expect(row.label.vi.trim(), name).not.toBe('');
      expect(row.label.en.trim(), name).not.toBe('');
      if (row.slip !== null) expect(slips[row.slip].label.vi, name).not.toBe('');
    }
  });

  it('keeps the volunteer to drafts and the admin out', () => {
    const volunteer = transitionNames.filter((n) => dossierTransitions[n].roles.includes('volunteer'));
    expect(volunteer).toEqual(['create-draft', 'discard-draft']);
    expect(transitionNames.filter((n) => dossierTransitions[n].roles.includes('admin'))).toEqual([]);
  });

  it('asks for a reason where the citizen is told no or asked for more', () => {
    const needReason = transitionNames.filter((n) => dossierTransitions[n].reasonRequired);
    expect(needReason).toEqual(expect.arrayContaining(['refuse', 'reject', 'request-supplement', 'reschedule', 'withdraw']));
  });

  it('prints the slips of §1.3 on the matching transitions', () => {
    expect(dossierTransitions.receive.slip).toBe('receipt');
    expect(dossierTransitions['accept-draft'].slip).toBe('receipt');
    expect(dossierTransitions['request-supplement'].slip).toBe('supplement-request');
    expect(dossierTransitions.refuse.slip).toBe('refusal');
    expect(dossierTransitions.reschedule.slip).toBe('apology');
    expect(dossierTransitions.transfer.slip).toBe('control-sheet');
    expect(dossierTransitions['return-result'].slip).toBe('handover');
    expect(slips.receipt.forms['tt01-2018']?.number).toBe('01');
    expect(slips['control-sheet'].forms['tt01-2018']?.number).toBe('05');
    expect(slips['control-sheet'].forms['tt03-2025']?.number).toBe('06');
  });
});

describe('terminal statuses and reachability', () => {
  it('lets nothing leave a terminal status, and something leave every other one', () => {
    for (const status of dossierStatuses) {
      const exits = transitionNames.filter((n) => dossierTransitions[n].from.includes(status));
      if (dossierStatusTable[status].terminal) expect(exits, status).toEqual([]);
      else expect(exits.length, status).toBeGreaterThan(0);
      for (const role of roles) if (terminalStatuses.includes(status)) expect(transitionsFrom(status, role)).toEqual([]);
    }
    expect(terminalStatuses).toEqual(['discarded', 'returned', 'refused', 'rejected', 'withdrawn']);
  });

  it('reaches every status from a draft, a counter receipt or an online submission', () => {
    const reached = new Set<DossierStatus>(['draft', 'received', 'submitted-online']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const name of transitionNames) {
        const row = dossierTransitions[name];
        if (row.to === 'unchanged' || reached.has(row.to)) continue;
        if (row.from.some((s) => s !== null && reached.has(s))) {
          reached.add(row.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...dossierStatuses].sort());
  });

  it('walks the usual life of a counter dossier', () => {
    const steps: [TransitionName, Role][] = [
      ['receive', 'clerk'],
      ['transfer', 'clerk'],
      ['start-processing', 'specialist'],
      ['request-supplement', 'specialist'],
      ['supplement-received', 'clerk'],
      ['transfer', 'clerk'],
      ['start-processing', 'specialist'],
      ['reschedule', 'leader'],
      ['resolve', 'leader'],
      ['return-result', 'clerk'],
    ];
    let status: DossierStatus | null = null;
    const clocks: string[] = [];
    for (const [name, role] of steps) {
      const result = applyTransition(status, name, role, REASON);
      if (!result.ok) throw new Error(result.error.message.en);
      status = result.status;
      clocks.push(result.clock);
    }
    expect(status).toBe('returned');
    expect(clocks).toEqual(['start', 'none', 'none', 'pause', 'restart', 'none', 'none', 'reschedule', 'stop', 'none']);
  });
});

describe('applyTransition messages', () => {
  it('names the status in Vietnamese when the status forbids it', () => {
    const result = applyTransition('returned', 'request-supplement', 'specialist', REASON);
    expect(result).toMatchObject({ ok: false, error: { code: 'dossier.transition-not-allowed' } });
    if (!result.ok) expect(result.error.message.vi).toBe("Hồ sơ đang ở trạng thái 'Đã trả kết quả' nên không thể yêu cầu bổ sung.");
  });

  it('names the role and who may do it', () => {
    const result = applyTransition('draft', 'accept-draft', 'volunteer');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('dossier.role-not-allowed');
      expect(result.error.message.vi).toBe("Tài khoản với vai trò 'Tình nguyện viên' không được tiếp nhận hồ sơ nháp; việc này dành cho: Cán bộ một cửa.");
    }
  });

  it('says a dossier must exist first', () => {
    const result = applyTransition(null, 'transfer', 'clerk');
    expect(result.ok || result.error.message.vi).toBe('Hồ sơ chưa được tạo nên không thể chuyển xử lý.');
  });

  it.each(transitionNames.filter((n) => dossierTransitions[n].reasonRequired))('refuses %s without a reason', (name) => {
    const row = dossierTransitions[name];
    const from = row.from[0] ?? null;
    const role = row.roles[0] ?? 'clerk';
    for (const input of [{}, { reason: '   ' }]) {
      const result = applyTransition(from, name, role, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'dossier.reason-required', field: 'reason' });
        expect(result.error.message.vi).toMatch(/^Cần ghi rõ lý do khi \p{Ll}/u);
        expect(result.error.message.vi).toMatch(VIETNAMESE);
      }
    }
  });

  it('allows one reschedule only', () => {
    expect(applyTransition('processing', 'reschedule', 'specialist', { ...REASON, alreadyRescheduled: false })).toMatchObject({
      ok: true,
      status: 'processing',
      slip: 'apology',
      clock: 'reschedule',
    });
    const second = applyTransition('processing', 'reschedule', 'specialist', { ...REASON, alreadyRescheduled: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'dossier.already-rescheduled' } });
  });

  it('accepts an account holding several roles', () => {
    expect(canTransition('received', 'start-processing', ['clerk', 'specialist'])).toBe(true);
    expect(transitionsFrom('received', ['clerk', 'specialist'])).toEqual([
      'transfer',
      'start-processing',
      'request-supplement',
      'reschedule',
      'reject',
      'withdraw',
    ]);
    expect(applyTransition('received', 'transfer', []).ok).toBe(false);
  });
});

describe('portal status codes', () => {
  it('maps every code 1–10 to a status and back', () => {
    for (let code = 1; code <= 10; code++) {
      const status = statusFromPortalCode(code);
      expect(status, String(code)).toBeDefined();
      if (status !== undefined) expect(portalStatusCode(status)).toBe(code);
    }
  });

  it('round-trips every status whose code is its own', () => {
    const shared = new Set(['transferred']);
    for (const status of dossierStatuses) {
      const code = portalStatusCode(status);
      if (code === null || shared.has(status)) continue;
      expect(statusFromPortalCode(code), status).toBe(status);
    }
    expect(portalStatusCode('transferred')).toBe(4);
    expect(statusFromPortalCode(4)).toBe('processing');
  });

  it('keeps drafts local and marks the inferred mappings', () => {
    expect(portalStatusCode('draft')).toBeNull();
    expect(portalStatusCode('discarded')).toBeNull();
    expect(dossierStatusTable.paused.unconfirmed).toBeTruthy();
    expect(dossierStatusTable.transferred.unconfirmed).toBeTruthy();
  });

  it('rejects codes outside 1–10', () => {
    for (const code of [0, 11, -1, 2.5, Number.NaN]) expect(statusFromPortalCode(code)).toBeUndefined();
  });
});

describe('guards for values from the database or the hub', () => {
  it('recognises names and rejects others', () => {
    expect(isDossierStatus('processing')).toBe(true);
    expect(isDossierStatus('PROCESSING')).toBe(false);
    expect(isTransitionName('reschedule')).toBe(true);
    expect(isTransitionName('approve')).toBe(false);
    expect(isRole('leader')).toBe(true);
    expect(isRole(3)).toBe(false);
  });
});
