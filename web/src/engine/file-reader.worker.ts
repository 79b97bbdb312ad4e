// A dropped file's bytes, read in a thread of their own and handed to the engine's worker chunk by
// chunk (transferred, not copied): reading a File costs its reader about as much as the core's
// import, so on its own thread the two overlap (docs/PERFORMANCE.md, session 16).
import type { ReaderReply, ReaderRequest } from './file-chunks';

let acknowledged = 0;
let sent = 0;
let wake: (() => void) | null = null;
let reading: ReadableStreamDefaultReader<Uint8Array> | null = null;

self.onmessage = (event: MessageEvent<ReaderRequest>) => {
  const message = event.data;
  if (message.type === 'ack') {
    acknowledged += 1;
    wake?.();
  } else if (message.type === 'stop') {
    void reading?.cancel().catch(() => undefined);
    reading = null;
    wake?.();
  } else {
    void read(message.file, message.ahead);
  }
};

const post = (reply: ReaderReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

async function read(file: Blob, ahead: number): Promise<void> {
  acknowledged = 0;
  sent = 0;
  const reader = file.stream().getReader();
  reading = reader;
  try {
    for (;;) {
      // At most `ahead` chunks wait in the engine: a slow import never holds the whole file twice.
      while (sent - acknowledged >= ahead && reading === reader) await new Promise<void>((resolve) => (wake = resolve));
      if (reading !== reader) return;
      const { done, value } = await reader.read();
      if (done || reading !== reader) break;
      const whole = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
      const chunk = whole ? value : value.slice();
      post({ type: 'chunk', chunk }, [chunk.buffer]);
      sent += 1;
    }
    post({ type: 'end' });
  } catch (error) {
    post({ type: 'error', message: String(error instanceof Error ? error.message : error) });
  } finally {
    if (reading === reader) reading = null;
  }
}
