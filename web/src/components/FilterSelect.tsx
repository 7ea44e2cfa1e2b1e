import { SelectField } from './Field';

type FilterSelectProps = {
  label: string;
  /** The URL parameter the filter is kept in (see useListParams). */
  name: string;
  value: string | undefined;
  /** The first choice, which filters nothing ("Semua status"). */
  allLabel: string;
  options: Array<{ value: string; label: string }>;
  /** useListParams' update: a new choice goes back to the first page. */
  update: (changes: Record<string, string | null>) => void;
};

/** A list filter kept in the URL: "all" first, then the given choices. */
export function FilterSelect({ label, name, value, allLabel, options, update }: FilterSelectProps) {
  return <SelectField label={label} name={name} value={value ?? ''} options={[{ value: '', label: allLabel }, ...options]} onValueChange={(choice) => update({ [name]: choice, halaman: null })} />;
}

/** The "Batas waktu" filter of a list with deadlines, kept in the URL as terlambat (1: past the deadline, 0: within it). */
export function OverdueFilter({ value, update, overdueLabel, onTimeLabel }: Pick<FilterSelectProps, 'value' | 'update'> & { overdueLabel: string; onTimeLabel: string }) {
  return (
    <FilterSelect
      label="Batas waktu"
      name="terlambat"
      value={value}
      allLabel="Semua"
      options={[
        { value: '1', label: overdueLabel },
        { value: '0', label: onTimeLabel },
      ]}
      update={update}
    />
  );
}
