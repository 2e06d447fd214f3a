import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "drizzle/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { pid: _pid, ...rest } = line`).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tool configs export their object directly, as each tool documents.
    files: ["*.config.{js,mjs,ts}"],
    rules: { "import/no-anonymous-default-export": "off" },
  },
  {
    // App code logs through lib/log.ts, which masks phones and e-mails; scripts talk to a terminal.
    files: ["app/**", "lib/**", "agents/**", "inngest/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='console'][callee.property.name=/^(log|info|debug|trace)$/]",
          message: "Use o logger (lib/log.ts), que mascara telefones e e-mails, em vez de console.log/info/debug.",
        },
      ],
    },
  },
]);
