/** Binds slip printing to the contract. The router has already checked the role and the input. */
import { AppError } from '../../../shared/api/errors';
import type { CallContext, Handlers } from '../router';
import type { PrintingService } from './printing-service';

type PrintingCalls = 'slip.preview' | 'slip.print' | 'slip.reprint' | 'slip.print-log' | 'printer.list' | 'printer.set-default';

function userOf(ctx: CallContext) {
  // Access is never public for these calls, so the router has put a user here.
  if (ctx.user === undefined) throw new AppError('auth.required');
  return ctx.user;
}

/** The printing handlers. */
export function printingHandlers(service: PrintingService): Pick<Handlers, PrintingCalls> {
  return {
    'slip.preview': async (input, ctx) => {
      const slip = await service.render(input.dossierId, input.kind, input.paper, userOf(ctx));
      return { pdfBase64: Buffer.from(slip.pdf).toString('base64'), sha256: slip.sha256, bytes: slip.pdf.length };
    },
    'slip.print': (input, ctx) => service.print(input, userOf(ctx)),
    'slip.reprint': (input, ctx) => service.reprint(input.logId, input.printer, userOf(ctx)),
    'slip.print-log': (input) => ({ items: service.log(input.id) }),
    'printer.list': async () => {
      const list = await service.printers();
      return { ...list, printers: list.printers.map((p) => ({ name: p.name, isDefault: p.isDefault, enabled: p.enabled })) };
    },
    'printer.set-default': async (input) => {
      await service.setDefault(input.paper, input.printer);
      return { done: true as const };
    },
  };
}
