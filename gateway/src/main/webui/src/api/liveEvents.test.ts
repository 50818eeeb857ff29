import { read } from './liveEvents';
import type { LiveEvent } from './types';

function stream(text: string, cut: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      // delivered in two pieces cut mid-event, as a network does
      controller.enqueue(bytes.slice(0, cut));
      controller.enqueue(bytes.slice(cut));
      controller.close();
    },
  });
}

describe('the live stream reader', () => {
  it('joins events cut across chunks, skips heartbeats and comments, keeps order', async () => {
    const event = (type: string, wo: string) => JSON.stringify({ event_id: wo, event_type: type, occurred_at: '', schema_version: 1, payload: { wo_id: wo } });
    const text = `: hello\n\ndata: ${event('generation.task.started', 'A')}\n\n`
      + `data: ${event('stream.heartbeat', '-')}\r\n\r\n`
      + `data: ${event('generation.task.completed', 'B')}\n\n`;
    const seen: LiveEvent[] = [];
    await read(stream(text, 40), (e) => seen.push(e));
    expect(seen.map((e) => `${e.event_type}/${e.payload.wo_id}`)).toEqual(['generation.task.started/A', 'generation.task.completed/B']);
  });
});
