// The license's QR code, drawn in the browser from its verify URL: scanning it opens /verify?id=… and
// checks the license at once.
import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function VerifyQr({ url, label }: { url: string; label: string }) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toDataURL(url, { margin: 1, width: 200, errorCorrectionLevel: 'M' })
      .then((d) => {
        if (isCurrent) setDataUrl(d);
      })
      .catch(() => setDataUrl(null));
    return () => {
      isCurrent = false;
    };
  }, [url]);
  if (!dataUrl) return <Skeleton.Image active style={{ width: 160, height: 160 }} />;
  return (
    <img
      src={dataUrl}
      alt={label}
      width={160}
      height={160}
      data-testid="license-qr"
      style={{ display: 'block', imageRendering: 'pixelated' }}
    />
  );
}
