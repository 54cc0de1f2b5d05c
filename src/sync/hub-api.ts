/**
 * The client's HTTP calls to the hub: enrolment, tokens, push and pull, each body checked with
 * the protocol's schemas. A failure becomes a `SyncError` that says whether retrying can help
 * (network, 5xx, 429) or not (4xx), and carries a message the clerk can read.
 */
import { type z } from 'zod';
import { newDeviceKeyPair, signChallenge, verifyHubSignature, type DeviceKeyPair } from './device-key';
import {
  challengeResponse,
  enrolAnswerMessage,
  enrolResponse,
  provisionStatusResponse,
  type ProvisionStatusResponse,
  errorResponse,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullResponse,
  pushResponse,
  seqGapResponse,
  tokenResponse,
  type EnrolResponse,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type TokenResponse,
} from './protocol/messages';

/** The fetch the client uses (global fetch, or a test's wrapper that cuts connections). */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** A failed call; `transient` means a later retry may succeed. */
export class SyncError extends Error {
  constructor(
    readonly code: string,
    readonly transient: boolean,
    readonly userMessage: { readonly vi: string; readonly en: string },
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${code}: ${userMessage.en}`);
  }
}

const offline = new SyncError('network', true, { vi: 'Không kết nối được máy chủ; sẽ tự thử lại.', en: 'Cannot reach the hub; will retry.' });

/** Calls the hub; resolves to the parsed 2xx body or throws SyncError. */
export async function callHub<T>(fetchFn: FetchFn, url: string, init: RequestInit, schema: z.ZodType<T>, timeoutMs = 60_000): Promise<T> {
  let res: Response;
  let text: string;
  try {
    res = await fetchFn(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch {
    throw offline;
  }
  const body = text === '' ? undefined : safeJson(text);
  if (res.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new SyncError('bad-response', true, { vi: 'Máy chủ trả lời không đúng giao thức.', en: 'The hub answered outside the protocol.' }, res.status);
  }
  const gap = seqGapResponse.safeParse(body);
  if (res.status === 409 && gap.success) {
    throw new SyncError('seq-gap', false, { vi: `Máy chủ đã nhận đến thay đổi số ${gap.data.appliedThrough}; thứ tự gửi bị lệch.`, en: `The hub has applied through ${gap.data.appliedThrough}; the send order is out of step.` }, 409);
  }
  const err = errorResponse.safeParse(body);
  const message = err.success ? err.data.message : { vi: `Máy chủ báo lỗi ${res.status}.`, en: `The hub answered ${res.status}.` };
  // The hub no longer speaks this PC's protocol: retrying cannot help, updating the application can.
  if (res.status === 426) throw new SyncError('upgrade-required', false, message, 426);
  const retryAfter = Number(res.headers.get('retry-after'));
  const transient = res.status >= 500 || res.status === 429 || res.status === 408;
  throw new SyncError(err.success ? err.data.error : `http-${res.status}`, transient, message, res.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
  body: JSON.stringify(body),
});

/** What enrolment leaves on the PC: its identity and its private key (`secret`, PKCS#8 PEM, never sent). */
export interface EnrolledDevice extends EnrolResponse {
  readonly secret: string;
}

/**
 * Spends a one-time enrol code on the PC's key pair (a new one unless `keys` is given: a retry
 * after a lost answer must offer the same key); the caller stores `secret`. With `hubPublicKey`
 * (the provisioning package's), an answer the hub did not sign for this very key is refused.
 */
export async function enrol(
  fetchFn: FetchFn,
  hubUrl: string,
  code: string,
  deviceName: string,
  startAfterSeq = 0,
  options: { readonly keys?: DeviceKeyPair; readonly hubPublicKey?: string } = {},
): Promise<EnrolledDevice> {
  const keys = options.keys ?? newDeviceKeyPair();
  const enrolled = await callHub(fetchFn, `${hubUrl}/v1/enrol`, json({ protocol: PROTOCOL_VERSION, code, deviceName, publicKey: keys.publicKey, startAfterSeq }), enrolResponse);
  if (options.hubPublicKey !== undefined && !verifyHubSignature(options.hubPublicKey, enrolAnswerMessage({ ...enrolled, publicKey: keys.publicKey }), enrolled.signature)) {
    throw new SyncError('hub-signature', false, {
      vi: 'Câu trả lời đăng ký không có chữ ký của máy chủ ghi trong gói cài đặt; máy không đăng ký với máy chủ này.',
      en: 'The enrolment answer is not signed by the hub named in the provisioning package; the PC did not enrol with it.',
    });
  }
  return { ...enrolled, secret: keys.privateKey };
}

/** Whether a package's enrolment code is still unspent; undefined when the hub does not answer in time. */
export async function askProvisionStatus(fetchFn: FetchFn, hubUrl: string, packageId: string, timeoutMs: number): Promise<ProvisionStatusResponse['state'] | undefined> {
  try {
    const answer = await callHub(fetchFn, `${hubUrl}/v1/provision/status`, json({ protocol: PROTOCOL_VERSION, packageId }), provisionStatusResponse, timeoutMs);
    return answer.state;
  } catch {
    return undefined;
  }
}

/** Asks the hub for a nonce, signs it with the device's private key and trades it for a short-lived token. */
export async function requestToken(fetchFn: FetchFn, hubUrl: string, deviceId: string, privateKey: string): Promise<TokenResponse> {
  const { nonce } = await callHub(fetchFn, `${hubUrl}/v1/challenge`, json({ protocol: PROTOCOL_VERSION, deviceId }), challengeResponse);
  const signature = signChallenge(privateKey, deviceId, nonce);
  if (signature === undefined) {
    throw new SyncError('device-key-invalid', false, { vi: 'Khoá của máy này bị hỏng; cần đăng ký lại máy với máy chủ.', en: "This PC's key is damaged; enrol the PC with the hub again." });
  }
  return callHub(fetchFn, `${hubUrl}/v1/token`, json({ protocol: PROTOCOL_VERSION, deviceId, nonce, signature }), tokenResponse);
}

/** Sends one batch. */
export function push(fetchFn: FetchFn, hubUrl: string, token: string, deviceId: string, mutations: readonly Mutation[]): Promise<PushResponse> {
  return callHub(fetchFn, `${hubUrl}/v1/push`, json({ protocol: PROTOCOL_VERSION, deviceId, mutations }, token), pushResponse);
}

/** Reads one page of the commune's feed. */
export function pull(fetchFn: FetchFn, hubUrl: string, token: string, cursor: number | undefined, limit: number, waitS = 0): Promise<PullResponse> {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor === undefined ? {} : { cursor: String(cursor) }), ...(waitS > 0 ? { wait: String(waitS) } : {}) });
  // A long-poll may be held `waitS` by the hub: the timeout leaves it 10 s more (sync.md §4.8).
  return callHub(fetchFn, `${hubUrl}/v1/pull?${query.toString()}`, { method: 'GET', headers: { authorization: `Bearer ${token}` } }, pullResponse, waitS > 0 ? (waitS + 10) * 1000 : undefined);
}
