/**
 * The environment for a child process a test starts (the built binary, a helper script, the build), from
 * `env` (default: this process's). Without NODE_EXTRA_CA_CERTS: every Node process loads those certificates
 * at startup (~40 ms a spawn on these machines, `node -e 0` included), and no test talks TLS.
 */
export function childEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && key !== 'NODE_EXTRA_CA_CERTS') clean[key] = value;
  }
  return clean;
}
