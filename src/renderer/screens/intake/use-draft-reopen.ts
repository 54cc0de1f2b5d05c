/**
 * Reopening a saved draft in the intake form (from Today): the form exactly as last saved, and
 * for a dossier draft the pages already scanned for each paper.
 */
import { useEffect, useRef, useState } from 'react';
import type { DraftView, ProcedureListItem } from '../../../shared/api/dossiers';
import { call } from '../shell/call';

/** True while the draft `id` is being read; calls `apply` once, when the catalogue is there. */
export function useDraftReopen(
  id: string | undefined,
  procedures: readonly ProcedureListItem[],
  apply: (draft: DraftView, procedure: ProcedureListItem) => void,
  loadPages: (paper: string, documentId: string) => Promise<void>,
): boolean {
  const [pending, setPending] = useState(id !== undefined);
  const done = useRef(false);
  useEffect(() => {
    if (id === undefined || done.current || procedures.length === 0) return;
    done.current = true;
    void (async () => {
      const draft = await call('draft.get', { id });
      const procedure = draft.ok ? procedures.find((p) => p.code === draft.value.procedureCode) : undefined;
      if (draft.ok && procedure) {
        apply(draft.value, procedure);
        if (draft.value.kind === 'dossier') {
          const dossier = await call('dossier.get', { id });
          if (dossier.ok) await Promise.all(dossier.value.documents.map((d) => loadPages(d.key, d.id)));
        }
      }
      setPending(false);
    })();
  }, [id, procedures, apply, loadPages]);
  return pending;
}
