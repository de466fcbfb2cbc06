// Lint: the recommended JavaScript and TypeScript rules, and the rules of React hooks.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Layers (docs/architecture.md, decision 033): imports run downward only. Each entry names what a
// folder may not import; a wrong import fails `npm run lint` (and so `npm test`).
//   lib ← utils ← models ← services, guards, forms ← routes, components, hooks
// The database modules (utils/db.server, utils/sqlite-adapter.server) are reached through models.
const layer = (name) => [`~/${name}/*`, `**/${name}/*`, `~/${name}`];
const DATABASE = ["~/utils/db.server", "~/utils/sqlite-adapter.server", "**/utils/db.server", "**/utils/sqlite-adapter.server"];
const forbid = (message, names, extra = [], allowTypeImports = false) => ({
  "@typescript-eslint/no-restricted-imports": [
    "error",
    { patterns: [{ group: [...names.flatMap(layer), ...extra], message, allowTypeImports }] },
  ],
});
const UPPER = ["routes", "components", "hooks"];
const MIDDLE = ["services", "guards", "forms"];
const layers = [
  {
    files: ["app/lib/**"],
    rules: forbid("app/lib is pure rules: it imports only app/lib and the generated enums (docs/architecture.md).", [
      "utils",
      "models",
      ...MIDDLE,
      ...UPPER,
      "sw",
    ]),
  },
  {
    files: ["app/utils/**"],
    rules: forbid("app/utils is infrastructure: it never imports models or anything above them (docs/architecture.md).", [
      "models",
      ...MIDDLE,
      ...UPPER,
      "sw",
    ]),
  },
  {
    files: ["app/models/**"],
    rules: forbid(
      "app/models imports only app/lib and app/utils: services, guards, forms, routes and components sit above it (docs/architecture.md).",
      [...MIDDLE, ...UPPER, "sw"],
    ),
  },
  {
    files: ["app/services/**", "app/guards/**", "app/forms/**"],
    rules: forbid(
      "services, guards and forms sit below routes and components, and reach the database through app/models (docs/architecture.md).",
      [...UPPER, "sw"],
      DATABASE,
    ),
  },
  {
    files: ["app/components/**", "app/hooks/**"],
    rules: forbid(
      "components and hooks run in the browser: they import server layers only as types, and never a route (docs/architecture.md).",
      ["routes", "models", "services", "guards", "forms", "sw"],
      DATABASE,
      true,
    ),
  },
  {
    files: ["app/routes/**", "app/root.tsx", "app/entry.*.tsx"],
    rules: forbid("routes reach the database through app/models (docs/architecture.md).", ["sw"], DATABASE),
  },
];

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "public/sw.js",
      ".cache/**",
      "app/generated/**",
      "node_modules/**",
      "data/**",
      "tests/.tmp/**",
      "**/*.tmp.*",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...layers,
);
