import { useEffect, useId, useState } from 'react';

type SearchFormProps = {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
};

/** A search landmark; searching on submit keeps the URL (and so the back button) meaningful. */
export function SearchForm({ label, value, onSearch, placeholder }: SearchFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          value={draft}
          placeholder={placeholder}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button">
          Cari
        </button>
        {value ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDraft('');
              onSearch('');
            }}
          >
            Hapus pencarian
          </button>
        ) : null}
      </div>
    </form>
  );
}
