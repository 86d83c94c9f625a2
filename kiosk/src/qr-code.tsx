// A QR code drawn as SVG in the page (no network, no image request).

import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

export function QrCode({ text, label, class: className }: { text: string; label: string; class?: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [text]);
  return <div class={className} role="img" aria-label={label} data-qr={text} dangerouslySetInnerHTML={{ __html: svg }} />;
}
