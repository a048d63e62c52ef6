import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./verify-signature";

// Vectors from shared/whatsapp-facts.md §2.
const SECRET = "my_app_secret";
const BODY_A = `{"object":"whatsapp_business_account","entry":[]}`;
const SIG_A = "sha256=1e948187320e1d8a8ab09e20b7172f8fe97e79394c0980b59b485e00288e389d";
// String.raw keeps \u00e1 as six ASCII characters, the way Meta transmits non-ASCII text.
const BODY_B = String.raw`{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"messages":[{"from":"16505551234","id":"wamid.TEST1","timestamp":"1749416383","type":"text","text":{"body":"Ol\u00e1"}}]}}]}]}`;
const SIG_B = "sha256=d4d004beb2e4e646ea1a831f335434139fa7707468826c0ee6113d59c1d17c31";
const SIG_B_RESERIALISED = "sha256=a660ce6b624352554985e3186e2755e191f3ae174c4f3e600e2931a88e2bef6e";

describe("signBody", () => {
  it("matches the published sanity vector", () => {
    const signature = signBody("secret", "test");

    expect(signature).toBe("sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914");
  });

  it("signs vector A and vector B like Meta does", () => {
    expect(Buffer.byteLength(BODY_A)).toBe(49);
    expect(Buffer.byteLength(BODY_B)).toBe(354);

    expect(signBody(SECRET, BODY_A)).toBe(SIG_A);
    expect(signBody(SECRET, Buffer.from(BODY_B, "utf8"))).toBe(SIG_B);
  });
});

describe("verifySignature", () => {
  it("accepts vector A as a string and as bytes", () => {
    expect(verifySignature({ appSecret: SECRET, rawBody: BODY_A, signature: SIG_A })).toBe(true);
    expect(verifySignature({ appSecret: SECRET, rawBody: Buffer.from(BODY_A), signature: SIG_A })).toBe(true);
  });

  it("accepts vector B with its escaped non-ASCII text", () => {
    const accepted = verifySignature({ appSecret: SECRET, rawBody: Buffer.from(BODY_B), signature: SIG_B });

    expect(accepted).toBe(true);
  });

  it("rejects vector B once the body has been re-serialised", () => {
    const reserialised = JSON.stringify(JSON.parse(BODY_B));

    expect(Buffer.byteLength(reserialised)).toBe(350);
    expect(signBody(SECRET, reserialised)).toBe(SIG_B_RESERIALISED);
    expect(verifySignature({ appSecret: SECRET, rawBody: reserialised, signature: SIG_B })).toBe(false);
  });

  it("accepts an upper-case hex digest", () => {
    const upper = "sha256=" + SIG_A.slice("sha256=".length).toUpperCase();

    expect(verifySignature({ appSecret: SECRET, rawBody: BODY_A, signature: upper })).toBe(true);
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["without prefix", SIG_A.slice("sha256=".length)],
    ["sha1 prefix", "sha1=" + SIG_A.slice("sha256=".length)],
    ["too short", SIG_A.slice(0, -2)],
    ["too long", SIG_A + "00"],
    ["non-hex", SIG_A.slice(0, -1) + "z"],
    ["prefix only", "sha256="],
  ])("rejects a %s header", (_label, signature) => {
    expect(verifySignature({ appSecret: SECRET, rawBody: BODY_A, signature })).toBe(false);
  });

  it("rejects a signature made with another secret", () => {
    const signature = signBody("another_secret", BODY_A);

    expect(verifySignature({ appSecret: SECRET, rawBody: BODY_A, signature })).toBe(false);
  });

  it("rejects everything when the app secret is empty", () => {
    const signature = signBody("", BODY_A);

    expect(verifySignature({ appSecret: "", rawBody: BODY_A, signature })).toBe(false);
  });

  it("rejects a body changed by one byte", () => {
    const tampered = BODY_A.replace("[]", "[ ]");

    expect(verifySignature({ appSecret: SECRET, rawBody: tampered, signature: SIG_A })).toBe(false);
  });
});
