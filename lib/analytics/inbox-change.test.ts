import { describe, expect, it } from "vitest";
import { MAX_NAMED_CONVERSATIONS, mergeInboxChanges, refreshesFor } from "./inbox-change";

describe("mergeInboxChanges", () => {
  it("asks for the list when either change does, and names each conversation once", () => {
    const first = { list: false, conversationIds: ["a", "b"] };
    const second = { list: true, conversationIds: ["b", "c"] };

    const merged = mergeInboxChanges(first, second);

    expect(merged).toEqual({ list: true, conversationIds: ["a", "b", "c"] });
  });

  it("stops naming conversations past the limit and asks for everything instead", () => {
    const many = { list: false, conversationIds: Array.from({ length: MAX_NAMED_CONVERSATIONS }, (_, index) => `c${index}`) };

    const merged = mergeInboxChanges(many, { list: false, conversationIds: ["one more"] });

    expect(merged).toEqual({ list: true, conversationIds: [] });
  });
});

describe("refreshesFor", () => {
  it("fetches the open conversation again when the change names it, without the list", () => {
    const change = { list: false, conversationIds: ["open", "other"] };

    expect(refreshesFor(change, "open")).toEqual({ list: false, conversation: true });
  });

  it("leaves everything alone for a delivery status in someone else's conversation", () => {
    const change = { list: false, conversationIds: ["other"] };

    expect(refreshesFor(change, "open")).toEqual({ list: false, conversation: false });
  });

  it("fetches the list and the open conversation when the list changed", () => {
    const change = { list: true, conversationIds: [] };

    expect(refreshesFor(change, "open")).toEqual({ list: true, conversation: true });
    expect(refreshesFor(change, null)).toEqual({ list: true, conversation: false });
  });
});
