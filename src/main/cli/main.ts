import { explainStartupError } from '../services/core';
import { runCli } from './index';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(explainStartupError(error));
    process.exit(1);
  },
);
