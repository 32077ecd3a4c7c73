import { useState } from 'react';
import { useMutation } from 'urql';
import { SetFolderPermissionsMutation } from './operations';
import type { FolderLabels } from './labels';
import { Dialog, FormErrors } from '../ui/components';
import { describeError } from '../lib/errors';
import type { ClientAccess } from '../gql/graphql';

export interface PermissionFolder {
  id: string;
  name: string;
  clientAccess?: ClientAccess | null;
  allContacts: boolean;
  contacts: { id: string; fullName: string }[];
}

/** What the customer's contacts may do in a folder, and which of them. Staff use it, and a primary contact the
 *  customer lets manage permissions (the server keeps that contact's own standing as staff set it). */
export function PermissionsDialog({ folder, contacts, labels: t, onClose, onSaved }: {
  folder: PermissionFolder;
  contacts: { id: string; fullName: string }[];
  labels: FolderLabels;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [access, setAccess] = useState<ClientAccess>(folder.clientAccess ?? 'NONE');
  const [all, setAll] = useState(folder.allContacts);
  const [chosen, setChosen] = useState(new Set(folder.contacts.map((c) => c.id)));
  const [errors, setErrors] = useState<string[]>([]);
  const [state, save] = useMutation(SetFolderPermissionsMutation);
  const levels: { value: ClientAccess; label: string }[] = [
    { value: 'NONE', label: t.accessNone }, { value: 'VIEW', label: t.accessView }, { value: 'VIEW_AND_UPLOAD', label: t.accessUpload },
  ];

  async function submit() {
    const r = await save({ input: { folderId: folder.id, permissions: { clientAccess: access, allContacts: all, contactIds: all ? [] : [...chosen] } } });
    if (r.error) return setErrors([describeError(r.error)]);
    const errs = r.data?.setFolderPermissions.errors ?? [];
    if (errs.length) return setErrors(errs.map((e) => e.message));
    onSaved();
  }

  return (
    <Dialog
      title={`${t.permissions}: ${folder.name}`}
      onClose={onClose}
      footer={<><button type="button" className="btn" onClick={onClose}>{t.cancel}</button><button type="button" className="btn btn-primary" disabled={state.fetching} onClick={() => void submit()}>{t.save}</button></>}
    >
      <div className="stack">
        <FormErrors messages={errors} />
        <fieldset className="stack-sm plain">
          <legend className="label">{t.access}</legend>
          {levels.map((l) => (
            <label key={l.value} className="check"><input type="radio" name="access" checked={access === l.value} onChange={() => setAccess(l.value)} />{l.label}</label>
          ))}
        </fieldset>
        <fieldset className="stack-sm plain" disabled={access === 'NONE'}>
          <legend className="label">{t.whoHasAccess}</legend>
          <label className="check"><input type="radio" name="who" checked={all} onChange={() => setAll(true)} />{t.allContacts}</label>
          <label className="check"><input type="radio" name="who" checked={!all} onChange={() => setAll(false)} />{t.chosenContacts}</label>
          {!all && (
            contacts.length === 0 ? <p className="muted small">{t.noContacts}</p> : (
              <div className="stack-sm contact-choices">
                {contacts.map((c) => (
                  <label key={c.id} className="check">
                    <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => setChosen((cur) => { const n = new Set(cur); if (e.target.checked) n.add(c.id); else n.delete(c.id); return n; })} />
                    {c.fullName}
                  </label>
                ))}
              </div>
            )
          )}
        </fieldset>
      </div>
    </Dialog>
  );
}
