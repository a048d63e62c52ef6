import { describe, expect, it } from "vitest";
import { makeNode, makeFlow } from "@/lib/flow/test-builders";
import type { HandlerResult } from "../node-handler";
import { answered, handlerCtx, stateAt, typed } from "../testing/handler-context";
import { handleVerifyIdentity } from "./handle-verify-identity";

const otpNode = makeNode("verify_identity", { method: { kind: "otp", codeLength: 6 }, prompt: "Type the code.", maxAttempts: 2 }, { id: "verify" });

function sentCode(result: HandlerResult): string {
  if (result.kind !== "await_effect" || result.effect.kind !== "send_otp") throw new Error("expected a send_otp effect");
  return result.effect.code;
}

describe("handleVerifyIdentity", () => {
  it("sends a seeded one-time code to the customer's phone and keeps only its hash", () => {
    const result = handleVerifyIdentity(otpNode, stateAt(otpNode), handlerCtx(undefined, { engine: { customer: { phone: "+15550001" } } }));

    const code = sentCode(result);
    expect(code).toMatch(/^\d{6}$/);
    expect(result).toMatchObject({ effect: { kind: "send_otp", phone: "+15550001" } });
    expect(JSON.stringify(result.state)).not.toContain(code);
  });

  it("asks for the code once it is sent, and fails when it could not be sent", () => {
    const sending = handleVerifyIdentity(otpNode, stateAt(otpNode), handlerCtx(undefined)).state;

    const sentOk = handleVerifyIdentity(otpNode, sending, handlerCtx(answered({ kind: "send_otp" })));
    const notSent = handleVerifyIdentity(otpNode, sending, handlerCtx(answered({ kind: "failure", reason: "error" })));

    expect(sentOk).toMatchObject({ kind: "wait", messages: [{ text: "Type the code." }] });
    expect(notSent).toMatchObject({ kind: "advance", via: "failed" });
  });

  it("verifies the right code, sets the flag and the verified field", () => {
    const sending = handleVerifyIdentity(otpNode, stateAt(otpNode), handlerCtx(undefined));
    const code = sentCode(sending);

    const result = handleVerifyIdentity(otpNode, sending.state, handlerCtx(typed(`my code is ${code.slice(0, 3)} ${code.slice(3)}`)));

    expect(result).toMatchObject({ kind: "advance", via: "verified" });
    expect(result.state.verified).toBe(true);
    expect(result.state.fields.verified).toBe("true");
  });

  it("re-asks after a wrong code and fails at the attempt limit", () => {
    const sending = handleVerifyIdentity(otpNode, stateAt(otpNode), handlerCtx(undefined));
    const wrong = sentCode(sending) === "000000" ? "111111" : "000000";

    const first = handleVerifyIdentity(otpNode, sending.state, handlerCtx(typed(wrong)));
    const second = handleVerifyIdentity(otpNode, first.state, handlerCtx(typed(wrong)));

    expect(first.kind).toBe("wait");
    expect(second).toMatchObject({ kind: "advance", via: "failed", messages: [{ text: "Sorry, I couldn't verify you. Let me get someone to help." }] });
  });

  it("matches the WhatsApp number however the customer writes it", () => {
    const node = makeNode("verify_identity", { method: { kind: "phone_match" }, prompt: "Your phone?" });
    const ctx = (text: string) => handlerCtx(typed(text), { engine: { customer: { phone: "447700900123" } } });

    expect(handleVerifyIdentity(node, stateAt(node), ctx("+44 7700 900123"))).toMatchObject({ via: "verified" });
    expect(handleVerifyIdentity(node, stateAt(node), ctx("07700 900123"))).toMatchObject({ via: "verified" });
    expect(handleVerifyIdentity(node, stateAt(node), ctx("07700 900999")).kind).toBe("wait");
  });

  it("compares a date of birth with the expected field in any common format", () => {
    const node = makeNode("verify_identity", { method: { kind: "date_of_birth", expectedField: "dob" }, prompt: "Date of birth?" });
    const state = stateAt(node, {}, { dob: "1990-03-14" });

    expect(handleVerifyIdentity(node, state, handlerCtx(typed("14/03/1990")))).toMatchObject({ via: "verified" });
    expect(handleVerifyIdentity(node, state, handlerCtx(typed("15/03/1990"))).kind).toBe("wait");
  });

  it("lets an already verified customer straight through", () => {
    const result = handleVerifyIdentity(otpNode, { ...stateAt(otpNode), verified: true }, handlerCtx(undefined, { flow: makeFlow([], []) }));

    expect(result).toMatchObject({ kind: "advance", via: "verified", messages: [] });
  });
});
