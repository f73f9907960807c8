// A seal's validity, each date kept on one line (a phone breaks 2031-11-22 at its hyphens otherwise).
import { day, type SealPublicView } from './seals.ts';

export function Validity({ seal }: { seal: Pick<SealPublicView, 'validFrom' | 'validTo'> }) {
  if (!seal.validFrom || !seal.validTo) return <>制作时起算</>;
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{day(seal.validFrom)}</span> 至{' '}
      <span style={{ whiteSpace: 'nowrap' }}>{day(seal.validTo)}</span>
    </>
  );
}
