// The text of an empty table or list at AA contrast (Ant Design's own placeholder grey is lighter).
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
