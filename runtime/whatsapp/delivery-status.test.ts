import { describe, expect, it } from "vitest";
import { mergeDeliveryStatus } from "./delivery-status";

const replay = (statuses: string[]) => statuses.reduce<string | undefined>((current, next) => mergeDeliveryStatus(current, next), undefined);

describe("mergeDeliveryStatus", () => {
  it("moves forward through sent, delivered, read and played", () => {
    expect(replay(["sent", "delivered", "read", "played"])).toBe("played");
  });

  it("never moves back when statuses arrive out of order or twice", () => {
    expect(replay(["read", "sent", "delivered", "read"])).toBe("read");
  });

  it("marks a sent message failed, but never a delivered one", () => {
    expect(replay(["sent", "failed"])).toBe("failed");
    expect(replay(["failed", "sent"])).toBe("failed");
    expect(replay(["delivered", "failed"])).toBe("delivered");
  });

  it("lets a later delivery override a failure", () => {
    expect(replay(["sent", "failed", "delivered"])).toBe("delivered");
    expect(replay(["failed", "read"])).toBe("read");
  });

  it("ignores a status it does not know once something is known", () => {
    expect(replay(["delivered", "deleted"])).toBe("delivered");
  });
});
