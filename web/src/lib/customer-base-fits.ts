// The page's customer-base fits, as a Lit reactive controller: per kind, the options chosen, the fit
// running in the worker (on the import it keeps), its answer or why there is none; and the fitted
// values that become the workspace's inputs (input-sources.ts modelLayers).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineClient } from '../engine/engine-client';
import type { CustomerBaseAnswer } from '../engine/contract';
import type { CohortMeasure } from '../views/customer-base-cohorts';
import type { CustomerFilter } from '../views/customer-base-table';
import { type CustomerBaseOptions, defaultOptions, fitRequest, inputsModel, modelInputs, type WorkspaceMoney } from './customer-base';
import type { KindResult } from './file-imports';
import type { ModelInputs } from './input-sources';

export interface CustomerBaseFit {
  /** The import the fit is of; a new import of the kind starts over. */
  importId: number;
  options: CustomerBaseOptions;
  status: 'idle' | 'fitting' | 'done' | 'gone' | 'failed';
  answer: CustomerBaseAnswer | null;
  /** Fitting time in ms (shown beside the result). */
  ms: number;
  /** Increases with every fit: the customers' table starts over. */
  seq: number;
  /** The engine's message when the worker failed. */
  failure: string;
  /** What the cohort heatmap shows, and which customers the table lists. */
  cohortMeasure: CohortMeasure;
  filter: CustomerFilter;
  /** A transactions file's last date, as a fit without a calibration end found it. */
  lastDate: string | null;
}

let fitSeq = 0;

export class CustomerBaseFits implements ReactiveController {
  private readonly fits = new Map<string, CustomerBaseFit>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly engine: () => EngineClient | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The fit of this kind's result (a fresh one when the result is of another import). */
  of(result: KindResult): CustomerBaseFit {
    let fit = this.fits.get(result.kind);
    if (!fit || fit.importId !== result.importId) {
      fit = { importId: result.importId, options: defaultOptions(result.kind), status: 'idle', answer: null, ms: 0, seq: 0, failure: '', lastDate: null, cohortMeasure: 'active', filter: 'all' };
      this.fits.set(result.kind, fit);
    }
    return fit;
  }

  setOptions(result: KindResult, options: Partial<CustomerBaseOptions>): void {
    const fit = this.of(result);
    fit.options = { ...fit.options, ...options };
    this.host.requestUpdate();
  }

  setView(result: KindResult, view: Partial<Pick<CustomerBaseFit, 'cohortMeasure' | 'filter'>>): void {
    Object.assign(this.of(result), view);
    this.host.requestUpdate();
  }

  /** Fits the models on the worker's kept import of this result. */
  async fit(result: KindResult, money: WorkspaceMoney): Promise<void> {
    const engine = this.engine();
    const fit = this.of(result);
    if (!engine || fit.status === 'fitting') return;
    fit.status = 'fitting';
    this.host.requestUpdate();
    const started = performance.now();
    try {
      const { options } = fit;
      // A holdout runs to the file's last date: one quick fit finds it when no fit has yet.
      if (result.kind === 'transactions' && options.holdoutSplit && !options.calibrationEnd && !fit.lastDate) {
        const probe = await engine.fitModels(result.kind, result.importId, { time_unit: options.timeUnit, models: ['bg_nbd'], cohorts: false, customer_rows: 0 });
        fit.lastDate = probe?.summary?.calibration_end ?? null;
      }
      const answer = await engine.fitModels(result.kind, result.importId, fitRequest(result.kind, options, money, fit.lastDate));
      if (this.fits.get(result.kind) !== fit) return; // another import replaced it meanwhile
      if (answer?.summary?.calibration_end && !options.holdoutSplit && !options.calibrationEnd) fit.lastDate = answer.summary.calibration_end;
      fit.answer = answer;
      fit.status = answer ? 'done' : 'gone';
      fit.seq = ++fitSeq;
      fit.ms = performance.now() - started;
    } catch (error) {
      fit.status = 'failed';
      fit.failure = error instanceof Error ? error.message : String(error);
    }
    // The host's next update sees a new signature() and resolves the inputs again.
    this.host.requestUpdate();
  }

  /** What the fits give the workspace's inputs, one layer per fitted file, for the kinds still loaded. */
  inputs(results: Iterable<KindResult>): ModelInputs[] {
    const out: ModelInputs[] = [];
    for (const r of results) {
      const fit = this.fits.get(r.kind);
      if (!fit || fit.importId !== r.importId || fit.status !== 'done' || !fit.answer) continue;
      const model = inputsModel(fit.answer);
      const inputs = modelInputs(fit.answer, fit.options.timeUnit);
      if (model && Object.keys(inputs).length > 0) out.push({ model, kind: r.kind, fileName: r.fileName, readAt: r.readAt, inputs });
    }
    return out;
  }

  /** Changes when a fit's inputs may have: the calculator resolves the inputs again. */
  signature(): string {
    return [...this.fits.values()].map((f) => `${f.importId}:${f.seq}`).join(',');
  }
}
