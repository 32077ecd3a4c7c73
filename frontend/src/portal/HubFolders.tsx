import { useState } from 'react';
import { useQuery } from 'urql';
import { MyFoldersQuery } from '../folders/operations';
import { FolderDocuments } from '../folders/FolderDocuments';
import { PermissionsDialog } from '../folders/PermissionsDialog';
import { UploadPanel } from '../folders/UploadPanel';
import { treeRows } from '../folders/tree';
import { useHubChrome } from './hubChrome';
import { useSession } from '../app/session';
import { IconFolder } from '../ui/icons';
import type { FolderFieldsFragment } from '../gql/graphql';

/** The contact's staff folders (seed 003): the ones that give them access, nested, each opening to its documents,
 *  with upload where the folder allows it and, for a primary contact who manages them, the permissions. */
export function HubFolders() {
  const { strings } = useHubChrome();
  const { viewer } = useSession();
  const t = strings.folders;
  const [res, refetch] = useQuery({ query: MyFoldersQuery });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<FolderFieldsFragment | null>(null);
  const [version, setVersion] = useState(0);
  const hub = res.data?.myHub;
  const staffFolders = (hub?.folders ?? []).filter((f) => f.kind === 'STAFF');
  if (!hub || staffFolders.length === 0) return null;
  const changed = () => { refetch({ requestPolicy: 'network-only' }); setVersion((v) => v + 1); };
  const toggle = (id: string) => setOpen((cur) => { const n = new Set(cur); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  return (
    <section className="hub-folders" aria-labelledby="hub-folders-h" data-testid="hub-folders">
      <h2 id="hub-folders-h" className="hub-section-title">{t.folders}</h2>
      {treeRows(staffFolders).map(({ folder: f, depth }) => (
        <section key={f.id} className="folder" style={{ marginLeft: Math.min(depth, 4) * 16 }} aria-label={f.name} data-testid="hub-folder">
          <button type="button" className="folder-header folder-toggle" aria-expanded={open.has(f.id)} onClick={() => toggle(f.id)}>
            <IconFolder />
            <strong className="grow">{f.name}</strong>
            <span className="badge">{t.documents(f.documentCount)}</span>
            {f.canUpload && <span className="badge badge-success">{t.accessUpload}</span>}
          </button>
          {open.has(f.id) && (
            <div className="folder-body">
              {(f.canUpload || f.canManagePermissions) && (
                <div className="row folder-tools">
                  {f.canUpload && <UploadPanel folderId={f.id} labels={t} onUploaded={changed} />}
                  {f.canManagePermissions && <button type="button" className="btn btn-sm" onClick={() => setEditing(f)}>{t.permissions}</button>}
                </div>
              )}
              <FolderDocuments folderId={f.id} labels={t} staff={false} canUpload={f.canUpload} version={version} onChanged={changed} />
            </div>
          )}
        </section>
      ))}
      {editing && <PermissionsDialog folder={editing} contacts={hub.permissionContacts.filter((c) => c.id !== viewer?.contact?.id)} labels={t} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); changed(); }} />}
    </section>
  );
}
