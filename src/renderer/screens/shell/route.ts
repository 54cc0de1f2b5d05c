/** The tiny state router: a route is a value, navigation is setState. */
export type Route =
  | { readonly name: 'today' }
  | { readonly name: 'intake' }
  | { readonly name: 'search' }
  | { readonly name: 'reports' }
  | { readonly name: 'about' }
  // 8b: volunteers' drafts waiting for a clerk (draft.list is clerk and volunteer only).
  | { readonly name: 'drafts' }
  | { readonly name: 'dossier'; readonly id: string };

export type NavName = Exclude<Route['name'], 'dossier'>;

/** In Alt+digit order. */
export const navOrder: readonly NavName[] = ['today', 'intake', 'search', 'reports', 'about'];

/** The nav for one role: the volunteers' drafts only for the clerk who may accept them. */
export function navFor(role: string): NavName[] {
  return role === 'clerk' ? [...navOrder, 'drafts'] : [...navOrder];
}
