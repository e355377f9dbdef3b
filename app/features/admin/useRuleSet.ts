import { useCallback, useEffect, useState } from 'react';
import type { RuleSet } from '@shared/schemas/rules';
import { RULES_ADMIN_PATH, RuleSetResponseSchema, type RuleSetResponse } from '@shared/sync/rules-admin-protocol';
import { useBusy } from '../../components/useBusy';
import { useSessionApi } from '../../session/SessionContext';
import { HttpError, OfflineError } from '../../sync/errors';
import { checkRuleSet, problemsOfSaveFailure, type RuleProblems } from './rules-form';

/** Where the server's copy stands: being read, unreadable (offline, or an error), or here. */
type Loading = { phase: 'loading' } | { phase: 'offline' } | { phase: 'failed'; message: string } | { phase: 'ready'; saved: RuleSetResponse };

const rulesOf = ({ escalation, assignment }: RuleSet): RuleSet => ({ escalation, assignment });

/**
 * The rules as the server holds them and the admin's draft of them. The rules live on the server
 * only (no synced collection), so reading and saving need a connection: offline, the draft stays as
 * it is and says so; it is read again once `online` comes back. A save sends the revision the
 * draft started from; another admin's save meanwhile comes back as `stale` (409), and the draft
 * stays until the admin chooses to load theirs.
 */
export function useRuleSet(online: boolean) {
  const { api } = useSessionApi();
  const [loading, setLoading] = useState<Loading>({ phase: 'loading' });
  const [draft, setDraft] = useState<RuleSet>();
  const [problems, setProblems] = useState<RuleProblems>({});
  const [stale, setStale] = useState(false);
  const [savedAt, setSavedAt] = useState<string>();
  /** Saves tried so far, finished or refused: a test (or a screen reader's live region) can tell a new answer from the last. */
  const [attempts, setAttempts] = useState(0);
  const { busy, guard } = useBusy();

  const load = useCallback(async () => {
    try {
      const saved = RuleSetResponseSchema.parse(await api.request<unknown>(RULES_ADMIN_PATH));
      setLoading({ phase: 'ready', saved });
      setDraft(rulesOf(saved));
      setProblems({});
      setStale(false);
    } catch (error) {
      setLoading(error instanceof OfflineError ? { phase: 'offline' } : { phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [api]);

  // The first read, and a read once the connection is back when the first one found none.
  const needsRead = loading.phase === 'loading' || (loading.phase === 'offline' && online);
  useEffect(() => {
    if (needsRead) void load();
  }, [needsRead, load]);

  const save = () =>
    guard(async () => {
      if (!draft || loading.phase !== 'ready') return;
      setSavedAt(undefined);
      const found = checkRuleSet(draft);
      setProblems(found);
      try {
        // Every problem the form can find is shown at once, before anything is sent.
        if (Object.keys(found).length > 0) return;
        const body = JSON.stringify({ ...draft, revision: loading.saved.revision });
        const saved = RuleSetResponseSchema.parse(await api.request<unknown>(RULES_ADMIN_PATH, { method: 'PUT', body }));
        setLoading({ phase: 'ready', saved });
        setDraft(rulesOf(saved));
        setSavedAt(saved.updatedAt ?? new Date().toISOString());
      } catch (error) {
        if (error instanceof HttpError && error.status === 409) setStale(true);
        else setProblems(problemsOfSaveFailure(error));
      } finally {
        setAttempts((count) => count + 1);
      }
    });

  /** Drops the draft for the rules as the server has them now (after a 409, or to start over). */
  const reload = () => guard(load);

  return { loading, draft, setDraft, problems, stale, savedAt, attempts, busy, save, reload };
}
