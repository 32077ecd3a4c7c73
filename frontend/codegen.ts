import type { CodegenConfig } from '@graphql-codegen/cli';

// CODEGEN_OUT lets `npm run codegen:check` generate into a temp dir and diff against src/gql/.
const out = process.env.CODEGEN_OUT ?? './src/gql/';

const config: CodegenConfig = {
  schema: process.env.CODEGEN_SCHEMA ?? '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: false,
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string' },
      },
    },
  },
  silent: true,
};

export default config;
