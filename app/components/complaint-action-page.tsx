// The frame of a staff page that acts on one report (forward, urgency, merge): the link back to the
// report, the heading, optionally the report's text and a hint, and the form's error summary;
// then the page's form with its primary submit button.
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { IntentForm } from "./intent-form";
import { FormErrorSummary } from "./form-error-summary";
import type { FormErrors } from "~/forms/form.server";

export function ComplaintActionPage({
  complaint,
  heading,
  quote,
  hint,
  actionData,
  children,
}: {
  complaint: { id: number; code: string };
  heading: ReactNode;
  /** the report's text, shown as a quote under the heading */
  quote?: string;
  hint?: ReactNode;
  actionData?: FormErrors;
  children: ReactNode;
}) {
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/complaints/${complaint.id}`}>{complaint.code}</Link>
      </p>
      <h1>{heading}</h1>
      {quote === undefined ? null : <blockquote className="complaint-text">{quote}</blockquote>}
      {hint ? <p className="hint">{hint}</p> : null}
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      {children}
    </>
  );
}

/** The page's one form: its fields, then the primary submit button. */
export function ComplaintActionForm({
  intent,
  submitLabel,
  children,
}: {
  intent?: string;
  submitLabel: ReactNode;
  children: ReactNode;
}) {
  return (
    <IntentForm intent={intent} submitLabel={submitLabel} className="card" buttonClassName="button button--primary">
      {children}
    </IntentForm>
  );
}
