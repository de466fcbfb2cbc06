// Follow a complaint: type the tracking code. A GET form; an unknown code is a 404 with a message.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { normaliseTrackingCode } from "~/lib/tracking-code";
import { getPublicComplaint } from "~/models/complaint/public.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { limitedLookup } from "~/utils/rate-limit.server";
import { describedBy, ErrorList } from "~/components/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const raw = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 40);
  const title = getFixedT(await getLanguage(request), "complaint")("track.title");
  if (!raw) return json({ code: "", error: null, title });
  const code = normaliseTrackingCode(raw);
  if (!code) return json({ code: raw, error: "malformed", title }, { status: 400 });
  // Codes not found cost the address a point: scanning codes stops long before it could pay.
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  const found = await limitedLookup("tracking", ipHash, () => getPublicComplaint({ code }));
  if (found === "limited") return json({ code: raw, error: "rateLimited", title }, { status: 429 });
  if (found) return redirect(`/t/${code}`);
  return json({ code: raw, error: "notFound", title }, { status: 404 });
}

export default function TrackLookup() {
  const { code, error } = useLoaderData<typeof loader>();
  const { t } = useTranslation("complaint");
  return (
    <div className="page">
      <h1>{t("track.heading")}</h1>
      <Form method="get" className="search">
        <label htmlFor="code">{t("track.label")}</label>
        <div className="search__row">
          <input
            id="code"
            name="code"
            defaultValue={code}
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={40}
            placeholder="ABCDE-23456"
            {...describedBy("code", null, error && t(`track.errors.${error}`))}
          />
          <button type="submit">{t("track.submit")}</button>
        </div>
        <ErrorList
          id="code-error"
          errors={error && (error === "rateLimited" ? t("security:tracking.rateLimited") : t(`track.errors.${error}`))}
        />
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
