// A workspace's inputs in a link's fragment (#w1.<deflate-raw JSON, base64url>), and back: the
// fragment never reaches a server. File-derived inputs travel as values naming their file, never rows.
import type { InputValue } from '../engine/contract';
import { isInputValue, type LinkedInput, validateState, type WorkspaceState } from './workspace-doc';

/** What a link carries: the typed side of a workspace, and the inputs its files gave, as values. */
export interface LinkPayload {
  form: WorkspaceState['form'];
  formSources: WorkspaceState['formSources'];
  extra: WorkspaceState['extra'];
  thresholds?: WorkspaceState['thresholds'];
  loadedProjection: WorkspaceState['loadedProjection'];
  /** Version 1 carried one `scenario` instead: read and migrated (workspace-doc.ts). */
  whatif: WorkspaceState['whatif'];
  lang: WorkspaceState['lang'];
  currency: WorkspaceState['currency'];
  companyName: string;
  linkedInputs: Record<string, LinkedInput>;
}

export type LinkErrorCode = 'link_damaged' | 'link_version_unknown';

export type LinkRead =
  | { status: 'none' }
  | { status: 'ok'; version: number; state: WorkspaceState }
  | { status: 'error'; code: LinkErrorCode };

/** The version this page writes; every older one is still read (see READERS). */
export const LINK_VERSION = 2;
/** Longer fragments are not links this page wrote (a sane cap before inflating anything). */
const MAX_FRAGMENT = 200_000;
/** The JSON a link inflates to, at most: a damaged or hostile link cannot fill the memory. */
const MAX_JSON_BYTES = 4_000_000;

/** The inputs a workspace's files gave (each file's `answer.inputs`), named by their file; later files win. */
export function fileInputs(state: WorkspaceState): Record<string, LinkedInput> {
  const out: Record<string, LinkedInput> = { ...state.linkedInputs };
  for (const file of state.files) {
    for (const [name, value] of Object.entries(file.answer.inputs ?? {})) {
      if (!isInputValue(value)) continue; // nothing but plain values may travel
      if (name in file.options) continue; // the margin it was read with is the workspace's own, not a finding
      out[name] = { value: value as InputValue, source: { type: 'file', kind: file.kind, fileName: file.fileName, readAt: file.readAt } };
    }
  }
  return out;
}

/** The part of a workspace a link carries. */
export function linkPayload(state: WorkspaceState): LinkPayload {
  const payload: LinkPayload = {
    form: state.form,
    formSources: state.formSources,
    extra: state.extra,
    loadedProjection: state.loadedProjection,
    whatif: state.whatif,
    lang: state.lang,
    currency: state.currency,
    companyName: state.companyName,
    linkedInputs: fileInputs(state),
  };
  if (state.thresholds) payload.thresholds = state.thresholds;
  return payload;
}

/** The fragment of a link to `state`: "#w1.…" compressed, or "#w1u.…" where CompressionStream is missing. */
export async function encodeLink(state: WorkspaceState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(linkPayload(state)));
  if (typeof CompressionStream !== 'function') return `#w${LINK_VERSION}u.${toBase64Url(bytes)}`;
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
  return `#w${LINK_VERSION}.${toBase64Url(packed)}`;
}

/**
 * Reads a fragment ("#w1.…"): the workspace it carries (files none, file inputs as linked values),
 * "none" when the fragment is not a link, or an error code. Never throws.
 */
export async function decodeLink(fragment: string): Promise<LinkRead> {
  const hash = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!/^w\d/.test(hash)) return { status: 'none' };
  const match = /^w(\d{1,4})(u?)\.([A-Za-z0-9_-]*)$/.exec(hash);
  if (!match || hash.length > MAX_FRAGMENT) return { status: 'error', code: 'link_damaged' };
  const version = Number(match[1]);
  const reader = READERS[version];
  if (!reader) return { status: 'error', code: 'link_version_unknown' };
  try {
    let bytes = fromBase64Url(match[3] ?? '');
    if (!match[2]) {
      if (typeof DecompressionStream !== 'function') return { status: 'error', code: 'link_damaged' };
      bytes = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    }
    const state = reader(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return state ? { status: 'ok', version, state } : { status: 'error', code: 'link_damaged' };
  } catch {
    return { status: 'error', code: 'link_damaged' };
  }
}

/**
 * One reader per link version ever written, each giving today's state: a link from an older page
 * keeps opening. A new version adds its reader here and keeps the old ones.
 */
const READERS: Record<number, (json: unknown) => WorkspaceState | null> = {
  // Version 1 carried one unnamed `scenario`; validateState turns it into the first named one.
  1: (json) => readPayload(json),
  // Version 2 carries the what-if scenarios, ranges and questions (`whatif`).
  2: (json) => readPayload(json),
};

/** A link's JSON as today's state: files none, file inputs as linked values. */
function readPayload(json: unknown): WorkspaceState | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const payload = json as Partial<LinkPayload>;
  const linked: Record<string, LinkedInput> = {};
  for (const [name, input] of Object.entries(payload.linkedInputs ?? {})) {
    linked[name] = { ...input, source: { ...input?.source, viaLink: true } } as LinkedInput;
  }
  const check = validateState({
    ...payload,
    linkedInputs: linked,
    notice: null,
    files: [],
    combined: null,
    activeFile: null,
    keepFileBytes: false,
  });
  return check.ok ? check.state : null;
}

/** Runs bytes through a (de)compression stream; stops past `limit` output bytes. */
async function pipe(input: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const writer = transform.writable.getWriter();
  void writer.write(input).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
