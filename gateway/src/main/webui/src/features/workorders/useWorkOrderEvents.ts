import type { LiveEvent } from '../../api/types';
import { useLiveEvents } from '../../live/LiveContext';

const GENERATION_EVENTS = new Set([
  'generation.task.started', 'generation.task.progress', 'generation.task.completed', 'generation.task.failed',
  'generation.workorder.updated',
]);

/** Calls `onChange` with the wo_id of each work order a generation event concerns. */
export function useWorkOrderEvents(onChange: (woId: string, event: LiveEvent) => void): boolean {
  return useLiveEvents((event) => {
    const woId = event.payload.wo_id;
    if (GENERATION_EVENTS.has(event.event_type) && typeof woId === 'string') onChange(woId, event);
  });
}
