// A wide table scrolls inside a region a keyboard can reach (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region
    <section tabIndex={0} aria-label={label} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  );
}
