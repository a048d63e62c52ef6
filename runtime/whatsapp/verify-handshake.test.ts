import { describe, expect, it } from "vitest";
import { answerHandshake } from "./verify-handshake";

const query = (params: Record<string, string>) => new URLSearchParams(params);

describe("answerHandshake", () => {
  it("echoes the challenge verbatim when mode and token match", () => {
    const answer = answerHandshake(
      query({ "hub.mode": "subscribe", "hub.challenge": "0011158201444", "hub.verify_token": "my-token" }),
      "my-token",
    );

    expect(answer).toBe("0011158201444");
  });

  it.each([
    ["a wrong token", { "hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "other" }],
    ["a wrong mode", { "hub.mode": "unsubscribe", "hub.challenge": "1", "hub.verify_token": "my-token" }],
    ["no challenge", { "hub.mode": "subscribe", "hub.verify_token": "my-token" }],
    ["no token", { "hub.mode": "subscribe", "hub.challenge": "1" }],
  ])("refuses %s", (_label, params) => {
    expect(answerHandshake(query(params), "my-token")).toBeNull();
  });

  it("refuses everything while no verify token is configured", () => {
    expect(answerHandshake(query({ "hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "" }), "")).toBeNull();
  });
});
