// The one page a link in a message opens (confirm a contact, confirm or stop area news, stop a
// report's news): GET shows what it is about and a button, because mail scanners open links; only
// the POST acts. Four steps: unknown link, expired link, the question, done.
import { Form, type MetaFunction } from "@remix-run/react";
import type { ReactNode } from "react";

export type LinkStep = "notFound" | "expired" | "ask" | "done";

export function LinkPage({
  heading,
  step,
  notFound,
  expired,
  about,
  question,
  submit,
  done,
  doneTestId,
}: {
  heading: string;
  step: LinkStep;
  notFound: string;
  expired?: string;
  /** what the link is about, shown above the question and the result */
  about?: ReactNode;
  question: ReactNode;
  submit: string;
  done: ReactNode;
  doneTestId: string;
}) {
  return (
    <div className="page">
      <h1>{heading}</h1>
      {step === "notFound" ? (
        <p className="lead">{notFound}</p>
      ) : step === "expired" ? (
        <p className="lead" role="alert">
          {expired}
        </p>
      ) : step === "done" ? (
        <section className="card notice" role="status" data-testid={doneTestId}>
          {about}
          {done}
        </section>
      ) : (
        <Form method="post" className="card">
          {about}
          {question}
          <button type="submit" className="button button--primary button--block">
            {submit}
          </button>
        </Form>
      )}
    </div>
  );
}

/** The page's title from its loader; never indexed (the token is in the address). */
export const linkPageMeta: MetaFunction = ({ data }) => [
  { title: (data as { title?: string } | undefined)?.title ?? "" },
  { name: "robots", content: "noindex" },
];
