/** The tiny state router: a route is a value, navigation is setState. */
export type Route =
  | { readonly name: 'today' }
  | { readonly name: 'intake' }
  | { readonly name: 'search' }
  | { readonly name: 'reports' }
  | { readonly name: 'about' }
  // 8b: volunteers' drafts waiting for a clerk (draft.list is clerk and volunteer only).
  | { readonly name: 'drafts' }
  // 8a: settings, and the intake form reopening a saved draft.
  | { readonly name: 'settings' }
  // The sync problems screen (conflicts and refusals; clerk and leader, as the core allows).
  | { readonly name: 'sync' }
  | { readonly name: 'draft'; readonly id: string }
  | { readonly name: 'dossier'; readonly id: string };

export type NavName = Exclude<Route['name'], 'dossier' | 'draft'>;

/** In Alt+digit order. */
export const navOrder: readonly NavName[] = ['today', 'intake', 'search', 'reports', 'about'];

/** The nav for one role: the volunteers' drafts only for the clerk who may accept them; settings for all. */
export function navFor(role: string): NavName[] {
  const screens: NavName[] = role === 'clerk' ? [...navOrder, 'drafts'] : [...navOrder];
  // Settings last, so the Alt+digit of the others never moves.
  // "Đồng bộ" after Settings, so no existing Alt+digit moves.
  return role === 'clerk' || role === 'leader' ? [...screens, 'settings', 'sync'] : [...screens, 'settings'];
}
