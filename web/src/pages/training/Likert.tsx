import { SURVEY_SCALE } from '../../../../core/training';

type LikertProps = { name: string; number: number; text: string; value: number | undefined; error?: string; onChange: (value: number) => void };

/** One survey question answered 1–5, as radio buttons a keyboard and a screen reader can use. */
export function Likert({ name, number, text, value, error, onChange }: LikertProps) {
  const errorId = `${name}-galat`;
  return (
    <fieldset className={`likert${error ? ' field-invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {number}. {text}
      </legend>
      <div className="likert-options">
        {SURVEY_SCALE.labels.map((label, i) => {
          const score = SURVEY_SCALE.min + i;
          return (
            <label key={label} className="likert-option">
              <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} required />
              <span>
                {score} — {label}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Field errors of survey answers come back as "answers.<key>". */
export const answerError = (fields: Record<string, string> | undefined, key: string) => fields?.[`answers.${key}`];
