import { useState } from 'react';

/** A SHA-256 fingerprint, readable in groups, with a button to copy it whole. */
export function Fingerprint({ sha256, label = 'Sidik jari SHA-256' }: { sha256: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);
  return (
    <div className="fingerprint">
      <span className="fingerprint-label">{label}:</span>{' '}
      <code className="fingerprint-value">
        {sha256.match(/.{1,8}/g)?.join(' ')}
      </code>
      {canCopy ? (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => {
            void navigator.clipboard.writeText(sha256).then(() => setCopied(true));
          }}
        >
          {copied ? 'Tersalin' : 'Salin'}
          <span className="visually-hidden"> sidik jari</span>
        </button>
      ) : null}
    </div>
  );
}
