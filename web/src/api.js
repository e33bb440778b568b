// The workbench's calls to `parley serve` (docs/api-http.md). Every call carries the token the page
// was opened with; the server refuses any call without it.

const token = new URLSearchParams(window.location.search).get("token") ?? "";

export function hasToken() {
  return token !== "";
}

// A JSON call: resolves to {status, body}; a network failure rejects.
export async function call(path, { method = "GET", body } = {}) {
  const response = await fetch(path, {
    method,
    headers: { "X-Parley-Token": token, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("application/json")) return { status: response.status, body: await response.json() };
  if (!response.ok) return { status: response.status, body: { error: `the server answered ${response.status}` } };
  return { status: response.status, blob: await response.blob() };
}

// A job's status as server-sent events: `onStatus` gets each, the last one with the result.
export function followJob(id, onStatus) {
  const source = new EventSource(`/api/jobs/${id}/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (event) => {
    const status = JSON.parse(event.data);
    onStatus(status);
    if (status.state === "done" || status.state === "cancelled") source.close();
  };
  source.onerror = () => {
    source.close();
    onStatus({ state: "lost" });
  };
  return source;
}
