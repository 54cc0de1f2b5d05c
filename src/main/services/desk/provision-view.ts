/** How provisioning stands, read from a production folder's store (the scheduler writes its progress there). */
import type { ProvisionView } from '../../../shared/api/desk';
import type { ReadDb } from '../../store/db';
import { getSetting } from '../../store/repos/settings';
import { getSyncProvision } from '../../store/repos/sync-provision';
import { getUserById } from '../../store/repos/users';
import { Commune } from '../../../shared/api/app';
import { communeSettingKey } from '../settings/commune';

export function readProvisionView(db: ReadDb): ProvisionView | null {
  const p = getSyncProvision(db);
  const commune = Commune.safeParse(getSetting(db, communeSettingKey));
  if (p === undefined || !commune.success) return null;
  const admin = getUserById(db, p.firstAdminId);
  return {
    commune: { name: commune.data.name, agencyCode: commune.data.agencyCode, province: commune.data.province },
    slot: p.slot,
    hubUrl: p.hubUrl,
    appliedAt: p.appliedAt,
    enrolment: p.state,
    lastError: p.lastError,
    firstAdminPending: admin?.active && admin.mustChangePassword ? admin.username : null,
  };
}
