// A seal's image (印模) from the API once the seal is made, with its name as the alt text, greyed once lost
// or destroyed; before it is made, or when the image cannot load, a dashed circle saying why there is none.
import { useState } from 'react';
import { hasImage, SEAL_STATE_LABELS, type SealState, sealImage } from './seals.ts';

export function SealImage({
  seal,
  size,
  format = 'png',
}: {
  seal: { id: string; name: string; state: SealState };
  size: number;
  format?: 'png' | 'svg';
}) {
  const [isBroken, setBroken] = useState(false);
  const isStopped = seal.state === 'lost' || seal.state === 'destroyed';
  if (hasImage(seal.state) && !isBroken) {
    return (
      <img
        src={sealImage(seal.id, format)}
        alt={isStopped ? `${seal.name}印模（${SEAL_STATE_LABELS[seal.state]}）` : `${seal.name}印模`}
        width={size}
        height={size}
        style={{
          display: 'block',
          flex: 'none',
          objectFit: 'contain',
          // a lost or destroyed seal's image is greyed, so it does not pass for a usable one
          filter: isStopped ? 'grayscale(1)' : undefined,
          opacity: isStopped ? 0.55 : undefined,
        }}
        onError={() => setBroken(true)}
        data-testid="seal-image"
      />
    );
  }
  return (
    <div
      role="img"
      aria-label={`${seal.name}：尚无印模`}
      style={{
        width: size,
        height: size,
        flex: 'none',
        borderRadius: '50%',
        border: '2px dashed #d9d9d9',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: Math.max(12, Math.round(size / 6)),
        color: 'rgba(0, 0, 0, 0.65)',
        textAlign: 'center',
      }}
    >
      {isBroken ? '无法显示' : '未制作'}
    </div>
  );
}
