// Saves text the page made as a file, through a Blob URL: nothing goes over the network.

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves a Blob (text made here, or a CSV the worker built) as a file. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "sales 2024.csv" -> "sales 2024-rejects.csv". */
export function rejectsFileName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '') || 'import';
  return `${base}-rejects.csv`;
}
