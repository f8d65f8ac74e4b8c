/* global fetch, AbortSignal -- Node 20 has both built in. */
// The container's HEALTHCHECK: asks this process's /healthz and exits 0 when it answers 200.
// The port is the webhook's (PORT) in webhook mode, else HEALTH_PORT; no port means nothing to ask.
const webhook = (process.env.WEBHOOK_URL ?? "").trim() !== "";
const port = webhook ? (process.env.PORT || "8080") : process.env.HEALTH_PORT;
if (port === undefined || port.trim() === "") {
  console.error("healthcheck: HEALTH_PORT is not set (polling mode serves /healthz only there)");
  process.exit(1);
}
const host = process.env.HOST === undefined || process.env.HOST === "0.0.0.0" || process.env.HOST === "" ? "127.0.0.1" : process.env.HOST === "::" ? "[::1]" : process.env.HOST.includes(":") ? `[${process.env.HOST}]` : process.env.HOST;
try {
  const response = await fetch(`http://${host}:${port.trim()}/healthz`, { signal: AbortSignal.timeout(4000) });
  const body = await response.text();
  console.log(body.trim());
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`healthcheck: no answer on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
