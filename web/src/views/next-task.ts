// Task boundaries (issue 16: no long task on the host's main thread): work after `await nextTask()`
// runs in a new task, so the browser can paint and answer input in between.
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The page's first Intl object sets up the locale data, a wait of its own (tens of ms on a slow
 * phone): it is made in a task of its own, queued while the script runs, before the first render
 * (whose currency names and numbers need it) comes in the next.
 */
export function warmUpIntl(): void {
  setTimeout(() => new Intl.NumberFormat(navigator.language || 'en').format(1), 0);
}
