/** Binds slip printing to the contract. The router has already checked the role and the input. */
import { recordRead } from '../audit/reads';
import { AppError } from '../../../shared/api/errors';
import type { CallContext, Handlers } from '../router';
import type { PrintingService, RenderedSlip } from './printing-service';
import { printRegister, registerPdf } from './register';

type PrintingCalls = 'slip.preview' | 'slip.print' | 'slip.reprint' | 'slip.print-log' | 'printer.list' | 'printer.set-default' | 'printer.test'
  | 'register.preview' | 'register.print' | 'slip.list' | 'slip.kept';

function userOf(ctx: CallContext) {
  // Access is never public for these calls, so the router has put a user here.
  if (ctx.user === undefined) throw new AppError('auth.required');
  return ctx.user;
}

const asPdf = (slip: RenderedSlip) => ({ pdfBase64: Buffer.from(slip.pdf).toString('base64'), sha256: slip.sha256, bytes: slip.pdf.length });

/** The printing handlers. */
export function printingHandlers(service: PrintingService): Pick<Handlers, PrintingCalls> {
  return {
    'slip.preview': async (input, ctx) => {
      const pdf = asPdf(await service.render(input.dossierId, input.kind, input.paper, userOf(ctx)));
      recordRead(service.deps, userOf(ctx), { dossierId: input.dossierId }, 'view-slip');
      return pdf;
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
    'printer.test': (input) => service.printTest(input.paper, input.printer),
    'register.preview': async (input) => asPdf(await registerPdf(service, input.from, input.to)),
    'register.print': (input, ctx) => printRegister(service, input, userOf(ctx)),
    'slip.list': (input) => ({ items: service.keptSlips(input.id) }),
    'slip.kept': (input, ctx) => {
      const pdf = asPdf(service.keptPdf(input.id));
      recordRead(service.deps, userOf(ctx), { keptSlipId: input.id }, 'view-slip');
      return pdf;
    },
  };
}
