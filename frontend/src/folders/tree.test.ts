import { describe, expect, it } from 'vitest';
import { pathOf, subtreeIds, treeRows } from './tree';

const folders = [
  { id: 'a', name: 'Contracts', parentId: null },
  { id: 'b', name: '2027', parentId: 'a' },
  { id: 'c', name: 'Signed', parentId: 'b' },
  { id: 'd', name: 'Inbox', parentId: null },
  { id: 'e', name: 'Orphan', parentId: 'hidden' }, // its parent is not visible to the caller
];

describe('folder tree', () => {
  it('puts each parent before its children, at their depth, orphans at the top', () => {
    expect(treeRows(folders).map((r) => `${r.depth}:${r.folder.name}`)).toEqual(['0:Contracts', '1:2027', '2:Signed', '0:Inbox', '0:Orphan']);
    expect(treeRows(folders).find((r) => r.folder.id === 'a')?.hasChildren).toBe(true);
  });
  it('hides the children of collapsed folders', () => {
    expect(treeRows(folders, new Set(['a'])).map((r) => r.folder.name)).toEqual(['Contracts', 'Inbox', 'Orphan']);
  });
  it('knows where a folder may not move (itself and below) and names paths', () => {
    expect([...subtreeIds(folders, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect(pathOf(folders, 'c')).toBe('Contracts / 2027 / Signed');
  });
});
