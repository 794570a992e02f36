/**
 * The only place server code reads process.env. Validated once per container.
 *
 * In the cloud, CloudBase injects the environment; locally the function host sets
 * LOCAL_CLOUD=true and points the SDK at the local database service through
 * TCB_CONTEXT_CNFG, so the function code is identical in both places.
 */
export interface ServerConfig {
  /** CloudBase environment id; undefined means "the environment this function runs in". */
  envId: string | undefined;
  /** True only under the local cloud: enables the shifted dev clock and the local outbox. */
  localCloud: boolean;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const envId = env.QNZS_ENV_ID?.trim() || undefined;
  if (envId !== undefined && !/^[a-z0-9_-]{1,40}$/.test(envId)) {
    throw new Error(`QNZS_ENV_ID "${envId}" is not a valid CloudBase environment id`);
  }
  return { envId, localCloud: env.LOCAL_CLOUD === 'true' };
}
