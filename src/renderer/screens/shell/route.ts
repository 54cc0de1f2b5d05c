/** The tiny state router: a route is a value, navigation is setState. */
export type Route =
  | { readonly name: 'today' }
  | { readonly name: 'intake' }
  | { readonly name: 'search' }
  | { readonly name: 'reports' }
  | { readonly name: 'about' }
  | { readonly name: 'dossier'; readonly id: string };

export type NavName = Exclude<Route['name'], 'dossier'>;

/** In Alt+digit order. */
export const navOrder: readonly NavName[] = ['today', 'intake', 'search', 'reports', 'about'];
