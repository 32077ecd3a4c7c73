/** The hub's folder tree from the flat list GraphQL gives (each folder names its parent). */
export interface TreeFolder {
  id: string;
  parentId?: string | null;
}

export interface TreeRow<F> {
  folder: F;
  depth: number;
  hasChildren: boolean;
}

/** Rows in display order (each parent before its children, siblings in the server's order), skipping the
 *  children of collapsed folders. A folder whose parent the caller cannot see is shown at the top. */
export function treeRows<F extends TreeFolder>(folders: F[], collapsed: ReadonlySet<string> = new Set()): TreeRow<F>[] {
  const ids = new Set(folders.map((f) => f.id));
  const children = new Map<string | null, F[]>();
  for (const f of folders) {
    const parent = f.parentId && ids.has(f.parentId) ? f.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), f]);
  }
  const rows: TreeRow<F>[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const f of children.get(parent) ?? []) {
      const kids = children.get(f.id) ?? [];
      rows.push({ folder: f, depth, hasChildren: kids.length > 0 });
      if (!collapsed.has(f.id)) walk(f.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The folder and everything below it: where it cannot be moved to. */
export function subtreeIds(folders: TreeFolder[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parentId && found.has(f.parentId) && !found.has(f.id)) { found.add(f.id); grew = true; }
    }
  }
  return found;
}

/** "Parent / child / grandchild", for the move dialog's choices. */
export function pathOf<F extends TreeFolder & { name: string }>(folders: F[], id: string): string {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const names: string[] = [];
  for (let f = byId.get(id); f; f = f.parentId ? byId.get(f.parentId) : undefined) names.unshift(f.name);
  return names.join(' / ');
}
