import type { LocalizedText } from '../validation';

/*
 * Who acts on a dossier (DESIGN §1, §7). One account may hold several roles (in a small commune
 * the civil-status officer also sits at the counter), so the state machine accepts a role or a
 * list of them.
 */

/** Every role, in the order the accounts screen lists them. */
export const roles = ['clerk', 'specialist', 'volunteer', 'leader', 'admin'] as const;

/** A local account's role: cán bộ một cửa, cán bộ chuyên môn, tình nguyện viên, lãnh đạo, quản trị. */
export type Role = (typeof roles)[number];

/** Labels for the accounts screen and for error messages. */
export const roleLabels: Readonly<Record<Role, LocalizedText>> = {
  clerk: { vi: 'Cán bộ một cửa', en: 'Counter clerk' },
  specialist: { vi: 'Cán bộ chuyên môn', en: 'Specialist' },
  volunteer: { vi: 'Tình nguyện viên', en: 'Volunteer' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
};

/** True for one of `roles` (for values read from the database or the hub). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
