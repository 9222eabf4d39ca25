// `npm run lint` (and the "== lint" step of `npm test`): Next's rules (React, React hooks,
// jsx-a11y, import, @next/next), typescript-eslint's recommended set, and the house rules on
// unused code and function size. `--max-warnings 0`, so a warning fails as an error does.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          // `const { secret, ...rest } = x` is how an object loses a field.
          ignoreRestSiblings: true,
        },
      ],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The house style's "no function or React component over ~150 lines", for the sources;
    // a test's describe block is a list of cases, not a function a reader has to hold.
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    ignores: ["**/*.test.{ts,tsx}", "tests/**", "e2e/**", "bench/**"],
    rules: {
      "max-lines-per-function": ["error", { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    "e2e/artifacts/**",
    "data/**",
  ]),
]);
