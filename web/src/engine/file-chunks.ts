// The chunks of a dropped file for an import: read by a thread of their own when one can start
// (file-reader.worker.ts), so the reading overlaps the core's work; else read in this worker, the
// next chunk asked for before this one is fed (an embed served from another origin cannot start a
// worker from its own URL inside the engine's worker, nor can the single-file build).

export type ReaderRequest = { type: 'read'; file: Blob; ahead: number } | { type: 'ack' } | { type: 'stop' };
export type ReaderReply = { type: 'chunk'; chunk: Uint8Array } | { type: 'end' } | { type: 'error'; message: string };

/** The file's next chunk, null at its end; stop() ends the reading early (a cancel). */
export interface FileChunks {
  next(): Promise<Uint8Array | null>;
  stop(): void;
}

/** Chunks a reader may hand over before the import takes them: 4 of up to 2 MB. */
const AHEAD = 4;

let spare: Worker | null = null; // a reader whose file ended, kept for the next import
let unavailable = false; // no reader can start here: every import reads in this worker

function takeReader(): Worker | null {
  if (unavailable) return null;
  if (spare) {
    const reader = spare;
    spare = null;
    return reader;
  }
  try {
    return new Worker(new URL('./file-reader.worker.ts', import.meta.url), { type: 'module', name: 'servimetrics-file-reader' });
  } catch {
    unavailable = true; // e.g. a SecurityError: the script's origin is not this worker's
    return null;
  }
}

/** Starts a reader ahead of the first drop (its start took the first 100 ms of a warm import). */
export function prepareFileReader(): void {
  if (!spare) spare = takeReader();
}

export function fileChunks(file: Blob): FileChunks {
  const reader = takeReader();
  return reader ? readerChunks(reader, file) : localChunks(file);
}

function localChunks(file: Blob): FileChunks {
  const reader = file.stream().getReader();
  let ahead: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return {
    async next() {
      const current = ahead ?? reader.read();
      const { done, value } = await current;
      if (done) return null;
      // The next chunk is asked for before this one is fed, so the browser reads while the core works.
      ahead = reader.read();
      return value;
    },
    stop() {
      void reader.cancel().catch(() => undefined);
    },
  };
}

function readerChunks(reader: Worker, file: Blob): FileChunks {
  const queue: Uint8Array[] = [];
  let ended = false;
  let failure: string | null = null;
  let started = false; // a chunk came: a later failure is the file's, not the reader's start
  let fallback: FileChunks | null = null;
  let wake: (() => void) | null = null;
  let finished = false; // the reader was handed back or ended
  const finish = (keep: boolean) => {
    if (finished) return;
    finished = true;
    reader.onmessage = null;
    reader.onerror = null;
    if (keep && !spare) spare = reader;
    else reader.terminate();
  };
  reader.onmessage = (event: MessageEvent<ReaderReply>) => {
    const reply = event.data;
    started = true;
    if (reply.type === 'chunk') queue.push(reply.chunk);
    else if (reply.type === 'end') ended = true;
    else failure = reply.message;
    wake?.();
  };
  reader.onerror = (event) => {
    event.preventDefault();
    if (!started) {
      // The reader's script could not load here: read in this worker, now and from now on.
      unavailable = true;
      fallback = localChunks(file);
    } else {
      failure = event.message || 'the file could not be read';
    }
    finish(false);
    wake?.();
  };
  reader.postMessage({ type: 'read', file, ahead: AHEAD } satisfies ReaderRequest);
  return {
    async next() {
      for (;;) {
        if (fallback) return fallback.next();
        if (finished && !ended && failure === null) return null; // stopped
        const chunk = queue.shift();
        if (chunk) {
          reader.postMessage({ type: 'ack' } satisfies ReaderRequest);
          return chunk;
        }
        if (failure !== null) throw new Error(failure);
        if (ended) {
          finish(true);
          return null;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    stop() {
      if (fallback) fallback.stop();
      finish(false);
      wake?.();
    },
  };
}
