// Task boundaries (issue 16: no long task on the host's main thread): work after `await nextTask()`
// runs in a new task, so the browser can paint and answer input in between.
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The page's first Intl object sets up the locale data, a wait of its own (tens of ms on a slow
 * phone): it is made in tasks of their own, queued while the script runs, before the first render
 * (whose currency names and numbers need it) comes in the next. Two tasks, each about half of it:
 * the locale's likely subtags (Locale.maximize), then the formatters' list of locales, which the
 * first NumberFormat builds (issue 16: a phone's 4× slower CPU makes the one task a long task).
 */
export function warmUpIntl(): void {
  const lang = navigator.language || 'en';
  setTimeout(() => {
    try {
      new Intl.Locale(lang).maximize();
    } catch {
      // a tag Intl refuses (as before, the NumberFormat below throws in its own task): nothing to warm
    }
  }, 0);
  setTimeout(() => new Intl.NumberFormat(lang).format(1), 0);
}

/**
 * A page's first text layout loads its font faces and sets up the form controls' look (several ms
 * on a phone, on top of the first screen's own layout): done in a task of its own, before the first
 * render, on a hidden line in the element's font (regular and bold, a button and a select) that is
 * removed in the same task, so it is never painted.
 */
export function warmUpText(root: Node): void {
  setTimeout(() => {
    const line = document.createElement('div');
    line.setAttribute('aria-hidden', 'true');
    Object.assign(line.style, { position: 'absolute', visibility: 'hidden', contain: 'strict', width: '0', height: '0', overflow: 'hidden' });
    line.innerHTML = '<span>Aa 0</span><b>Aa 0</b><button type="button">Aa</button><select><option>Aa</option></select>';
    root.appendChild(line);
    void line.firstElementChild?.getBoundingClientRect().width;
    line.remove();
  }, 0);
}
