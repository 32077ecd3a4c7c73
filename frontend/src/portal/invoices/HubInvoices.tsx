import { useQuery } from 'urql';
import { MyInvoicesQuery } from './operations';
import { HubInvoiceList, type HubInvoice } from './HubInvoiceList';
import { useHubChrome } from '../hubChrome';
import { ErrorState, Loading } from '../../ui/components';
import { describeError } from '../../lib/errors';
import { localToday } from '../../receivables/actionsView';

/**
 * The hub's Invoices section (shown when the customer's INVOICES module is on). The PDF opens from the server's
 * path (GET /invoices/{id}/pdf), which records a contact's first opening: staff then see the invoice as opened.
 */
export function HubInvoices({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const { strings, organizationName } = useHubChrome();
  const t = strings.invoices;
  const [res, refetch] = useQuery({ query: MyInvoicesQuery });
  const invoices: HubInvoice[] = (res.data?.invoices.edges ?? []).map(({ node }) => node);
  const onOpen = (inv: HubInvoice) => { if (inv.pdfUrl) window.open(inv.pdfUrl, '_blank', 'noopener'); };

  if (hideWhenEmpty && (!res.data || invoices.length === 0)) return null;
  return (
    <section className="hub-invoices-section" aria-labelledby="hub-invoices-h" data-testid="hub-invoices-section">
      <h2 className="hub-section-title" id="hub-invoices-h">{t.title}</h2>
      <p className="muted small">{t.intro(organizationName)}</p>
      {res.error && !res.data ? <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        : !res.data ? <Loading />
        : <HubInvoiceList invoices={invoices} t={t} locale={strings.locale} today={localToday()} onOpen={onOpen} />}
    </section>
  );
}
