import type { ApiError } from './errors';

/** The one reply shape of every transport: a value, or a typed error. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
