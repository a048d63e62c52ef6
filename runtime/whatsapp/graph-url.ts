/** The Graph API version Threadline is written against (whatsapp-facts §7: docs use v25.0). */
export const GRAPH_API_VERSION = "v25.0";

/** Joins a Graph base URL ("https://graph.facebook.com", "http://127.0.0.1:4010/") with a versioned path. */
export function graphEndpoint(graphUrl: string, ...segments: string[]): string {
  const base = graphUrl.replace(/\/+$/, "");
  return [base, GRAPH_API_VERSION, ...segments.map(encodeURIComponent)].join("/");
}
