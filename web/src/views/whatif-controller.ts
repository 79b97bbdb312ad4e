// The what-if panel's state and its calls to the engine: the document (scenarios, ranges, questions),
// the answers to the comparison, tornado, goal seek and Monte Carlo run, each asked on its own lane so
// that only the newest answer of each reaches the page, and one question's error never hides another.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type EngineClient, isSuperseded } from '../engine/engine-client';
import type { LeverChange, LeverKey, LeverRange, Levers, WhatIfAnswer, WhatIfRequest } from '../engine/whatif-contract';
import { changeTo } from '../lib/whatif-levers';
import { baseValue, goalRequest, monteCarloRequest, scenariosRequest, tornadoRequest } from '../lib/whatif-request';
import * as doc from '../lib/whatif-scenarios';

export type Question = 'scenarios' | 'tornado' | 'goal' | 'monte_carlo';
const QUESTIONS: readonly Question[] = ['scenarios', 'tornado', 'goal', 'monte_carlo'];

/** Monte Carlo's 10,000 draws wait for the sliders to rest this long. */
const MONTE_CARLO_DELAY_MS = 120;

export class WhatIfController implements ReactiveController {
  doc: doc.WhatIfDoc = doc.emptyDoc();
  levers: Levers | null = null;
  readonly answers: Record<Question, WhatIfAnswer | null> = { scenarios: null, tornado: null, goal: null, monte_carlo: null };
  /** A failed call (the worker, not the request: those errors are in the answer). */
  failure = '';
  private leversKey = '';
  private mcTimer: ReturnType<typeof setTimeout> | undefined;
  private allTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly engine: () => EngineClient | null,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.mcTimer);
    clearTimeout(this.allTimer);
  }

  /** The baseline from the inputs: every answer is asked again when it changed. */
  setBaseline(levers: Levers | null): void {
    const key = JSON.stringify(levers);
    if (key === this.leversKey) return;
    this.leversKey = key;
    this.levers = levers;
    if (!levers) for (const q of QUESTIONS) this.answers[q] = null;
    this.askAll(0);
  }

  /** A document read back (a workspace, a link, Undo): shown as it is, answered afresh. */
  load(next: doc.WhatIfDoc): void {
    this.doc = next;
    this.answers.monte_carlo = null;
    this.askAll(0);
  }

  private change(next: doc.WhatIfDoc, questions: readonly Question[]): void {
    this.doc = next;
    this.host.requestUpdate();
    for (const q of questions) {
      if (q === 'monte_carlo') this.askMonteCarlo(MONTE_CARLO_DELAY_MS);
      else void this.ask(q);
    }
  }

  /**
   * Every question again, in a task of its own (issue 16: the four requests are not built in the task
   * that loaded the inputs, the first answer's); each reads the levers and document as they are then.
   */
  private askAll(mcDelay: number): void {
    clearTimeout(this.allTimer);
    this.allTimer = setTimeout(() => {
      void this.ask('scenarios');
      void this.ask('tornado');
      void this.ask('goal');
      this.askMonteCarlo(mcDelay);
    }, 0);
  }

  // ---- edits ------------------------------------------------------------------------------------

  /** A lever of the selected scenario moved to `value` (a slider, a typed number, a goal's answer). */
  setLever(key: LeverKey, value: number): void {
    if (!this.levers) return;
    const base = baseValue(this.levers, key);
    const change: LeverChange | null = Math.abs(value - base) < 1e-12 ? null : changeTo(key, base, value);
    this.change(doc.setChange(this.doc, this.doc.selected, key, change), QUESTIONS);
  }

  select(id: string): void {
    this.change({ ...this.doc, selected: id }, ['tornado', 'goal', 'monte_carlo']);
  }

  add(start?: doc.StartingPoint, name = ''): void {
    this.change(doc.addScenario(this.doc, start, name), QUESTIONS);
  }

  rename(id: string, name: string): void {
    this.change(doc.renameScenario(this.doc, id, name), []);
  }

  duplicate(id: string, name: string): void {
    this.change(doc.duplicateScenario(this.doc, id, name), QUESTIONS);
  }

  remove(id: string): void {
    this.change(doc.deleteScenario(this.doc, id), QUESTIONS);
  }

  reset(): void {
    this.change(doc.resetScenario(this.doc, this.doc.selected), QUESTIONS);
  }

  setTornado(question: doc.TornadoQuestion): void {
    this.change({ ...this.doc, tornado: question }, ['tornado']);
  }

  setGoal(question: doc.GoalQuestion): void {
    this.change({ ...this.doc, goal: question }, ['goal']);
  }

  setRange(key: LeverKey, range: LeverRange | null): void {
    this.change(doc.setRange(this.doc, key, range), ['monte_carlo']);
  }

  setChance(question: doc.ChanceQuestion): void {
    this.change({ ...this.doc, chance: question }, ['monte_carlo']);
  }

  // ---- the engine -------------------------------------------------------------------------------

  private request(question: Question, levers: Levers): WhatIfRequest | null {
    switch (question) {
      case 'scenarios':
        return scenariosRequest(levers, this.doc);
      case 'tornado':
        return tornadoRequest(levers, this.doc);
      case 'goal':
        return goalRequest(levers, this.doc);
      default:
        return monteCarloRequest(levers, this.doc);
    }
  }

  private askMonteCarlo(delay: number): void {
    clearTimeout(this.mcTimer);
    if (delay <= 0) void this.ask('monte_carlo');
    else this.mcTimer = setTimeout(() => void this.ask('monte_carlo'), delay);
  }

  private async ask(question: Question): Promise<void> {
    const engine = this.engine();
    const levers = this.levers;
    const request = levers ? this.request(question, levers) : null;
    if (!engine || !request) {
      if (this.answers[question] !== null) {
        this.answers[question] = null;
        this.host.requestUpdate();
      }
      return;
    }
    const started = performance.now();
    try {
      const { answer, workerMs } = await engine.whatif(request, `whatif-${question}`);
      this.answers[question] = answer;
      this.failure = '';
      this.host.requestUpdate();
      // The benchmark (bench/whatif-page.mjs) and hosts follow the answers without reading the shadow root.
      this.host.dispatchEvent(
        new CustomEvent('servimetrics-whatif', {
          detail: { question, roundTripMs: performance.now() - started, workerMs, answer },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (isSuperseded(error)) return;
      this.failure = error instanceof Error ? error.message : String(error);
      this.host.requestUpdate();
    }
  }
}
