import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CommuneKind } from "~/generated/prisma/enums";

/** "Xã Vĩnh Bảo" linking back to the commune's page, above a resident's form or tracking page. */
export function CommuneBreadcrumb({ commune }: { commune: { slug: string; name: string; kind: CommuneKind } }) {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <Link to={`/c/${commune.slug}`}>
        {t(`common:kind.${commune.kind}`)} {commune.name}
      </Link>
    </p>
  );
}
