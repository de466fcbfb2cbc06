// "Is it fixed?" (issue 24): the yes and no links of the message sent some weeks after a report
// was resolved, and the question on the tracking page. GET shows the question (mail scanners open
// links; only a POST answers); "no" may add words and a photo, and reopens the report.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { Field, TextareaField } from "~/components/forms";
import { FormErrorSummary } from "~/components/form-error-summary";
import { answerFixCheck, getFixCheck } from "~/models/complaint/fix-check.server";
import { formError, formToObject, keptValues, validateObject, fieldErrors, type FormErrors } from "~/forms/form.server";
import { optionalText, z } from "~/forms/validation.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { deletePhotos, filesOf, processPhoto, readMultipartForm, savePhoto } from "~/utils/upload.server";

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
const BODY_MAX = 1000;

const AnswerSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      answer: z.enum(["held", "not_held"], { error: "reach:fix.errors.answer" }),
      body: optionalText(BODY_MAX, "reach:fix.errors.bodyTooLong"),
    })
    .strict(),
);
const ALLOWED = new Set(["answer", "body"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const check = TOKEN.test(token) ? await getFixCheck({ token }) : null;
  const title = getFixedT(await getLanguage(request), "reach")("fix.title");
  const answer = new URL(request.url).searchParams.get("answer") === "no" ? "no" : "yes";
  if (!check) return json({ check: null, answer, title }, { status: 404, headers: noStore });
  return json({ check: { code: check.complaint.code, answered: check.answer !== null }, answer, title }, { headers: noStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  if (!TOKEN.test(token)) throw new Response(null, { status: 404 });
  const body = await readMultipartForm(request, { fields: ALLOWED, fileField: "photo" });
  const raw = formToObject(body.form);
  if (!body.ok) return formError(body.error, keptValues(raw, ALLOWED), body.status);
  if (body.unknownField) return formError("unknownField", keptValues(raw, ALLOWED), 400);
  const result = validateObject(AnswerSchema(), raw, ALLOWED);
  if (!result.ok) return result.response;
  const files = filesOf(body.form, "photo");
  if (files.length > 1 || body.extraPhotos) return fieldErrors({ photo: "reach:fix.errors.photo" }, result.values);
  const photo = files[0] ? await processPhoto(files[0]) : null;
  if (files[0] && !photo) return fieldErrors({ photo: "errors.notAnImage" }, result.values);
  const saved = photo ? await savePhoto(photo) : null;
  const answered = await answerFixCheck({
    token,
    answer: result.data.answer,
    body: result.data.body,
    photoFileName: saved?.fileName ?? null,
  });
  if (!answered.ok) {
    if (saved) await deletePhotos([saved.fileName]);
    if (answered.reason === "notFound") throw new Response(null, { status: 404 });
    return formError("answered", result.values, 409);
  }
  return redirect(`/t/${encodeURIComponent(answered.code)}?fix=${result.data.answer}`, { status: 303 });
}

export default function FixCheck() {
  const { check, answer } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("reach");
  const errors = actionData?.fieldErrors ?? {};
  const err = (name: string) => errors[name] && t(errors[name].replace(/^reach:/, ""), { max: BODY_MAX });
  return (
    <div className="page">
      <h1>{t("fix.heading")}</h1>
      {!check ? (
        <p className="lead">{t("fix.notFound")}</p>
      ) : check.answered ? (
        <p role="status">{t("fix.already")}</p>
      ) : (
        <section className="card">
          <p>{t("fix.about", { code: check.code })}</p>
          <FormErrorSummary actionData={actionData} ns="reach" prefix="fix.formErrors" />
          <Form method="post" encType="multipart/form-data">
            {answer === "no" ? (
              <>
                <input type="hidden" name="answer" value="not_held" />
                <TextareaField
                  label={t("fix.body")}
                  hint={t("fix.bodyHint")}
                  textareaProps={{ name: "body", rows: 4, maxLength: BODY_MAX, defaultValue: actionData?.values.body ?? "" }}
                  errors={err("body")}
                />
                <Field
                  label={t("fix.photo")}
                  inputProps={{ name: "photo", type: "file", accept: "image/jpeg,image/png,image/webp" }}
                  errors={err("photo")}
                />
                <button type="submit" className="button button--primary button--block">
                  {t("fix.confirmNo")}
                </button>
              </>
            ) : (
              <>
                <input type="hidden" name="answer" value="held" />
                <button type="submit" className="button button--primary button--block">
                  {t("fix.confirmYes")}
                </button>
              </>
            )}
          </Form>
        </section>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
