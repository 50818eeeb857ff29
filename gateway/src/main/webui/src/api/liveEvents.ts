import { API } from './client';
import type { LiveEvent } from './types';

/**
 * The live view read with fetch, not EventSource: fetch sends the bearer token in a header, so no token goes into a
 * URL (where proxies and browser history keep it). Server-Sent Events are parsed by hand (blocks separated by a blank
 * line, `data:` lines joined). A dropped stream is opened again after a growing pause (1 s … 15 s).
 */
export function subscribe(
  token: () => string | null,
  onEvent: (event: LiveEvent) => void,
  onState: (connected: boolean) => void = () => undefined,
  woId?: string,
): () => void {
  const controller = new AbortController();
  let delay = 1000;

  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const current = token();
        if (!current) return;
        const response = await fetch(API + 'events/' + (woId ? `?wo_id=${encodeURIComponent(woId)}` : ''), {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${current}` },
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) return;
        if (!response.ok || !response.body) throw new Error(`live view answered ${response.status}`);
        onState(true);
        delay = 1000;
        await read(response.body, onEvent);
      } catch {
        // dropped or refused: tried again below
      }
      onState(false);
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  };
  void run();
  return () => controller.abort();
}

/** Reads a stream of Server-Sent Events until it ends, handing on every JSON event but heartbeats. */
export async function read(body: ReadableStream<Uint8Array>, onEvent: (event: LiveEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, '')).join('\n');
      if (data) {
        try {
          const event = JSON.parse(data) as LiveEvent;
          if (event.event_type !== 'stream.heartbeat') onEvent(event);
        } catch {
          // not an event of ours: skipped
        }
      }
      end = buffer.indexOf('\n\n');
    }
  }
}
