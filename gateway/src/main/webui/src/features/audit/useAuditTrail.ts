import { useCallback, useEffect, useRef, useState } from 'react';
import { auditTrail, type AuditFilter } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';

const PAGE = 50;

/**
 * The trail's entries the filter selects, newest first, as far back as the user has asked: the first page, then
 * each older page appended from the last entry's cursor (pages stay stable while new entries arrive).
 */
export function useAuditTrail(filter: AuditFilter, enabled: boolean) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [count, setCount] = useState(0);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // an answer to an older filter, arriving late, is dropped
  const generation = useRef(0);

  const load = useCallback(async (before: AuditEntry | undefined) => {
    const mine = before ? generation.current : ++generation.current;
    setLoading(true);
    try {
      const page = await auditTrail.entries(filter, before?.cursor, PAGE);
      if (mine !== generation.current) return;
      setEntries((shown) => (before ? [...shown, ...page.results] : page.results));
      setCount(page.count);
      setMore(page.next !== null);
      setError(null);
    } catch (failure) {
      if (mine === generation.current) setError(failure);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [filter]);

  useEffect(() => {
    if (enabled) void load(undefined);
  }, [enabled, load]);

  return {
    entries, count, more, loading, error,
    older: () => load(entries[entries.length - 1]),
    reload: () => load(undefined),
  };
}
