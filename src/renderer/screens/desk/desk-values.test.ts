import { describe, expect, it } from 'vitest';
import type { DeskStatus, ProvisionView } from '../../../shared/api/desk';
import { passwordProblems, provisionSteps, showsProvisionProgress, switchTarget } from './desk-values';

const provision: ProvisionView = {
  commune: { name: 'UBND xã Hoà Bình Thử', agencyCode: '000.00.00.T01', province: 'Tỉnh Thử Nghiệm' },
  slot: 1,
  hubUrl: 'https://hub.example.invalid',
  appliedAt: '2026-12-08T01:00:00.000Z',
  enrolment: 'pending',
  lastError: null,
  firstAdminPending: 'quantri.xa',
};
const desk = (over: Partial<DeskStatus>): DeskStatus => ({ mode: 'unset', productionReady: false, trainingReady: false, provision: null, packagePaths: [], ...over });

describe('the new password form', () => {
  it('asks for both boxes, eight characters, not the user name, and the same twice', () => {
    expect(passwordProblems('', '', 'quantri')).toEqual({ newPassword: 'settings.required', repeat: 'settings.required' });
    expect(passwordProblems('ngan', 'ngan', 'quantri')).toEqual({ newPassword: 'choose.tooShort' });
    // Eight letters of Vietnamese count as eight, whatever their bytes.
    expect(passwordProblems('đường lệ', 'đường lệ', 'quantri')).toEqual({});
    expect(passwordProblems('QuanTri.Xa', 'QuanTri.Xa', 'quantri.xa')).toEqual({ newPassword: 'choose.sameAsUser' });
    expect(passwordProblems('mat-khau-rieng', 'mat-khau-rieg', 'quantri')).toEqual({ repeat: 'choose.mismatch' });
    expect(passwordProblems('mat-khau-rieng', 'mat-khau-rieng', 'quantri')).toEqual({});
  });
});

describe('the provisioning panel', () => {
  it('has the applied steps done and the enrolment waiting, refused or done', () => {
    expect(provisionSteps(provision).map((s) => `${s.id}:${s.state}`)).toEqual(['package:done', 'commune:done', 'catalogue:done', 'first-admin:done', 'enrolment:waiting']);
    expect(provisionSteps({ ...provision, enrolment: 'refused' }).at(-1)?.state).toBe('refused');
    expect(provisionSteps({ ...provision, enrolment: 'enrolled' }).at(-1)?.state).toBe('done');
  });

  it('shows while enrolment waits or the first administrator has not chosen a password, never in training', () => {
    expect(showsProvisionProgress(desk({ mode: 'production', provision }))).toBe(true);
    expect(showsProvisionProgress(desk({ mode: 'production', provision: { ...provision, enrolment: 'enrolled' } }))).toBe(true);
    expect(showsProvisionProgress(desk({ mode: 'production', provision: { ...provision, enrolment: 'enrolled', firstAdminPending: null } }))).toBe(false);
    expect(showsProvisionProgress(desk({ mode: 'training', provision }))).toBe(false);
    expect(showsProvisionProgress(undefined)).toBe(false);
  });
});

describe('switching data', () => {
  it('offers training from the commune always, and the commune from training only once provisioned', () => {
    expect(switchTarget(desk({ mode: 'production', productionReady: true }))).toBe('training');
    expect(switchTarget(desk({ mode: 'training', trainingReady: true }))).toBeUndefined();
    expect(switchTarget(desk({ mode: 'training', trainingReady: true, productionReady: true }))).toBe('production');
    expect(switchTarget(desk({ mode: 'unset' }))).toBeUndefined();
  });
});
