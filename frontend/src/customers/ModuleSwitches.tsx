import type { CustomerModule } from '../gql/graphql';

/** What each module really does for the customer's contacts (the server enforces it: `policy.py`). */
const MODULES: { value: CustomerModule; label: string; on: string; off: string }[] = [
  {
    value: 'DOCUMENTS',
    label: 'Documents',
    on: 'Contacts see the documents and folders shared with them in their hub.',
    off: 'Contacts see no documents or folders, their links stop working, and nothing can be sent to this customer.',
  },
  {
    value: 'QUOTES',
    label: 'Quotes',
    on: 'Contacts see the quotes sent to them in their hub, and accept or decline them online.',
    off: 'Contacts see no quotes in their hub and get no quote emails; quotes sent as a public link still open.',
  },
  {
    value: 'INVOICES',
    label: 'Invoices',
    on: 'Contacts see their invoices in the hub and open the PDFs; you see when each was first opened.',
    off: 'Contacts see no invoices in their hub. Payment reminders still go by email.',
  },
];

/** The customer's module switches, each saying what it does for contacts right now. */
export function ModuleSwitches({ modules, hubAccess, onChange }: {
  modules: readonly CustomerModule[];
  hubAccess: boolean;
  onChange: (next: CustomerModule[]) => void;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} className="stack-sm" aria-describedby="modules-hint">
      <legend className="label" style={{ marginBottom: 6 }}>Modules</legend>
      <p id="modules-hint" className="small muted" style={{ margin: 0 }}>
        {hubAccess ? 'What this customer\'s contacts can use in their hub.' : 'Hub access is off: contacts cannot sign in, whatever the modules.'}
      </p>
      {MODULES.map((m) => {
        const on = modules.includes(m.value);
        return (
          <div key={m.value} className="stack" style={{ gap: 2 }}>
            <label className="check">
              <input
                type="checkbox"
                checked={on}
                data-testid={`module-${m.value}`}
                aria-describedby={`module-${m.value}-hint`}
                onChange={(e) => onChange(e.target.checked ? [...modules, m.value] : modules.filter((x) => x !== m.value))}
              />
              {m.label}
            </label>
            <span id={`module-${m.value}-hint`} className="small muted" style={{ paddingLeft: 24 }}>{on ? m.on : m.off}</span>
          </div>
        );
      })}
    </fieldset>
  );
}
