import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type paths } from '../api/client';
import { ERROR_CODE, VALIDATION_CODE } from '../i18n/catalogue';
import { parseEuros } from '../i18n/format';
import { announce } from '../shell/Announcer';
import { rememberWrite } from '../shell/past';
import type { AnswerOf, CommandSpec, FieldSpec, Method, PathOf, Values } from './command';
import { bodySchema, fieldSchema } from './schema';
import { checkValue } from './validate';

type Converted = { ok: true; value: unknown } | { ok: false; error: string };

/** From what the user typed to what the API takes. */
function convert(field: FieldSpec, raw: unknown): Converted {
  // An unticked box is an answer (false, or an empty list), not a missing one.
  if (field.widget === 'boolean') return { ok: true, value: raw === true };
  if (field.widget === 'checkboxes') return { ok: true, value: (raw as string[] | undefined) ?? [] };
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: undefined };
  switch (field.widget) {
    case 'euros': {
      const cents = parseEuros(String(raw));
      return cents === null ? { ok: false, error: 'Saisissez un montant en euros, par exemple 1 234,56.' } : { ok: true, value: cents };
    }
    case 'integer': {
      const text = String(raw).replace(/[\s\u00a0\u202f]/g, '');
      return /^-?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, error: 'Saisissez un nombre entier.' };
    }
    case 'number': {
      const text = String(raw)
        .replace(/[\s\u00a0\u202f]/g, '')
        .replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false, error: 'Saisissez un nombre, par exemple 12,5.' };
    }
    case 'select':
    case 'radio':
      return { ok: true, value: field.numeric ? Number(raw) : raw };
    case 'lines':
      return {
        ok: true,
        value: String(raw)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      };
    case 'rows': {
      const items: Values[] = [];
      for (const [i, row] of (raw as Values[]).entries()) {
        const item: Values = {};
        for (const sub of field.item ?? []) {
          const converted = convert(sub, row[sub.name]);
          if (!converted.ok) return { ok: false, error: `Ligne ${i + 1}, ${sub.label.toLowerCase()} : ${converted.error}` };
          if (converted.value !== undefined) item[sub.name] = converted.value;
        }
        for (const [k, v] of Object.entries(row)) if (!(field.item ?? []).some((sub) => sub.name === k) && v !== undefined) item[k] = v;
        items.push(item);
      }
      return { ok: true, value: items };
    }
    case 'text':
    case 'textarea':
      return { ok: true, value: String(raw).trim() === '' ? undefined : String(raw).trim() };
    default:
      return { ok: true, value: raw };
  }
}

/** A field's element id: unique in the page, apart from the form's own ids (its heading). */
const fieldId = (formId: string, name: string) => `${formId}-field-${name.replaceAll('.', '-')}`;

/** Focuses a field: its input, or the first input of its fieldset (radios, checkboxes, lists). */
function focusField(id: string): void {
  const element = document.getElementById(id);
  const target = element?.tagName === 'FIELDSET' ? element.querySelector<HTMLElement>('input, select, textarea, button') : element;
  target?.focus();
}

function setPath(target: Values, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Values;
  node[parts.at(-1)!] = value;
}

/** The French words for a field problem the API reported (constraint codes or a domain code). */
function serverMessage(codes: string[], fallback: string | undefined): string {
  for (const code of codes) {
    const text = VALIDATION_CODE[code] ?? ERROR_CODE[code];
    if (text) return text;
  }
  return fallback ?? 'Cette valeur a été refusée.';
}

interface Props<P extends keyof paths, M extends Method> {
  spec: CommandSpec<P, M>;
  params: PathOf<P, M>;
  /** Values the form opens with (an action's current status…), as the user would type them. */
  initial?: Values;
  onDone?: (answer: AnswerOf<P, M>) => void;
  /** Leaves out the title (the page around the form gives one). */
  bare?: boolean;
}

/**
 * A form for one API command: validates as the user types with the API's own rules, sends an
 * Idempotency-Key (a double click records once), shows the API's refusals on the fields they name,
 * and makes the next reads wait for what it wrote.
 */
export function CommandForm<P extends keyof paths, M extends Method>({ spec, params, initial = {}, onDone, bare }: Props<P, M>) {
  const queries = useQueryClient();
  const formId = useId();
  const root = useMemo(() => bodySchema(spec.method, spec.path as string), [spec]);
  const [values, setValues] = useState<Values>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const edited = useRef(new Set<string>());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ title: string; detail?: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // A form that goes away right after it succeeded (its item answered, its page changed) hands its
  // message to the page's announcer, so the user still reads that it was recorded.
  const succeeded = useRef<{ message: string; at: number } | null>(null);
  useEffect(
    () => () => {
      if (succeeded.current && Date.now() - succeeded.current.at < 5_000) announce(succeeded.current.message);
    },
    [],
  );
  // One key and one set of generated references per attempt to record: a retry of the same
  // submission is recognised by the API; a new record after success gets new ones.
  const attempt = useRef<{ key: string; generated: Values | null }>({ key: crypto.randomUUID(), generated: null });
  const summary = useRef<HTMLDivElement>(null);

  const fields = spec.fields as FieldSpec[];
  const visible = fields.filter((f) => !f.show || f.show(values));
  const problemOf = (field: FieldSpec): string | null => {
    const converted = convert(field, values[field.name]);
    if (!converted.ok) return converted.error;
    const { schema, required } = fieldSchema(root, field.name);
    if (field.widget === 'rows' && Array.isArray(converted.value)) {
      for (const [i, item] of (converted.value as Values[]).entries()) {
        for (const sub of field.item ?? []) {
          const s = fieldSchema(schema?.items, sub.name);
          const problem = checkValue(s.schema, item[sub.name], s.required, { scale: sub.widget === 'euros' ? 100 : 1 });
          if (problem) return `Ligne ${i + 1}, ${sub.label.toLowerCase()} : ${problem}`;
        }
      }
    }
    return (
      checkValue(schema, converted.value, required && !field.optional, {
        scale: field.widget === 'euros' ? 100 : 1,
        formatMessage: field.formatMessage,
      }) ??
      field.check?.(converted.value, values) ??
      null
    );
  };
  const errorOf = (field: FieldSpec) => serverErrors[field.name] ?? (touched.has(field.name) ? problemOf(field) : null);

  const change = (name: string, value: unknown) => {
    edited.current.add(name);
    setValues((v) => ({ ...v, [name]: value }));
    setServerErrors(({ [name]: _gone, ...rest }) => rest);
    setDone(null);
  };
  // A field left without being typed in is not an error yet: tabbing through a form (as keyboard
  // users do to reach what follows) must not cover it in red. Untouched fields are checked on submit.
  const touch = (name: string) => edited.current.has(name) && setTouched((t) => new Set(t).add(name));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (sending) return;
    setTouched(new Set(visible.map((f) => f.name)));
    const problems = visible.map((f) => [f, problemOf(f)] as const).filter(([, p]) => p);
    if (problems.length) {
      setFormError({ title: `${problems.length === 1 ? 'Un champ est' : `${problems.length} champs sont`} à corriger.` });
      focusField(fieldId(formId, problems[0][0].name));
      return;
    }
    const typed: Values = {};
    for (const field of visible) {
      const converted = convert(field, values[field.name]);
      // An empty list is sent only where the API requires the field.
      const emptyList = Array.isArray(converted.ok ? converted.value : undefined) && (converted as { value: unknown[] }).value.length === 0;
      if (converted.ok && converted.value !== undefined && !(emptyList && !fieldSchema(root, field.name).required))
        typed[field.name] = converted.value;
    }
    attempt.current.generated ??= (spec.generated?.(typed) ?? {}) as Values;
    const body: Values = {};
    for (const [name, value] of Object.entries({ ...attempt.current.generated, ...typed })) setPath(body, name, value);
    setSending(true);
    setFormError(null);
    try {
      const call = (api as unknown as Record<string, (path: string, init: object) => Promise<{ data: unknown }>>)[
        spec.method.toUpperCase()
      ];
      const { data } = await call(spec.path as string, {
        params: { path: params },
        ...(fields.length || Object.keys(body).length ? { body } : {}),
        headers: { 'Idempotency-Key': attempt.current.key },
      });
      const answer = data as AnswerOf<P, M> & { position?: number | null };
      rememberWrite(answer.position);
      await queries.invalidateQueries();
      attempt.current = { key: crypto.randomUUID(), generated: null };
      setValues(initial);
      setTouched(new Set());
      edited.current = new Set();
      setDone(spec.done);
      // eslint-disable-next-line react-hooks/purity -- submit is an event handler, not render
      succeeded.current = { message: spec.done, at: Date.now() };
      onDone?.(answer);
    } catch (error) {
      // A refusal is final (nothing was recorded): the corrected request is a new one. A lost
      // answer may have been recorded: the retry keeps the key, so it records at most once.
      if (error instanceof ApiError && error.status < 500) attempt.current = { key: crypto.randomUUID(), generated: null };
      if (error instanceof ApiError && error.body?.fields?.length) {
        const known = new Set(visible.map((f) => f.name));
        const byField: Record<string, string> = {};
        const elsewhere: string[] = [];
        for (const f of error.body.fields) {
          const target = known.has(f.field) ? f.field : [...known].find((k) => f.field.startsWith(`${k}.`));
          const message = serverMessage(f.codes, ERROR_CODE[error.code]);
          if (target) byField[target] = message;
          else elsewhere.push(message);
        }
        setServerErrors(byField);
        setFormError({ title: ERROR_CODE[error.code] ?? 'La demande a été refusée.', detail: elsewhere.join(' ') || undefined });
        const first = Object.keys(byField)[0];
        if (first) focusField(fieldId(formId, first));
        else summary.current?.focus();
      } else {
        const title =
          error instanceof ApiError
            ? (ERROR_CODE[error.code] ?? 'La demande a été refusée.')
            : 'Le serveur ne répond pas. Réessayez : la demande ne sera pas enregistrée deux fois.';
        // A tracking number helps only when the server failed; a refusal says all there is to say.
        const failed = !(error instanceof ApiError) || error.status >= 500;
        setFormError({
          title,
          detail:
            failed && error instanceof ApiError && error.body?.correlationId ? `Numéro de suivi : ${error.body.correlationId}` : undefined,
        });
        summary.current?.focus();
      }
    } finally {
      setSending(false);
    }
  }

  const fieldErrors = visible.map((f) => [f, errorOf(f)] as const).filter(([, p]) => p);
  return (
    <form
      className="ancrage-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={bare ? undefined : `${formId}-heading`}
      aria-label={bare ? spec.title : undefined}
    >
      {!bare && (
        <h3 id={`${formId}-heading`} className="fr-h5">
          {spec.title}
        </h3>
      )}
      {spec.description && <p className="fr-text--sm">{spec.description}</p>}
      <div ref={summary} tabIndex={-1} aria-live="assertive">
        {formError && (
          <Alert
            severity="error"
            small
            className="fr-mb-2w"
            title={formError.title}
            description={
              <>
                {formError.detail && <span>{formError.detail} </span>}
                {fieldErrors.length > 0 && (
                  <ul className="fr-mb-0">
                    {fieldErrors.map(([f, p]) => (
                      <li key={f.name}>
                        <a href={`#${fieldId(formId, f.name)}`}>{f.label}</a> : {p}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            }
          />
        )}
      </div>
      <div role="status" aria-live="polite">
        {done && <Alert severity="success" small className="fr-mb-2w" description={done} />}
      </div>
      {visible.map((field) => (
        <FieldInput
          key={field.name}
          id={fieldId(formId, field.name)}
          field={field}
          required={(fieldSchema(root, field.name).required && !field.optional) || Boolean(field.required)}
          value={values[field.name]}
          error={errorOf(field)}
          onChange={(v) => change(field.name, v)}
          onBlur={() => touch(field.name)}
        />
      ))}
      <Button type="submit" disabled={sending}>
        {sending ? 'Enregistrement…' : spec.submit}
      </Button>
    </form>
  );
}

interface FieldProps {
  id: string;
  field: FieldSpec;
  required: boolean;
  value: unknown;
  error: string | null;
  onChange(value: unknown): void;
  onBlur(): void;
}

function FieldInput({ id, field, required, value, error, onChange, onBlur }: FieldProps) {
  const label = required ? field.label : `${field.label} (facultatif)`;
  const state = error ? ('error' as const) : ('default' as const);
  const common = { label, hintText: field.hint, state, stateRelatedMessage: error ?? undefined };
  switch (field.widget) {
    case 'select':
      return (
        <Select
          {...common}
          nativeSelectProps={{
            id,
            value: value === undefined ? '' : String(value),
            onChange: (e) => onChange(e.target.value),
            onBlur,
            'aria-invalid': Boolean(error),
          }}
        >
          <option value="">— Choisir —</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      );
    case 'radio':
      return (
        <RadioButtons
          id={id}
          legend={label}
          hintText={field.hint}
          state={state}
          stateRelatedMessage={error ?? undefined}
          name={id}
          options={(field.options ?? []).map((o) => ({
            label: o.label,
            nativeInputProps: { value: o.value, checked: String(value ?? '') === o.value, onChange: () => onChange(o.value), onBlur },
          }))}
        />
      );
    case 'checkboxes': {
      const chosen = (value as string[] | undefined) ?? [];
      return (
        <Checkbox
          id={id}
          legend={label}
          hintText={field.hint}
          state={state}
          stateRelatedMessage={error ?? undefined}
          small
          options={(field.options ?? []).map((o) => ({
            label: o.label,
            nativeInputProps: {
              value: o.value,
              checked: chosen.includes(o.value),
              onChange: (e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value)),
              onBlur,
            },
          }))}
        />
      );
    }
    case 'boolean':
      return (
        <Checkbox
          id={id}
          state={state}
          stateRelatedMessage={error ?? undefined}
          options={[
            {
              label: field.label,
              hintText: field.hint,
              nativeInputProps: { checked: value === true, onChange: (e) => onChange(e.target.checked), onBlur },
            },
          ]}
        />
      );
    case 'rows':
      return (
        <RowsInput
          id={id}
          field={field}
          label={label}
          value={(value as Values[] | undefined) ?? []}
          error={error}
          onChange={onChange}
          onBlur={onBlur}
        />
      );
    case 'textarea':
    case 'lines':
      return (
        <Input
          {...common}
          textArea
          nativeTextAreaProps={{
            id,
            value: String(value ?? ''),
            onChange: (e) => onChange(e.target.value),
            onBlur,
            rows: field.widget === 'lines' ? 3 : 4,
            'aria-invalid': Boolean(error),
          }}
        />
      );
    default: {
      const type = field.widget === 'date' ? 'date' : 'text';
      const inputMode =
        field.widget === 'euros' || field.widget === 'number'
          ? ('decimal' as const)
          : field.widget === 'integer'
            ? ('numeric' as const)
            : undefined;
      return (
        <Input
          {...common}
          iconId={field.widget === 'euros' ? 'fr-icon-money-euro-circle-line' : undefined}
          nativeInputProps={{
            id,
            type,
            inputMode,
            value: String(value ?? ''),
            onChange: (e) => onChange(e.target.value),
            onBlur,
            'aria-invalid': Boolean(error),
            autoComplete: 'off',
          }}
        />
      );
    }
  }
}

/** A list of objects (key figures, findings, partners' involvement): one group of inputs per item. */
function RowsInput({
  id,
  field,
  label,
  value,
  error,
  onChange,
  onBlur,
}: {
  id: string;
  field: FieldSpec;
  label: string;
  value: Values[];
  error: string | null;
  onChange(v: unknown): void;
  onBlur(): void;
}) {
  const set = (i: number, name: string, v: unknown) => onChange(value.map((row, j) => (j === i ? { ...row, [name]: v } : row)));
  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      aria-labelledby={`${id}-legend`}
      id={id}
      tabIndex={-1}
      onBlur={onBlur}
    >
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {label}
        {field.hint && <span className="fr-hint-text">{field.hint}</span>}
      </legend>
      {value.map((row, i) => (
        <div key={i} className="ancrage-row fr-fieldset__element" role="group" aria-label={`${field.label}, ligne ${i + 1}`}>
          {(field.item ?? []).map((sub) => (
            <FieldInput
              key={sub.name}
              id={`${id}-${i}-${sub.name}`}
              field={{ ...sub, label: `${sub.label} (ligne ${i + 1})` }}
              required
              value={row[sub.name]}
              error={null}
              onChange={(v) => set(i, sub.name, v)}
              onBlur={() => undefined}
            />
          ))}
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Retirer la ligne {i + 1}
          </Button>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => onChange([...value, field.newItem?.() ?? {}])}
        >
          {field.addLabel ?? 'Ajouter une ligne'}
        </Button>
      </div>
      {error && (
        <div className="fr-messages-group" aria-live="polite">
          <p className="fr-message fr-message--error">{error}</p>
        </div>
      )}
    </fieldset>
  );
}
