import type { VerifyIdentityNode } from "@/lib/flow/nodes/verify-identity-node";
import { fillFields } from "@/lib/flow/templating";
import { assertNever } from "@/lib/result";
import type { ConversationState } from "../conversation-state";
import { DEFAULT_TEXTS } from "../default-texts";
import { advance, awaitEffect, countFailure, wait, withScratch, type HandlerContext, type NodeHandler } from "../node-handler";
import { hashCode, randomDigit } from "../otp-hash";
import { textMessages } from "../outgoing";
import { parseDate, samePhone } from "../text-checks";

const otpDigest = (nodeId: string, code: string) => hashCode(`${nodeId}:${code}`);

function answerMatches(node: VerifyIdentityNode, state: ConversationState, text: string, ctx: HandlerContext): boolean {
  const { method } = node.data;
  switch (method.kind) {
    case "otp": {
      const digits = text.replace(/\D/g, "");
      return state.scratch.otpHash !== undefined && digits.length === method.codeLength && otpDigest(node.id, digits) === state.scratch.otpHash;
    }
    case "phone_match":
      return text.length <= 40 && samePhone(text, ctx.engine.customer.phone);
    case "date_of_birth": {
      const expected = Object.hasOwn(state.fields, method.expectedField) ? (state.fields[method.expectedField] ?? "") : "";
      const env = { nlu: ctx.engine.nlu, today: ctx.today };
      const wanted = expected.trim() === "" ? null : parseDate(expected.trim(), env);
      return wanted !== null && text.length <= 100 && parseDate(text.trim(), env) === wanted;
    }
    default:
      return assertNever(method);
  }
}

/** Pattern 3: already-verified customers pass straight through; the code itself never enters the state. */
export const handleVerifyIdentity: NodeHandler<"verify_identity"> = (node, state, ctx) => {
  const { method, prompt, successText, failureText, maxAttempts } = node.data;
  const say = (text: string) => textMessages(fillFields(text, state.fields));

  if (ctx.input === undefined) {
    if (state.verified) return advance(state, "verified");
    if (method.kind !== "otp") return wait(withScratch(state, { phase: "asking" }), say(prompt));
    let code = "";
    for (let i = 0; i < method.codeLength; i++) code += String(randomDigit(ctx.engine.random));
    const next = withScratch(state, { phase: "sending", otpHash: otpDigest(node.id, code) });
    return awaitEffect(next, { kind: "send_otp", id: ctx.newEffectId(), nodeId: node.id, phone: ctx.engine.customer.phone, code });
  }

  if (ctx.input.kind === "effect_result") {
    if (ctx.input.result.kind === "send_otp") return wait(withScratch(state, { phase: "asking" }), say(prompt));
    return advance(state, "failed", say(failureText));
  }

  if (answerMatches(node, state, ctx.input.text, ctx)) {
    const verified: ConversationState = {
      ...state,
      verified: true,
      fields: { ...state.fields, verified: "true" },
      scratch: { ...state.scratch, otpHash: undefined },
    };
    return advance(verified, "verified", say(successText));
  }
  const retry = countFailure(state, node.id, method.kind);
  if (retry.state.scratch.attempts >= maxAttempts) return advance(retry.state, "failed", say(failureText), [retry.event]);
  const hint = method.kind === "otp" ? `${DEFAULT_TEXTS.verifyRetry} ${DEFAULT_TEXTS.verifyCodeHint}` : DEFAULT_TEXTS.verifyRetry;
  return wait(retry.state, textMessages(hint), [retry.event]);
};
