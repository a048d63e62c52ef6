import { withRouteRole } from "@/lib/auth/with-role";
import { MAX_UPLOAD_BYTES, sendSimulatorUpload } from "@/runtime/simulator";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status });

/**
 * The simulated customer's file: a route rather than a server action, whose body is capped at 1 MB, so the
 * document-collection size limits can be tried for real.
 */
export const POST = withRouteRole("tester", async (request, actor) => {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) return json(413, { error: "too_large", message: "The simulator accepts files up to 25 MB." });
  const form = await request.formData().catch(() => null);
  const sessionId = form?.get("sessionId");
  const file = form?.get("file");
  if (typeof sessionId !== "string" || !(file instanceof File)) {
    return json(400, { error: "invalid", message: "Choose a file to send." });
  }
  const result = await sendSimulatorUpload(actor, sessionId, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: file.name,
    mimeType: file.type,
  });
  if (!result.ok) return json(result.error.code === "not_found" ? 404 : 400, { error: result.error.code, message: result.error.message });
  return json(200, { view: result.value });
});
