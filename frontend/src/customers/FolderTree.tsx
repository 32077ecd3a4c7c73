import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CreateFolderMutation,
  CustomerFoldersQuery,
  DeleteFolderMutation,
  MoveFolderMutation,
  RenameFolderMutation,
  SetPrimaryContactManagesPermissionsMutation,
} from '../folders/operations';
import { FolderDocuments } from '../folders/FolderDocuments';
import { PermissionsDialog } from '../folders/PermissionsDialog';
import { UploadPanel } from '../folders/UploadPanel';
import { STAFF_LABELS as t } from '../folders/labels';
import { pathOf, subtreeIds, treeRows } from '../folders/tree';
import { Dialog, Empty, ErrorState, FormErrors, InputField, Loading, SelectField, Toggle } from '../ui/components';
import { IconFolder, IconPlus } from '../ui/icons';
import { describeError } from '../lib/errors';
import { useServerValue } from '../lib/useOptimistic';
import { formatDate } from '../lib/format';
import type { ClientAccess, FolderFieldsFragment } from '../gql/graphql';

type Folder = FolderFieldsFragment;
type Editing = { kind: 'create'; parentId: string | null } | { kind: 'rename' | 'move' | 'permissions' | 'delete'; folder: Folder };

export const ACCESS_LABEL: Record<ClientAccess, string> = { NONE: 'No customer access', VIEW: 'Customer views', VIEW_AND_UPLOAD: 'Customer views & uploads' };
const ACCESS_BADGE: Record<ClientAccess, string> = { NONE: 'badge', VIEW: 'badge badge-soft', VIEW_AND_UPLOAD: 'badge badge-success' };

/** The customer's hub as a folder tree (seed 003): staff folders with their permissions, and the date folders
 *  shares land in. Create, rename, move, delete, permissions, uploads and versions. */
export function FolderTree({ customerId }: { customerId: string }) {
  const [res, refetch] = useQuery({ query: CustomerFoldersQuery, variables: { id: customerId } });
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [docsVersion, setDocsVersion] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [, setManages] = useMutation(SetPrimaryContactManagesPermissionsMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const customer = res.data?.customer;
  const [manages, setManagesNow, resetManages] = useServerValue(customer?.primaryContactManagesPermissions ?? false);

  if (res.error && !res.data) return <section className="card"><ErrorState message={describeError(res.error)} onRetry={reload} /></section>;
  if (!customer) return <section className="card"><Loading /></section>;
  const hub = customer.hub;
  const folders = hub?.folders ?? [];
  const rows = treeRows(folders, collapsed);
  const current = folders.find((f) => f.id === selected) ?? null;
  const changed = () => { reload(); setDocsVersion((v) => v + 1); };

  async function toggleManages(allowed: boolean) {
    setManagesNow(allowed);
    const r = await setManages({ input: { customerId, allowed } });
    if (r.error) { resetManages(); return setErrors([describeError(r.error)]); }
    const errs = r.data?.setPrimaryContactManagesPermissions.errors.map((e) => e.message) ?? [];
    if (errs.length) resetManages();
    setErrors(errs);
    reload();
  }

  return (
    <section className="card folder-tree-card" aria-labelledby="folders-h" data-testid="folder-tree">
      <div className="card-header">
        <h2 id="folders-h">{t.folders}</h2>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing({ kind: 'create', parentId: null })}><IconPlus /> New folder</button>
      </div>
      <FormErrors messages={errors} />
      <div className="folder-layout">
        <nav className="folder-nav" aria-label="Folder tree">
          {rows.length === 0 ? (
            <Empty title="No folders yet" icon={<IconFolder />}>Create a folder and choose what the customer may do in it, or send documents: they land in a folder per rep and day.</Empty>
          ) : (
            <ul className="tree" role="tree">
              {rows.map(({ folder: f, depth, hasChildren }) => (
                <li key={f.id} role="treeitem" aria-selected={f.id === selected} aria-expanded={hasChildren ? !collapsed.has(f.id) : undefined} className={`tree-row ${f.id === selected ? 'selected' : ''}`} style={{ paddingLeft: 8 + depth * 18 }}>
                  <button type="button" className="tree-caret" aria-label={collapsed.has(f.id) ? `Expand ${f.name}` : `Collapse ${f.name}`} disabled={!hasChildren} onClick={() => setCollapsed((c) => { const n = new Set(c); if (n.has(f.id)) n.delete(f.id); else n.add(f.id); return n; })}>
                    {hasChildren ? (collapsed.has(f.id) ? '▸' : '▾') : ''}
                  </button>
                  <button type="button" className="tree-name" onClick={() => setSelected(f.id)}>
                    <IconFolder />
                    <span className="grow">{f.kind === 'DATE' && f.date ? `${formatDate(f.date)}${f.sender ? ` · ${f.sender.fullName}` : ''}` : f.name}</span>
                    <span className="badge">{f.documentCount}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="folder-pane">
          {!current ? (
            <p className="muted folder-hint">{rows.length ? 'Choose a folder to see its documents.' : ''}</p>
          ) : (
            <div className="stack-sm">
              <div className="folder-pane-header">
                <div className="grow">
                  <h3 className="folder-title">{current.kind === 'DATE' && current.date ? formatDate(current.date) : current.name}</h3>
                  <div className="row small">
                    {current.kind === 'DATE'
                      ? <span className="badge">Shared by {current.sender?.fullName ?? 'a rep'}: seen by the share's recipients</span>
                      : <>
                          <span className={ACCESS_BADGE[current.clientAccess ?? 'NONE']} data-testid="folder-access">{ACCESS_LABEL[current.clientAccess ?? 'NONE']}</span>
                          {current.clientAccess !== 'NONE' && <span className="muted">{current.allContacts ? 'all contacts' : current.contacts.map((c) => c.fullName).join(', ') || 'nobody chosen'}</span>}
                        </>}
                  </div>
                </div>
                {current.kind === 'STAFF' && (
                  <div className="row folder-actions">
                    <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'permissions', folder: current })}>{t.permissions}</button>
                    <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'create', parentId: current.id })}>Subfolder</button>
                    <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'rename', folder: current })}>Rename</button>
                    <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'move', folder: current })}>Move</button>
                    <button type="button" className="btn btn-sm btn-danger" onClick={() => setEditing({ kind: 'delete', folder: current })}>Delete</button>
                  </div>
                )}
              </div>
              {current.canUpload && <UploadPanel folderId={current.id} labels={t} onUploaded={changed} />}
              <FolderDocuments folderId={current.id} labels={t} staff canUpload={current.canUpload} version={docsVersion} onChanged={changed} />
            </div>
          )}
        </div>
      </div>
      <div className="card-body folder-settings">
        <Toggle label="The primary contact manages folder permissions for their colleagues" checked={manages} onChange={(v) => void toggleManages(v)} />
      </div>
      {editing?.kind === 'create' && <NameDialog customerId={customerId} folders={folders} parentId={editing.parentId} onClose={() => setEditing(null)} onDone={(id) => { setEditing(null); setSelected(id); changed(); }} />}
      {editing?.kind === 'rename' && <NameDialog customerId={customerId} folders={folders} folder={editing.folder} onClose={() => setEditing(null)} onDone={() => { setEditing(null); changed(); }} />}
      {editing?.kind === 'move' && <MoveDialog folders={folders} folder={editing.folder} onClose={() => setEditing(null)} onDone={() => { setEditing(null); changed(); }} />}
      {editing?.kind === 'delete' && <DeleteDialog folder={editing.folder} onClose={() => setEditing(null)} onDone={() => { setEditing(null); setSelected(null); changed(); }} />}
      {editing?.kind === 'permissions' && hub && <PermissionsDialog folder={editing.folder} contacts={hub.permissionContacts} labels={t} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); changed(); }} />}
    </section>
  );
}

function NameDialog({ customerId, folders, folder, parentId, onClose, onDone }: { customerId: string; folders: Folder[]; folder?: Folder; parentId?: string | null; onClose: () => void; onDone: (id: string) => void }) {
  const [name, setName] = useState(folder?.name ?? '');
  const [access, setAccess] = useState<ClientAccess>('VIEW');
  const [errors, setErrors] = useState<string[]>([]);
  const [, create] = useMutation(CreateFolderMutation);
  const [, rename] = useMutation(RenameFolderMutation);
  async function submit() {
    if (folder) {
      const r = await rename({ input: { folderId: folder.id, name } });
      if (r.error) return setErrors([describeError(r.error)]);
      const errs = r.data?.renameFolder.errors ?? [];
      return errs.length ? setErrors(errs.map((e) => e.message)) : onDone(folder.id);
    }
    const r = await create({ input: { customerId, name, parentId: parentId ?? null, permissions: { clientAccess: access, allContacts: true, contactIds: [] } } });
    if (r.error) return setErrors([describeError(r.error)]);
    const p = r.data?.createFolder;
    if (p?.errors.length) return setErrors(p.errors.map((e) => e.message));
    if (p?.folder) onDone(p.folder.id);
  }
  return (
    <Dialog title={folder ? `Rename ${folder.name}` : parentId ? `New folder in ${pathOf(folders, parentId)}` : 'New folder'} onClose={onClose}
      footer={<><button type="button" className="btn" onClick={onClose}>Cancel</button><button type="submit" form="folder-name-form" className="btn btn-primary">{folder ? 'Rename' : 'Create folder'}</button></>}>
      <form id="folder-name-form" className="stack" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <FormErrors messages={errors} />
        <InputField label="Folder name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        {!folder && (
          <SelectField label="What the customer may do" value={access} onChange={(e) => setAccess(e.target.value as ClientAccess)} hint="All contacts of the customer get this; choose contacts afterwards under Permissions.">
            <option value="NONE">No access (staff only)</option>
            <option value="VIEW">View</option>
            <option value="VIEW_AND_UPLOAD">View and upload</option>
          </SelectField>
        )}
      </form>
    </Dialog>
  );
}

function MoveDialog({ folders, folder, onClose, onDone }: { folders: Folder[]; folder: Folder; onClose: () => void; onDone: () => void }) {
  const blocked = subtreeIds(folders, folder.id);
  const targets = folders.filter((f) => f.kind === 'STAFF' && !blocked.has(f.id));
  const [parent, setParent] = useState(folder.parentId ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [, move] = useMutation(MoveFolderMutation);
  async function submit() {
    const r = await move({ input: { folderId: folder.id, parentId: parent || null } });
    if (r.error) return setErrors([describeError(r.error)]);
    const errs = r.data?.moveFolder.errors ?? [];
    return errs.length ? setErrors(errs.map((e) => e.message)) : onDone();
  }
  return (
    <Dialog title={`Move ${folder.name}`} onClose={onClose}
      footer={<><button type="button" className="btn" onClick={onClose}>Cancel</button><button type="button" className="btn btn-primary" onClick={() => void submit()}>Move</button></>}>
      <div className="stack">
        <FormErrors messages={errors} />
        <SelectField label="Put it in" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">The top of the hub</option>
          {targets.map((f) => <option key={f.id} value={f.id}>{pathOf(folders, f.id)}</option>)}
        </SelectField>
      </div>
    </Dialog>
  );
}

function DeleteDialog({ folder, onClose, onDone }: { folder: Folder; onClose: () => void; onDone: () => void }) {
  const [errors, setErrors] = useState<string[]>([]);
  const [state, del] = useMutation(DeleteFolderMutation);
  async function submit() {
    const r = await del({ input: { folderId: folder.id } });
    if (r.error) return setErrors([describeError(r.error)]);
    const errs = r.data?.deleteFolder.errors ?? [];
    return errs.length ? setErrors(errs.map((e) => e.message)) : onDone();
  }
  return (
    <Dialog title={`Delete ${folder.name}?`} onClose={onClose}
      footer={<><button type="button" className="btn" onClick={onClose}>Cancel</button><button type="button" className="btn btn-danger" disabled={state.fetching} onClick={() => void submit()}>Delete folder and contents</button></>}>
      <FormErrors messages={errors} />
      <p>The folder, its subfolders and every document in them are deleted, with their earlier versions. The customer no longer sees them. This cannot be undone.</p>
    </Dialog>
  );
}
