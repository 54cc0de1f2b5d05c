import { join } from 'node:path';
import { PROVISION_FILE_NAME } from '../../../shared/provisioning/package';

/**
 * Where a provisioning file is looked for, in order: the path given with `--provision`, the data
 * folder, and on Windows `%ProgramData%\Motcua Desk` (where a remote install script running as an
 * administrator can copy it for whichever Windows account later opens the app).
 */
export function knownPackagePaths(root: string, explicit?: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const paths = [...(explicit === undefined ? [] : [explicit]), join(root, PROVISION_FILE_NAME)];
  if (platform === 'win32') paths.push(join(env.ProgramData ?? 'C:\\ProgramData', 'Motcua Desk', PROVISION_FILE_NAME));
  return paths;
}
