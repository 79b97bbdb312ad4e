// The design tokens every view and the embed's card share: the host page themes them with custom
// properties (docs/EMBED.md): --servimetrics-accent, -font, -background, -surface, -text, -muted,
// -border, -good, -watch, -bad, -none, -radius (the older --sm-* names still work). Apart from
// shared-styles.ts so that a compact card's first load carries the tokens without the calculator's rules.
import { css } from 'lit';

export const themeTokens = css`
  :host {
    --_accent: var(--servimetrics-accent, var(--sm-accent, #0f5e6e));
    --_accent-soft: color-mix(in srgb, var(--_accent) 10%, transparent);
    --_font: var(
      --servimetrics-font,
      var(
        --sm-font,
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        'Helvetica Neue',
        Arial,
        'PingFang SC',
        'Hiragino Sans GB',
        'Microsoft YaHei',
        'Noto Sans CJK SC',
        sans-serif
      )
    );
    --_mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
    --_bg: var(--servimetrics-background, var(--sm-bg, #f4f6f8));
    --_surface: var(--servimetrics-surface, var(--sm-surface, #ffffff));
    --_text: var(--servimetrics-text, var(--sm-text, #1b2430));
    --_muted: var(--servimetrics-muted, var(--sm-muted, #5d6b7a));
    --_border: var(--servimetrics-border, var(--sm-border, #dde3ea));
    --_good: var(--servimetrics-good, var(--sm-good, #1f7a4d));
    --_watch: var(--servimetrics-watch, var(--sm-watch, #a8650b));
    --_bad: var(--servimetrics-bad, var(--sm-bad, #c0362c));
    --_none: var(--servimetrics-none, var(--sm-none, #6b7785));
    --_radius: var(--servimetrics-radius, var(--sm-radius, 10px));
    --_shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%);
    display: block;
    container-type: inline-size;
    min-width: 0;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_bg);
    line-height: 1.45;
    font-size: 15px;
    -webkit-text-size-adjust: 100%;
  }

  /* The root inside the shadow root: a host page's rules on the element itself (* { font-size: 40px })
     would otherwise be inherited by everything in it. */
  .app {
    font-family: var(--_font);
    font-size: 15px;
    font-style: normal;
    font-weight: 400;
    color: var(--_text);
    line-height: 1.45;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: left;
    text-transform: none;
    white-space: normal;
  }
`;
