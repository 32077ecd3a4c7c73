import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './menu.css';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** Shown under the label; with `disabled`, says why the action is not available. */
  hint?: string;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * An actions menu (a button that opens a list of actions): Escape or a click elsewhere closes it, arrow keys move
 * between actions, focus returns to the button. A disabled action stays visible with its reason.
 */
export function ActionsMenu({ label, items, icon }: { label: string; items: MenuItem[]; icon: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const [place, setPlace] = useState<React.CSSProperties>({});

  useEffect(() => {
    if (!open) return;
    const first = root.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])');
    first?.focus({ preventScroll: true });
    const onDown = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    // Fixed to the viewport (so a scrolling table cannot clip it): it would drift on scroll, so it closes instead.
    const onScroll = (e: Event) => { if (!(e.target instanceof Node) || !root.current?.contains(e.target)) setOpen(false); };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open]);

  function toggle() {
    const r = button.current?.getBoundingClientRect();
    if (!open && r) {
      const right = Math.max(8, window.innerWidth - r.right);
      const below = window.innerHeight - r.bottom;
      setPlace(below < 240 && r.top > below ? { right, bottom: window.innerHeight - r.top + 4 } : { right, top: r.bottom + 4 });
    }
    setOpen(!open);
  }

  function close() { setOpen(false); button.current?.focus(); }
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') { e.stopPropagation(); close(); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const all = Array.from(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length];
    next?.focus({ preventScroll: true });
  }

  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button} type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={label} aria-haspopup="menu"
        aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={toggle}
      >
        {icon}
      </button>
      {open && (
        <ul className="menu-list" role="menu" id={menuId} aria-label={label} style={place}>
          {items.map((item) => (
            <li
              key={item.label} role="menuitem" tabIndex={-1} aria-disabled={item.disabled || undefined}
              className={`menu-item${item.danger ? ' danger' : ''}`}
              onClick={() => { if (!item.disabled) { close(); item.onSelect(); } }}
              onKeyDown={(e) => { if ((e.key === 'Enter' || e.key === ' ') && !item.disabled) { e.preventDefault(); close(); item.onSelect(); } }}
            >
              <span>{item.label}</span>
              {item.hint && <span className="menu-hint">{item.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
