// A small post form of a page with several actions: the hidden intent the action switches on, the
// form's own fields, then its one submit button.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";

export function IntentForm({
  intent,
  submitLabel,
  buttonClassName = "button",
  className,
  children,
}: {
  intent: string;
  submitLabel: ReactNode;
  /** "button button--primary" for the page's main action, "link-button" for a remove link */
  buttonClassName?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <button type="submit" className={buttonClassName}>
        {submitLabel}
      </button>
    </Form>
  );
}
