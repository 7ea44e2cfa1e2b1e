import { BarChart } from '../../components/Charts';
import type { SurveySummaryView } from '../../api/training';
import { formatNumber } from '../../lib/time';

const decimal = (value: number | null) => (value === null ? '—' : value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** A survey's mean per question on the 1–5 scale, as a chart with its table (answers per scale point). */
export function SurveyResults({ title, summary, empty }: { title: string; summary: SurveySummaryView; empty: string }) {
  if (summary.respondents === 0) return <p className="empty">{empty}</p>;
  return (
    <BarChart
      title={title}
      summary={`${formatNumber(summary.respondents)} responden; rata-rata keseluruhan ${decimal(summary.overall)} dari 5.`}
      categoryHeader="Pertanyaan"
      valueHeader="Rata-rata (1–5)"
      min={1}
      max={5}
      data={summary.questions.map((question) => ({
        label: question.text,
        value: question.mean,
        display: decimal(question.mean),
        extra: [question.counts.join(' / ')],
        highlight: question.mean !== null && question.mean < 3,
      }))}
      extraColumns={[{ header: 'Jawaban 1 / 2 / 3 / 4 / 5' }]}
    />
  );
}
