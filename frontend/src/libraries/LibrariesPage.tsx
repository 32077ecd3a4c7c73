import { useState } from 'react';
import { useQuery } from 'urql';
import { LibrariesQuery, PublicationsQuery } from './operations';
import { useSelection, type SelectedPublication } from './selection';
import { Empty, ErrorState, FileIcon, FormErrors, Loading, PageHeader } from '../ui/components';
import { IconEye, IconLibrary, IconPlus, IconSearch, IconSend, IconUpload } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import { openInNewTab, useOpenPublication } from '../lib/openDocument';
import { useTitle } from '../lib/useTitle';
import { SendDialog } from '../share/SendDialog';
import { useSession } from '../app/session';
import { NewLibraryDialog } from './NewLibraryDialog';
import { AddPublicationDialog } from './AddPublicationDialog';

const PAGE = 60;

export function LibrariesPage() {
  useTitle('Libraries');
  const selection = useSelection();
  const [search, setSearch] = useState('');
  const [libraryIds, setLibraryIds] = useState<string[]>([]);
  const [first, setFirst] = useState(PAGE);
  const [sending, setSending] = useState(false);
  const [creatingLibrary, setCreatingLibrary] = useState(false);
  const [addingPublication, setAddingPublication] = useState(false);
  const { viewer } = useSession();
  const canManage = viewer?.member?.role === 'ADMIN' || viewer?.member?.role === 'MANAGER';
  const debounced = useDebounced(search.trim(), 250);

  const [libs, refetchLibs] = useQuery({ query: LibrariesQuery });
  const [pubs, refetch] = useQuery({
    query: PublicationsQuery,
    variables: { first, search: debounced || null, libraryIds: libraryIds.length ? libraryIds : null },
  });

  const toggleLibrary = (id: string) => {
    setFirst(PAGE);
    setLibraryIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]));
  };
  const nodes = pubs.data?.publications.edges.map((e) => e.node) ?? [];
  const asSelected = (p: (typeof nodes)[number]): SelectedPublication => ({
    id: p.id, title: p.title, contentType: p.contentType, sizeBytes: p.sizeBytes, libraryName: p.library.name,
  });
  const libraries = libs.data?.libraries ?? [];
  const noLibraries = !!libs.data && libraries.length === 0;

  const onLibraryCreated = (lib: { id: string }) => {
    setCreatingLibrary(false);
    refetchLibs({ requestPolicy: 'network-only' });
    setFirst(PAGE);
    setLibraryIds([lib.id]);
  };
  const onPublicationAdded = () => {
    setAddingPublication(false);
    refetchLibs({ requestPolicy: 'network-only' });
    refetch({ requestPolicy: 'network-only' });
  };

  // A publication's link is minted when it is previewed (openPublication), not listed with every card.
  const openPublication = useOpenPublication();
  const [previewErrors, setPreviewErrors] = useState<string[]>([]);
  const preview = (publicationId: string) => {
    setPreviewErrors([]);
    openInNewTab(async () => (await openPublication(publicationId)).viewUrl).catch((e: Error) => setPreviewErrors([e.message]));
  };

  const allVisibleSelected = nodes.length > 0 && nodes.every((n) => selection.has(n.id));

  return (
    <>
      <PageHeader
        title="Libraries"
        description="Pick publications from one or more libraries, then send them to a customer's hub."
        actions={
          <>
            {canManage && (
              <>
                <button type="button" className="btn" onClick={() => setCreatingLibrary(true)}><IconPlus /> New library</button>
                <button
                  type="button"
                  className="btn"
                  disabled={!libs.data || noLibraries}
                  aria-describedby={noLibraries ? 'add-pub-hint' : undefined}
                  title={noLibraries ? 'Create a library first' : undefined}
                  onClick={() => setAddingPublication(true)}
                >
                  <IconUpload /> Add publication
                </button>
                {noLibraries && <span id="add-pub-hint" className="visually-hidden">Create a library first.</span>}
              </>
            )}
            <button type="button" className="btn btn-primary" disabled={!selection.count} onClick={() => setSending(true)}>
              <IconSend /> Send to customer
              {selection.count > 0 && <span className="badge badge-accent" aria-label={`${selection.count} selected`} style={{ background: '#fff', color: 'var(--accent)' }}>{selection.count}</span>}
            </button>
          </>
        }
      />

      <div className="toolbar">
        <div className="search-input">
          <IconSearch />
          <label className="visually-hidden" htmlFor="pub-search">Search publications</label>
          <input id="pub-search" className="input" type="search" placeholder="Search all libraries…" value={search} onChange={(e) => { setSearch(e.target.value); setFirst(PAGE); }} />
        </div>
        {nodes.length > 0 && (
          <button type="button" className="btn" onClick={() => (allVisibleSelected ? nodes.forEach((n) => selection.remove(n.id)) : selection.add(nodes.map(asSelected)))}>
            {allVisibleSelected ? 'Deselect shown' : 'Select all shown'}
          </button>
        )}
      </div>

      {libs.error && <ErrorState message={describeError(libs.error)} />}
      {libs.data && libraries.length > 0 && (
        <div className="chips" role="group" aria-label="Filter by library" style={{ marginBottom: 'var(--s5)' }}>
          <button type="button" className="chip" aria-pressed={libraryIds.length === 0} onClick={() => setLibraryIds([])}>All libraries</button>
          {libs.data.libraries.map((l) => (
            <button key={l.id} type="button" className="chip" aria-pressed={libraryIds.includes(l.id)} onClick={() => toggleLibrary(l.id)}>
              {l.name} <span className="muted">{l.publicationCount}</span>
            </button>
          ))}
        </div>
      )}

      {noLibraries ? (
        <Empty title="No libraries yet" icon={<IconLibrary />}>
          {canManage ? (
            <>
              <p>Create a library, then add publications to it so your team can send them to customers.</p>
              <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s3)' }}>
                <button type="button" className="btn btn-primary" onClick={() => setCreatingLibrary(true)}><IconPlus /> Create your first library</button>
              </div>
            </>
          ) : (
            'Your organization has no libraries yet. An administrator adds libraries and publications; they will appear here.'
          )}
        </Empty>
      ) : pubs.error && !pubs.data ? (
        <ErrorState message={describeError(pubs.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !pubs.data ? (
        <Loading label="Loading publications…" />
      ) : nodes.length === 0 ? (
        <Empty title={debounced ? 'No publications match your search' : 'No publications yet'} icon={<IconLibrary />}>
          {debounced ? 'Try another word or clear the library filter.' : canManage ? (
            <>
              <p>Add publications (PDFs, documents, images) so your team can send them to customers.</p>
              <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s3)' }}>
                <button type="button" className="btn btn-primary" onClick={() => setAddingPublication(true)}><IconUpload /> Add publication</button>
              </div>
            </>
          ) : 'An administrator adds publications to the libraries; they will appear here.'}
        </Empty>
      ) : (
        <>
          <p className="muted small" style={{ marginBottom: 'var(--s3)' }} aria-live="polite">
            {pubs.data.publications.totalCount} publication{pubs.data.publications.totalCount === 1 ? '' : 's'}
          </p>
          <FormErrors messages={previewErrors} />
          <ul className="pub-grid" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {nodes.map((p) => {
              const selected = selection.has(p.id);
              const inputId = `pub-${p.id}`;
              return (
                <li key={p.id}>
                  <label className={`pub-card ${selected ? 'selected' : ''}`} htmlFor={inputId} data-testid="publication">
                    <input id={inputId} type="checkbox" checked={selected} onChange={() => selection.toggle(asSelected(p))} aria-label={`Select ${p.title}`} />
                    <div className="row" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
                      <FileIcon contentType={p.contentType} name={p.title} />
                      <div style={{ minWidth: 0 }}>
                        <div className="title">{p.title}</div>
                        <div className="muted small">{p.library.name} · {formatBytes(p.sizeBytes)}</div>
                      </div>
                    </div>
                    {p.tags.length > 0 && <div className="tags">{p.tags.map((t) => <span key={t} className="badge">{t}</span>)}</div>}
                    <div className="row" style={{ justifyContent: 'flex-end' }}>
                      {/* A button inside the card's label: clicking it does not toggle the checkbox (HTML label rules). */}
                      <button type="button" className="btn btn-sm btn-ghost" aria-label={`Preview ${p.title}`} onClick={() => preview(p.id)}>
                        <IconEye /> Preview
                      </button>
                    </div>
                  </label>
                </li>
              );
            })}
          </ul>
          {pubs.data.publications.pageInfo.hasNextPage && (
            <div className="row" style={{ justifyContent: 'center', marginTop: 'var(--s5)' }}>
              <button type="button" className="btn" onClick={() => setFirst((f) => f + PAGE)} disabled={pubs.fetching}>Show more</button>
            </div>
          )}
        </>
      )}

      {selection.count > 0 && (
        <div className="selection-bar" role="region" aria-label="Selection">
          <span><strong data-testid="selection-count">{selection.count}</strong> selected for the hub</span>
          <div className="row">
            <button type="button" className="btn btn-ghost btn-sm" onClick={selection.clear}>Clear</button>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setSending(true)}><IconSend /> Send to customer</button>
          </div>
        </div>
      )}

      {sending && <SendDialog onClose={() => setSending(false)} />}
      {creatingLibrary && <NewLibraryDialog onClose={() => setCreatingLibrary(false)} onCreated={onLibraryCreated} />}
      {addingPublication && libraries.length > 0 && (
        <AddPublicationDialog
          libraries={libraries}
          initialLibraryId={libraryIds.length === 1 ? libraryIds[0] : null}
          onClose={() => setAddingPublication(false)}
          onAdded={onPublicationAdded}
        />
      )}
    </>
  );
}
