// The workspace bar under the top bar: the workspace shown (a select to switch), whether it is saved
// in this browser, Copy link, and a menu to create, rename, duplicate, delete and forget.
import { css, html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { WorkspaceKeeper } from '../lib/workspace-keeper';

export interface WorkspaceViewContext {
  i18n: I18n;
  keeper: WorkspaceKeeper;
  /** Forget this browser's data (after the confirmation). */
  onForget: () => void;
}

function statusText(ctx: WorkspaceViewContext): string {
  const { i18n, keeper } = ctx;
  switch (keeper.status) {
    case 'saving':
      return i18n.t('wsSaving');
    case 'saved':
      return i18n.t('wsSaved');
    case 'error':
      return i18n.t('wsNotSaved');
    default:
      return keeper.available ? i18n.t('wsNotYet') : i18n.t('wsNotSaved');
  }
}

/** Focuses an element once, when it is created (a stable callback: ref() calls it only then). */
const focusOnce = (el?: Element): void => (el as HTMLInputElement | undefined)?.focus();

function picker(ctx: WorkspaceViewContext): TemplateResult {
  const { i18n, keeper } = ctx;
  if (keeper.renaming) {
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const input = (e.target as HTMLFormElement).querySelector('input');
      void keeper.rename(input?.value ?? '');
    };
    return html`<form class="ws-rename" data-testid="workspace-rename" @submit=${submit}>
      <label class="inline"
        >${i18n.t('wsRenameLabel')}
        <input
          data-testid="workspace-name"
          ${ref(focusOnce)}
          .value=${keeper.name}
          maxlength="80"
          required
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') keeper.setRenaming(false);
          }}
      /></label>
      <button type="submit" class="btn small primary" data-testid="workspace-name-save">${i18n.t('wsRenameSave')}</button>
      <button type="button" class="btn small" @click=${() => keeper.setRenaming(false)}>${i18n.t('wsCancel')}</button>
    </form>`;
  }
  const current = keeper.current?.id ?? '';
  return html`<label class="inline ws-pick"
    >${i18n.t('wsLabel')}
    <select
      data-testid="workspace-select"
      ?disabled=${!keeper.available || keeper.list.length === 0}
      @change=${async (e: Event) => {
        const picked = e.target as HTMLSelectElement;
        await keeper.switchTo(picked.value);
        picked.value = keeper.current?.id ?? ''; // a workspace that did not open is not shown as chosen
      }}
    >
      ${keeper.current ? nothing : html`<option value="" selected>${keeper.name}</option>`}
      ${keeper.list.map((w) => html`<option value=${w.id} ?selected=${w.id === current}>${w.name}</option>`)}
    </select></label
  >`;
}

/** Runs a menu action and closes the menu, so that what the action shows is not covered. */
function closing(action: () => unknown): (e: Event) => void {
  return (e: Event) => {
    (e.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
    void action();
  };
}

function menu(ctx: WorkspaceViewContext): TemplateResult {
  const { i18n, keeper } = ctx;
  const off = !keeper.available;
  return html`<details class="ws-menu" data-testid="workspace-menu">
    <summary class="btn small">${i18n.t('wsMore')}</summary>
    <div class="ws-menu-body panel">
      <div class="ws-actions">
        <button type="button" class="btn small" data-testid="workspace-new" ?disabled=${off} @click=${closing(() => keeper.createNew())}>${i18n.t('wsNew')}</button>
        <button type="button" class="btn small" data-testid="workspace-rename-start" ?disabled=${off}
          @click=${closing(() => keeper.setRenaming(true))}>${i18n.t('wsRename')}</button>
        <button type="button" class="btn small" data-testid="workspace-duplicate" ?disabled=${off} @click=${closing(() => keeper.duplicate())}>${i18n.t('wsDuplicate')}</button>
        <button type="button" class="btn small" data-testid="workspace-delete" ?disabled=${off || !keeper.current}
          @click=${closing(() => keeper.ask('delete'))}>${i18n.t('wsDelete')}</button>
      </div>
      <label class="ws-check">
        <input type="checkbox" data-testid="keep-files" ?disabled=${off} .checked=${keeper.keepFileBytes}
          @change=${(e: Event) => keeper.setKeepFileBytes((e.target as HTMLInputElement).checked)} />
        <span>${i18n.t('wsKeepFiles')}<span class="muted small ws-hint">${i18n.t('wsKeepFilesHint')}</span></span>
      </label>
      <button type="button" class="btn small danger" data-testid="workspace-forget"
        @click=${closing(() => keeper.ask('forget'))}>${i18n.t('wsForget')}</button>
    </div>
  </details>`;
}

function confirmation(ctx: WorkspaceViewContext): TemplateResult | typeof nothing {
  const { i18n, keeper } = ctx;
  if (!keeper.confirming) return nothing;
  const forget = keeper.confirming === 'forget';
  const question = forget ? i18n.t('wsConfirmForget') : i18n.t('wsConfirmDelete', { name: keeper.name });
  return html`<div class="notice confirm" role="alertdialog" aria-label=${question} data-testid="workspace-confirm">
    <span>${question}</span>
    <button type="button" class="btn small primary" data-testid="workspace-confirm-yes" @click=${() => (forget ? ctx.onForget() : void keeper.remove())}>
      ${forget ? i18n.t('wsForgetYes') : i18n.t('wsDelete')}
    </button>
    <button type="button" class="btn small" data-testid="workspace-confirm-no" ${ref(focusOnce)} @click=${() => keeper.ask(null)}>${i18n.t('wsKeepIt')}</button>
  </div>`;
}

function linkOut(ctx: WorkspaceViewContext): TemplateResult | typeof nothing {
  const { i18n, keeper } = ctx;
  const link = keeper.link;
  if (!link) return nothing;
  const dismiss = html`<button type="button" class="btn small" @click=${() => keeper.dismiss()}>${i18n.t('wsDismiss')}</button>`;
  if (link.copied) return html`<p class="notice" role="status" data-testid="link-copied">${i18n.t('wsLinkCopied')} ${dismiss}</p>`;
  return html`<div class="notice ws-link" role="status" data-testid="link-manual">
    <label for="ws-link-field">${i18n.t('wsLinkManual')}</label>
    <input id="ws-link-field" data-testid="link-field" readonly ${ref(focusOnce)} aria-label=${i18n.t('wsLinkField')} .value=${link.url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
    ${dismiss}
  </div>`;
}

function messages(ctx: WorkspaceViewContext): TemplateResult[] {
  const { i18n, keeper } = ctx;
  const out: TemplateResult[] = [];
  const problem = keeper.problem;
  if (problem) {
    const key = (problem.code.startsWith('link_') ? `wsLink_${problem.code.slice(5)}` : `wsStorage_${problem.code.slice(8)}`) as MessageKey;
    const action =
      problem.code === 'storage_corrupt' && problem.id
        ? html`<button type="button" class="btn small" data-testid="workspace-forget-damaged" @click=${() => void keeper.forgetDamaged()}>${i18n.t('wsForgetCorrupt')}</button>`
        : problem.code.startsWith('link_')
          ? html`<button type="button" class="btn small" @click=${() => keeper.dismiss()}>${i18n.t('wsDismiss')}</button>`
          : nothing;
    out.push(html`<p class="notice error" role="alert" data-testid="workspace-problem" data-code=${problem.code}>
      ${i18n.t(key, { name: problem.name ?? '' })} ${action}
    </p>`);
  }
  const notice = keeper.notice;
  if (notice) {
    const text =
      notice.type === 'link-opened' ? i18n.t('wsLinkOpened', { name: notice.name }) : notice.type === 'forgotten' ? i18n.t('wsForgotten') : i18n.t('wsLinkNotKept');
    out.push(html`<p class="notice" role="status" data-testid="workspace-notice" data-notice=${notice.type}>
      ${text} <button type="button" class="btn small" @click=${() => keeper.dismiss()}>${i18n.t('wsDismiss')}</button>
    </p>`);
  }
  return out;
}

export function renderWorkspaceBar(ctx: WorkspaceViewContext): TemplateResult {
  const { i18n, keeper } = ctx;
  return html`<div class="workspace-bar" data-testid="workspace-bar">
    <div class="wrap">
      <div class="ws-row">
        ${picker(ctx)}
        <span class="ws-status" role="status" data-testid="workspace-status" data-status=${keeper.status}>${statusText(ctx)}</span>
        <span class="ws-tools">
          <button type="button" class="btn small" data-testid="copy-link" @click=${() => void keeper.copyLink()}>${i18n.t('wsCopyLink')}</button>
          ${menu(ctx)}
        </span>
      </div>
      ${confirmation(ctx)} ${linkOut(ctx)} ${messages(ctx)}
    </div>
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const workspaceStyles = css`
  .workspace-bar {
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    padding: 8px 0;
  }

  .ws-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 14px;
  }

  .ws-pick select {
    border: 1px solid var(--_border);
    border-radius: 7px;
    padding: 5px 8px;
    background: var(--_surface);
    color: var(--_text);
    max-width: 16rem;
  }

  .ws-rename {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }

  .ws-rename input,
  .ws-link input {
    border: 1px solid var(--_border);
    border-radius: 7px;
    padding: 5px 8px;
    background: var(--_surface);
    color: var(--_text);
    min-width: 0;
  }

  .ws-status {
    font-size: 13px;
    color: var(--_muted);
  }

  .ws-status[data-status='saved']::before {
    content: '✓ ';
    color: var(--_good);
  }

  .ws-status[data-status='error'] {
    color: var(--_bad);
  }

  .ws-tools {
    display: inline-flex;
    align-items: flex-start;
    gap: 8px;
    margin-left: auto;
  }

  .ws-menu {
    position: relative;
  }

  .ws-menu summary {
    list-style: none;
    display: inline-block;
  }

  .ws-menu summary::-webkit-details-marker {
    display: none;
  }

  .ws-menu summary::after {
    content: ' ▾';
  }

  .ws-menu[open] summary::after {
    content: ' ▴';
  }

  .ws-menu summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .ws-menu-body {
    position: absolute;
    right: 0;
    top: calc(100% + 6px);
    z-index: 20;
    width: min(22rem, calc(100vw - 28px));
    height: auto;
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 12px;
    box-shadow: var(--_shadow);
  }

  .ws-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .ws-check {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    font-size: 14px;
  }

  .ws-check input {
    margin-top: 3px;
  }

  .ws-hint {
    display: block;
  }

  .btn.danger {
    color: var(--_bad);
    align-self: flex-start;
  }

  .workspace-bar .notice {
    margin-top: 8px;
  }

  .ws-link {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 8px;
  }

  .ws-link input {
    flex: 1 1 18rem;
    font-family: var(--_mono);
    font-size: 12px;
  }

  @container (max-width: 720px) {
    .workspace-bar .wrap {
      padding-left: 14px;
      padding-right: 14px;
    }
  }
`;
