import { useId } from 'react';
import type { ScoreDistribution } from '../../api/cat-banks';
import { formatNumber } from '../../lib/time';

/**
 * A histogram drawn in SVG, with its numbers in a table beside it: the picture is for a quick look,
 * the table is what a screen reader (and anyone checking) reads. The SVG is one labelled image.
 */
export function Histogram({ distribution, title }: { distribution: ScoreDistribution; title: string }) {
  const id = useId();
  const { bins } = distribution;
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const width = 600;
  const height = 240;
  const left = 36;
  const bottom = 40;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 12;
  const barWidth = plotWidth / Math.max(1, bins.length);
  const summary = `${title}: ${formatNumber(total)} peserta dalam ${bins.length} rentang nilai; terbanyak ${formatNumber(highest === 1 && total === 0 ? 0 : highest)} peserta pada satu rentang.`;
  return (
    <div className="cb-chart-pair">
      <figure>
        <svg className="cb-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{summary}</title>
          <line className="cb-axis" x1={left} y1={height - bottom} x2={width - 4} y2={height - bottom} />
          <line className="cb-axis" x1={left} y1={8} x2={left} y2={height - bottom} />
          <text x={left - 4} y={14} textAnchor="end">
            {formatNumber(highest)}
          </text>
          <text x={left - 4} y={height - bottom} textAnchor="end">
            0
          </text>
          {bins.map((bin, index) => {
            const barHeight = (bin.count / highest) * plotHeight;
            const x = left + index * barWidth;
            return (
              <g key={bin.from}>
                <rect className="cb-bar" x={x + 2} y={height - bottom - barHeight} width={Math.max(1, barWidth - 4)} height={barHeight} />
                {bins.length <= 16 || index % 2 === 0 ? (
                  <text x={x + barWidth / 2} y={height - bottom + 14} textAnchor="middle">
                    {formatNumber(bin.from)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <text x={left + plotWidth / 2} y={height - 6} textAnchor="middle">
            Nilai (lebar rentang {formatNumber(distribution.binWidth)})
          </text>
        </svg>
        <figcaption>{title}</figcaption>
      </figure>
      <div className="table-wrap" role="region" aria-label={`Tabel ${title}`} tabIndex={0}>
        <table>
          <caption>Tabel {title.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">Rentang nilai</th>
              <th scope="col" className="cb-num">
                Peserta
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin, index) => (
              <tr key={bin.from}>
                <th scope="row">
                  {formatNumber(bin.from)}–{index === bins.length - 1 ? formatNumber(bin.to) : `< ${formatNumber(bin.to)}`}
                </th>
                <td className="cb-num">{formatNumber(bin.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export type BarDatum = { label: string; value: number | null; max: number; display: string };

/** Horizontal bars (CSS) for values on different scales, each as a share of its own maximum, with a table. */
export function ShareBars({ data, title, valueHeader }: { data: BarDatum[]; title: string; valueHeader: string }) {
  return (
    <div className="cb-chart-pair">
      <figure>
        <div aria-hidden="true">
          {data.map((datum) => (
            <div key={datum.label} className="cb-hbar">
              <span>{datum.label}</span>
              <span className="cb-hbar-track">
                <span className="cb-hbar-fill" style={{ display: 'block', width: `${datum.value === null || datum.max <= 0 ? 0 : Math.min(100, (datum.value / datum.max) * 100)}%` }} />
              </span>
              <span className="cb-num">{datum.display}</span>
            </div>
          ))}
        </div>
        <figcaption>{title} (rincian pada tabel)</figcaption>
      </figure>
      <div className="table-wrap" role="region" aria-label={`Tabel ${title}`} tabIndex={0}>
        <table>
          <caption>Tabel {title.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">Subtes</th>
              <th scope="col" className="cb-num">
                {valueHeader}
              </th>
              <th scope="col" className="cb-num">
                Maksimal
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row">{datum.label}</th>
                <td className="cb-num">{datum.display}</td>
                <td className="cb-num">{formatNumber(datum.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
