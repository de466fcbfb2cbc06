// The one shape of a form field (after the Epic Stack's Field + ErrorList): label, optional hint,
// the control, and the field's error right below it. The control gets aria-invalid and
// aria-describedby (hint, error) so a screen reader reads the message with the field. Routes pass
// translated strings; they never write error markup themselves. Variants: InlineField (one-line
// forms), CellField (a number in a table cell), ChoiceFieldset (radios, checkboxes).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export type ListOfErrors = ReadonlyArray<string | null | undefined> | string | null | undefined;

function errorsOf(errors: ListOfErrors): string[] {
  return (Array.isArray(errors) ? errors : [errors]).filter((e): e is string => !!e);
}

/** The messages of one field (or of a whole form, when id is "form-error"). */
export function ErrorList({ id, errors, role }: { id?: string; errors?: ListOfErrors; role?: "alert" }) {
  const list = errorsOf(errors);
  if (list.length === 0) return null;
  if (list.length === 1)
    return (
      <p className="field-error" id={id} role={role}>
        {list[0]}
      </p>
    );
  return (
    <div id={id} role={role}>
      {list.map((e) => (
        <p key={e} className="field-error">
          {e}
        </p>
      ))}
    </div>
  );
}

/** aria attributes that tie a control to its hint and error. */
export function describedBy(id: string, hint: ReactNode, errors: ListOfErrors) {
  const invalid = errorsOf(errors).length > 0;
  const ids = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean);
  return { "aria-invalid": invalid ? true : undefined, "aria-describedby": ids.length ? ids.join(" ") : undefined };
}

type Common = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  /** rendered after the error (e.g. a second hint) */
  after?: ReactNode;
  className?: string;
  /** role="alert" on the message: for a field that checks itself as the user types */
  errorRole?: "alert";
};

function Shell({ id, label, hint, errors, after, className, errorRole, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={className ?? "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={`${id}-error`} errors={errors} role={errorRole} />
      {after}
    </div>
  );
}

type Named = { name: string; id?: string };

export function Field({ inputProps, ...common }: Common & { inputProps: InputHTMLAttributes<HTMLInputElement> & Named }) {
  const id = inputProps.id ?? inputProps.name;
  return (
    <Shell id={id} {...common}>
      <input id={id} {...inputProps} {...describedBy(id, common.hint, common.errors)} />
    </Shell>
  );
}

export function TextareaField({
  textareaProps,
  ...common
}: Common & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & Named }) {
  const id = textareaProps.id ?? textareaProps.name;
  return (
    <Shell id={id} {...common}>
      <textarea id={id} {...textareaProps} {...describedBy(id, common.hint, common.errors)} />
    </Shell>
  );
}

/**
 * A required written reason (a council member's review, a resident reopening a report): at least
 * 10 characters, which the server's schema checks too.
 */
export function ReasonField({
  label,
  maxLength,
  defaultValue,
  errors,
}: {
  label: ReactNode;
  maxLength: number;
  defaultValue?: string;
  errors?: ListOfErrors;
}) {
  return (
    <TextareaField
      label={label}
      textareaProps={{ name: "reason", rows: 3, minLength: 10, maxLength, required: true, defaultValue: defaultValue ?? "" }}
      errors={errors}
    />
  );
}

export function SelectField({
  selectProps,
  children,
  ...common
}: Common & { selectProps: SelectHTMLAttributes<HTMLSelectElement> & Named; children: ReactNode }) {
  const id = selectProps.id ?? selectProps.name;
  return (
    <Shell id={id} {...common}>
      <select id={id} {...selectProps} {...describedBy(id, common.hint, common.errors)}>
        {children}
      </select>
    </Shell>
  );
}

/**
 * A control of a one-line form (.inline-form): the label wraps it, and its message is listed after
 * the row by the form (`<ErrorList id={`${name}-error`} …/>`), so that the row keeps its height.
 */
export function InlineField({
  label,
  inputProps,
  errors,
  errorId,
}: {
  label: ReactNode;
  inputProps: InputHTMLAttributes<HTMLInputElement> & Named;
  errors?: ListOfErrors;
  /** what the message's id starts with, when it is not the input's name (e.g. one form per row) */
  errorId?: string;
}) {
  return (
    <label>
      {label} <input {...inputProps} {...describedBy(errorId ?? inputProps.id ?? inputProps.name, undefined, errors)} />
    </label>
  );
}

/**
 * A control in a table cell: named by aria-label (its row and column say what it is), its message
 * right below it. `children` go between the two (e.g. the unit of the number).
 */
export function CellField({
  label,
  inputProps,
  errors,
  children,
}: {
  label: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & Named;
  errors?: ListOfErrors;
  children?: ReactNode;
}) {
  const id = inputProps.id ?? inputProps.name;
  return (
    <>
      <input {...inputProps} aria-label={label} {...describedBy(id, undefined, errors)} />
      {children}
      <ErrorList id={`${id}-error`} errors={errors} />
    </>
  );
}

/** A group of radio buttons or checkboxes: legend, the error, then the choices. */
export function ChoiceFieldset({
  name,
  legend,
  hint,
  errors,
  className = "choice-list",
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={className} {...describedBy(name, hint, errors)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${name}-error`} errors={errors} />
      {children}
    </fieldset>
  );
}

/** The message at the top of a form about the whole form (not one field). */
export function FormError({ id, message }: { id?: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {message}
    </p>
  );
}
