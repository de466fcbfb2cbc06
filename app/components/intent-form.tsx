// A small post form: the hidden intent the action switches on (for a page with several actions),
// the form's own fields, then its one submit button.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";

export function IntentForm({
  intent,
  submitLabel,
  buttonClassName = "button",
  className,
  action,
  children,
}: {
  /** another route's address, when the form posts elsewhere than its page */
  action?: string;
  /** omitted on a page whose action does one thing */
  intent?: string;
  submitLabel: ReactNode;
  /** "button button--primary" for the page's main action, "link-button" for a remove link */
  buttonClassName?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" className={className} action={action}>
      {intent === undefined ? null : <input type="hidden" name="intent" value={intent} />}
      {children}
      <button type="submit" className={buttonClassName}>
        {submitLabel}
      </button>
    </Form>
  );
}
