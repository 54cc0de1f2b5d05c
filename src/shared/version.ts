declare const __MOTCUA_VERSION__: string | undefined;

/** Injected by the build from package.json; source runs (tests) report a dev version. */
export const appVersion: string = typeof __MOTCUA_VERSION__ === 'string' ? __MOTCUA_VERSION__ : '0.0.0-dev';
