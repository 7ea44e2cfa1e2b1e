import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { organisationApi, planningKeys } from '../../api/planning';

type UnitSelectProps = {
  agencyId: string;
  label: string;
  value: string;
  onChange: (unitId: string) => void;
  /** Label of the empty choice ("Semua unit kerja"); without it a unit must be chosen. */
  emptyLabel?: string;
  required?: boolean;
  error?: string;
  hint?: string;
  /** The current unit's name, shown while the list loads or when the search hides it. */
  currentName?: string;
  /** Label of the search box (default "Cari " + label). */
  searchLabel?: string;
};

/**
 * A unit chooser that stays usable with hundreds of units (schools, health centres): a search box
 * narrows the list, the select shows at most 100 matches.
 */
export function UnitSelect({ agencyId, label, value, onChange, emptyLabel, required, error, hint, currentName, searchLabel }: UnitSelectProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const units = useQuery({
    queryKey: [...planningKeys.unitOptions(agencyId), debounced],
    queryFn: () => organisationApi.units(agencyId, { q: debounced || undefined, pageSize: 100 }),
    placeholderData: (previous) => previous,
  });
  const items = units.data?.items ?? [];
  const options = items.map((unit) => ({ value: unit.id, label: `${unit.code} — ${unit.name}` }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: currentName ?? 'Unit terpilih' });
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-search`}>{searchLabel ?? `Cari ${label.toLowerCase()}`}</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (wajib)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={id} value={value} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
        {emptyLabel !== undefined || !value ? <option value="">{emptyLabel ?? (units.isPending ? 'Memuat unit kerja…' : '— Pilih unit kerja —')}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {units.data && units.data.total > items.length ? (
        <p className="hint">
          Menampilkan {items.length} dari {units.data.total} unit; ketik di kotak pencarian untuk mempersempit.
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
