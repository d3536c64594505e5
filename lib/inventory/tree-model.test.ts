import { describe, expect, it } from 'vitest';
import { filterTree } from './filter-tree';
import { ancestorsOf, flattenTree, type FlatRow } from './flatten';
import { nodeForPath } from './ids';
import { compareText } from './roll-up';
import { keyCommand, typeAheadIndex } from './tree-keys';
import type { TreeNode } from './types';

const leaf = (id: string, label: string, detail?: string): TreeNode => ({ id, type: 'object', label, icon: 'vm', ...(detail ? { detail } : {}) });

const tree: TreeNode = {
  id: 'root',
  type: 'root',
  label: 'supervisor',
  icon: 'supervisor',
  children: [
    {
      id: 'ns:team-a',
      type: 'namespace',
      label: 'team-a',
      icon: 'namespace',
      children: [
        { id: 'ns:team-a/group:Virtual Machines', type: 'group', label: 'Virtual Machines', icon: 'vm', children: [leaf('vm1', 'web-vm-1'), leaf('vm2', 'db-vm')] },
        { id: 'ns:team-a/group:vSphere Pods', type: 'group', label: 'vSphere Pods', icon: 'pod', children: [leaf('p1', 'web-1')] },
      ],
    },
    { id: 'ns:team-b', type: 'namespace', label: 'team-b', icon: 'namespace', lazy: true },
    { id: 'hosts', type: 'hosts', label: 'Hosts', icon: 'hosts', children: [{ id: 'host:esxi-01', type: 'host', label: 'esxi-01', icon: 'host', children: [leaf('host:esxi-01>vm1', 'web-vm-1', 'team-a')] }] },
  ],
};

const all = (ids: string[]) => (id: string) => ids.includes(id);
const rowsOf = (rows: FlatRow[]) => rows.map((r) => `${'  '.repeat(r.level - 1)}${r.node.label}${r.expandable ? (r.expanded ? ' -' : ' +') : ''}`);

describe('flattenTree', () => {
  it('lists only visible rows with level, set size, position and parent', () => {
    const rows = flattenTree(tree, all(['root', 'ns:team-a', 'ns:team-a/group:Virtual Machines']));
    expect(rowsOf(rows)).toEqual(['supervisor -', '  team-a -', '    Virtual Machines -', '      web-vm-1', '      db-vm', '    vSphere Pods +', '  team-b +', '  Hosts +']);
    expect(rows[6]).toMatchObject({ level: 2, setSize: 3, posInSet: 2, parentIndex: 0, expandable: true, expanded: false });
    expect(rows[4]).toMatchObject({ level: 4, setSize: 2, posInSet: 2, parentIndex: 2 });
    expect(rows[0]).toMatchObject({ level: 1, setSize: 1, posInSet: 1, parentIndex: -1 });
  });

  it('finds the ancestors of a node', () => {
    expect(ancestorsOf(tree, 'vm2')).toEqual(['root', 'ns:team-a', 'ns:team-a/group:Virtual Machines']);
    expect(ancestorsOf(tree, 'nope')).toBeUndefined();
  });
});

describe('filterTree', () => {
  it('keeps matching nodes and their ancestors, and opens the way to them', () => {
    const { root, expand, matches } = filterTree(tree, 'WEB');
    expect(matches).toBe(3);
    expect(rowsOf(flattenTree(root, (id) => expand.has(id)))).toEqual([
      'supervisor -',
      '  team-a -',
      '    Virtual Machines -',
      '      web-vm-1',
      '    vSphere Pods -',
      '      web-1',
      '  Hosts -',
      '    esxi-01 -',
      '      web-vm-1',
    ]);
  });

  it('keeps the whole subtree of a matching container', () => {
    const { root } = filterTree(tree, 'virtual');
    const group = root!.children![0]!.children![0]!;
    expect(group.children!.map((c) => c.label)).toEqual(['web-vm-1', 'db-vm']);
  });

  it('matches the detail text (a namespace under a host)', () => {
    const { root } = filterTree(tree, 'team-a');
    expect(root!.children!.map((c) => c.label)).toEqual(['team-a', 'Hosts']);
  });

  it('returns nothing when nothing matches, and the tree itself for empty text', () => {
    expect(filterTree(tree, 'zzz').root).toBeUndefined();
    expect(filterTree(tree, '  ').root).toBe(tree);
  });
});

describe('keyCommand', () => {
  const rows = flattenTree(tree, all(['root', 'ns:team-a', 'ns:team-a/group:Virtual Machines']));
  it('moves with Up, Down, Home and End', () => {
    expect(keyCommand(rows, 0, 'ArrowDown')).toEqual({ type: 'focus', index: 1 });
    expect(keyCommand(rows, 1, 'ArrowUp')).toEqual({ type: 'focus', index: 0 });
    expect(keyCommand(rows, 0, 'ArrowUp')).toEqual({ type: 'none' });
    expect(keyCommand(rows, rows.length - 1, 'ArrowDown')).toEqual({ type: 'none' });
    expect(keyCommand(rows, 3, 'Home')).toEqual({ type: 'focus', index: 0 });
    expect(keyCommand(rows, 3, 'End')).toEqual({ type: 'focus', index: rows.length - 1 });
  });

  it('expands, enters, collapses and leaves with Right and Left', () => {
    expect(keyCommand(rows, 6, 'ArrowRight')).toEqual({ type: 'expand', id: 'ns:team-b' });
    expect(keyCommand(rows, 1, 'ArrowRight')).toEqual({ type: 'focus', index: 2 });
    expect(keyCommand(rows, 3, 'ArrowRight')).toEqual({ type: 'none' });
    expect(keyCommand(rows, 1, 'ArrowLeft')).toEqual({ type: 'collapse', id: 'ns:team-a' });
    expect(keyCommand(rows, 3, 'ArrowLeft')).toEqual({ type: 'focus', index: 2 });
    expect(keyCommand(rows, 0, 'ArrowLeft')).toEqual({ type: 'collapse', id: 'root' });
  });

  it('activates with Enter and Space, and expands siblings with *', () => {
    expect(keyCommand(rows, 3, 'Enter')).toEqual({ type: 'activate', index: 3 });
    expect(keyCommand(rows, 3, ' ')).toEqual({ type: 'activate', index: 3 });
    expect(keyCommand(rows, 1, '*')).toEqual({ type: 'expandSiblings', ids: ['ns:team-b', 'hosts'] });
  });
});

describe('typeAheadIndex', () => {
  const rows = flattenTree(tree, all(['root', 'ns:team-a', 'ns:team-a/group:Virtual Machines']));
  it('finds the next row starting with the typed text, wrapping around', () => {
    expect(typeAheadIndex(rows, 0, 't')).toBe(1);
    expect(typeAheadIndex(rows, 1, 't')).toBe(6);
    expect(typeAheadIndex(rows, 6, 't')).toBe(1);
    expect(typeAheadIndex(rows, 1, 'team-b')).toBe(6);
    expect(typeAheadIndex(rows, 3, 'we')).toBe(3);
    expect(typeAheadIndex(rows, 0, 'h')).toBe(7);
    expect(typeAheadIndex(rows, 0, 'x')).toBeUndefined();
  });
});

describe('nodeForPath', () => {
  it('maps console pages to tree nodes and their known ancestors', () => {
    expect(nodeForPath('/')).toEqual({ id: 'root', ancestors: [] });
    expect(nodeForPath('/hosts/esxi-01')).toEqual({ id: 'host:esxi-01', ancestors: ['root', 'hosts'] });
    expect(nodeForPath('/namespaces/team-a')).toEqual({ id: 'ns:team-a', ancestors: ['root'] });
    expect(nodeForPath('/namespaces/team-a/r/virtualmachines.vmoperator.vmware.com')).toEqual({ id: 'ns:team-a/group:Virtual Machines', ancestors: ['root', 'ns:team-a'] });
    expect(nodeForPath('/namespaces/team-a/r/pods/web-1')).toEqual({ id: 'obj:pods/team-a/web-1', ancestors: ['root', 'ns:team-a', 'ns:team-a/group:vSphere Pods'] });
    expect(nodeForPath('/r/pods')).toBeUndefined();
    expect(nodeForPath('/search')).toBeUndefined();
  });
});

describe('compareText', () => {
  it('sorts naturally and case-insensitively', () => {
    expect(['web-10', 'web-2', 'Web-1', 'db', 'web-02a'].sort(compareText)).toEqual(['db', 'Web-1', 'web-2', 'web-02a', 'web-10']);
  });
});
