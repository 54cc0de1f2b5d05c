import type { DossierDeps } from '../dossiers/deps';
import { signedIn } from '../dossiers/signed-in';
import type { Handlers } from '../router';
import { acceptDraft } from './accept-draft';
import { discardDraft } from './discard-draft';
import { draftDocument } from './draft-document';
import { listProceduresInForceToday } from './list-procedures';
import { getDraftView, listDrafts } from './read-drafts';
import { receiveAtCounter } from './receive-dossier';
import { saveDraft } from './save-draft';

type IntakeHandlers = Pick<Handlers, 'procedure.list' | 'draft.save' | 'draft.get' | 'draft.list' | 'draft.discard' | 'dossier.receive' | 'draft.document'>;

/** Binds the intake use cases to the contract. The router has already checked access and input. */
export function intakeHandlers(deps: DossierDeps): IntakeHandlers {
  return {
    'procedure.list': () => listProceduresInForceToday(deps),
    'draft.save': (input, ctx) => saveDraft(deps, signedIn(ctx.user), input),
    'draft.get': (input, ctx) => getDraftView(deps, signedIn(ctx.user), input.id),
    'draft.list': (_input, ctx) => listDrafts(deps, signedIn(ctx.user)),
    'draft.discard': (input, ctx) => discardDraft(deps, signedIn(ctx.user), input.id),
    'draft.document': (input, ctx) => draftDocument(deps, signedIn(ctx.user), input),
    'dossier.receive': (input, ctx) =>
      input.from === 'counter' ? receiveAtCounter(deps, signedIn(ctx.user), input) : acceptDraft(deps, signedIn(ctx.user), input),
  };
}
