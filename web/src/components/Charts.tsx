import { useId, type ReactNode } from 'react';

/**
 * Small accessible charts drawn in SVG. Each is one labelled image (its <title> says what it shows
 * in a sentence) with a table of the same numbers beside it: the picture is for a quick look, the
 * table is what a screen reader reads and what anyone checking the figures uses.
 */

export type ChartColumn = { header: string; numeric?: boolean };
export type ChartDatum = {
  label: string;
  /** Null: no value (drawn as an empty bar / a gap). */
  value: number | null;
  /** The value as text ("83,33"). */
  display: string;
  /** Extra cells of the table row, after the value. */
  extra?: ReactNode[];
  /** Draws the bar in the warning colour (e.g. a weak element). */
  highlight?: boolean;
};

type ChartFrameProps = {
  title: string;
  summary: string;
  categoryHeader: string;
  valueHeader: string;
  extraColumns?: ChartColumn[];
  data: ChartDatum[];
  children: (titleId: string) => ReactNode;
  caption?: ReactNode;
};

function ChartFrame({ title, summary, categoryHeader, valueHeader, extraColumns = [], data, children, caption }: ChartFrameProps) {
  const id = useId();
  return (
    <div className="chart-pair">
      <figure className="chart-figure">
        {children(`${id}-title`)}
        <span id={`${id}-title`} className="visually-hidden">
          {summary}
        </span>
        <figcaption>{caption ?? title}</figcaption>
      </figure>
      <div className="table-wrap" role="region" aria-label={`Tabel ${title}`} tabIndex={0}>
        <table>
          <caption>Tabel {title.charAt(0).toLowerCase() + title.slice(1)}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              <th scope="col" className="num">
                {valueHeader}
              </th>
              {extraColumns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row">{datum.label}</th>
                <td className="num">{datum.display}</td>
                {(datum.extra ?? []).map((cell, i) => (
                  <td key={i} className={extraColumns[i]?.numeric ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export type BarChartProps = {
  title: string;
  /** One sentence read by screen readers in place of the picture. */
  summary: string;
  categoryHeader: string;
  valueHeader: string;
  data: ChartDatum[];
  /** The end of the scale (bars are drawn as a share of it). */
  max: number;
  min?: number;
  /** Vertical reference lines, e.g. grade boundaries. */
  marks?: Array<{ value: number; label: string }>;
  extraColumns?: ChartColumn[];
  caption?: ReactNode;
  /** Where bars start (default: min); a scale through zero, such as a correlation, starts them at 0. */
  origin?: number;
};

/** Horizontal bars, one per category, labelled with their values. */
export function BarChart({ title, summary, categoryHeader, valueHeader, data, max, min = 0, marks = [], extraColumns, caption, origin = min }: BarChartProps) {
  const width = 640;
  const labelWidth = 220;
  const valueWidth = 64;
  const rowHeight = 26;
  const top = marks.length ? 18 : 6;
  const height = top + data.length * rowHeight + 6;
  const plot = width - labelWidth - valueWidth;
  const x = (value: number) => labelWidth + (Math.max(min, Math.min(max, value)) - min) / Math.max(1e-9, max - min) * plot;
  return (
    <ChartFrame title={title} summary={summary} categoryHeader={categoryHeader} valueHeader={valueHeader} extraColumns={extraColumns} data={data} caption={caption}>
      {(titleId) => (
        <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
          {marks.map((mark) => (
            <g key={mark.label}>
              <line className="chart-mark" x1={x(mark.value)} x2={x(mark.value)} y1={top - 4} y2={height - 4} />
              <text x={x(mark.value)} y={11} textAnchor="middle" className="chart-mark-label">
                {mark.label}
              </text>
            </g>
          ))}
          {data.map((datum, i) => {
            const y = top + i * rowHeight;
            const label = datum.label.length > 28 ? `${datum.label.slice(0, 27)}…` : datum.label;
            return (
              <g key={datum.label}>
                <text x={labelWidth - 6} y={y + rowHeight / 2 + 4} textAnchor="end">
                  {label}
                </text>
                <rect className="chart-track" x={labelWidth} y={y + 4} width={plot} height={rowHeight - 8} />
                {datum.value !== null ? (
                  <rect className={datum.highlight ? 'chart-bar chart-bar-warn' : 'chart-bar'} x={Math.min(x(origin), x(datum.value))} y={y + 4} width={Math.abs(x(datum.value) - x(origin))} height={rowHeight - 8} />
                ) : null}
                <text x={width - valueWidth + 6} y={y + rowHeight / 2 + 4}>
                  {datum.display}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

export type LineChartProps = {
  title: string;
  summary: string;
  categoryHeader: string;
  valueHeader: string;
  data: ChartDatum[];
  min: number;
  max: number;
  extraColumns?: ChartColumn[];
  caption?: ReactNode;
};

/** A line over ordered categories (periods); a null value leaves a gap. */
export function LineChart({ title, summary, categoryHeader, valueHeader, data, min, max, extraColumns, caption }: LineChartProps) {
  const width = 640;
  const height = 220;
  const left = 40;
  const right = 16;
  const bottom = 44;
  const topPad = 14;
  const plotWidth = width - left - right;
  const plotHeight = height - bottom - topPad;
  const step = data.length > 1 ? plotWidth / (data.length - 1) : 0;
  const px = (i: number) => left + (data.length > 1 ? i * step : plotWidth / 2);
  const py = (value: number) => topPad + plotHeight - ((Math.max(min, Math.min(max, value)) - min) / Math.max(1e-9, max - min)) * plotHeight;
  const segments: string[] = [];
  let current = '';
  data.forEach((datum, i) => {
    if (datum.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'} ${px(i).toFixed(1)} ${py(datum.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <ChartFrame title={title} summary={summary} categoryHeader={categoryHeader} valueHeader={valueHeader} extraColumns={extraColumns} data={data} caption={caption}>
      {(titleId) => (
        <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
          <line className="chart-axis" x1={left} x2={width - right} y1={topPad + plotHeight} y2={topPad + plotHeight} />
          <line className="chart-axis" x1={left} x2={left} y1={topPad} y2={topPad + plotHeight} />
          <text x={left - 4} y={topPad + 4} textAnchor="end">
            {max}
          </text>
          <text x={left - 4} y={topPad + plotHeight} textAnchor="end">
            {min}
          </text>
          {segments.map((d) => (
            <path key={d} className="chart-line" d={d} />
          ))}
          {data.map((datum, i) =>
            datum.value === null ? null : (
              <g key={datum.label}>
                <circle className="chart-point" cx={px(i)} cy={py(datum.value)} r={4} />
                <text x={px(i)} y={py(datum.value) - 8} textAnchor="middle">
                  {datum.display}
                </text>
              </g>
            ),
          )}
          {data.map((datum, i) =>
            data.length <= 8 || i % Math.ceil(data.length / 8) === 0 ? (
              <text key={`x-${datum.label}`} x={px(i)} y={height - bottom + 18} textAnchor="middle">
                {datum.label.length > 16 ? `${datum.label.slice(0, 15)}…` : datum.label}
              </text>
            ) : null,
          )}
        </svg>
      )}
    </ChartFrame>
  );
}
