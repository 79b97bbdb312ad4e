// What one workspace is: every input with its source, the file results, the scenario, thresholds,
// language and currency; what the page saves in this browser and what a shared link carries.
import type {
  CombinedAnswer,
  ComputeRequest,
  ImportAnswer,
  ImportOptions,
  InputValue,
  ProjectionRequest,
} from '../engine/contract';
import type { Currency, Lang } from '../i18n/i18n';
import type { FormState } from './form-model';
import type { Scenario } from './whatif';

/** Where a value in the form came from: the user typed it, or the sample company gave it. */
export type FormSource = 'typed' | 'sample';

/** A file an input's value was read from; `viaLink` when it arrived in a shared link, without the file. */
export interface FileSource {
  type: 'file';
  kind: string;
  fileName: string;
  /** ISO 8601. */
  readAt: string;
  viaLink?: boolean;
}

export type InputSource = { type: 'typed' } | { type: 'sample' } | FileSource;

/** A file-derived input that arrived as a value (a shared link, a saved workspace whose file is gone). */
export interface LinkedInput {
  value: InputValue;
  source: FileSource;
}

/** A file result as kept: the answer and how it was read; the file's bytes only when the user asked. */
export interface SavedFile {
  kind: string;
  fileName: string;
  readAt: string;
  options: ImportOptions;
  answer: ImportAnswer;
  headerKey: string | null;
  remembered: boolean;
  bytes?: Blob;
}

/** The page's whole state of work, as saved and restored. */
export interface WorkspaceState {
  form: FormState;
  /** The source of every non-blank form value, by form key. */
  formSources: Record<string, FormSource>;
  /** Request inputs the form has no field for, passed through to the core. */
  extra: Record<string, InputValue>;
  thresholds?: ComputeRequest['thresholds'];
  loadedProjection: ProjectionRequest | null;
  scenario: Scenario;
  notice: 'sample' | 'cleared' | null;
  lang: Lang;
  currency: Currency;
  companyName: string;
  files: SavedFile[];
  combined: CombinedAnswer | null;
  activeFile: string | null;
  linkedInputs: Record<string, LinkedInput>;
  keepFileBytes: boolean;
}
