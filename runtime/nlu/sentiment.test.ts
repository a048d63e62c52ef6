import { describe, expect, it } from "vitest";
import { analyzeSentiment } from "./sentiment";

describe("analyzeSentiment", () => {
  it("reads plain positive, neutral and negative messages", () => {
    expect(analyzeSentiment("Thanks, that was really helpful!").label).toBe("positive");
    expect(analyzeSentiment("Where is my order?").label).toBe("neutral");
    expect(analyzeSentiment("This is terrible service, I am very disappointed").label).toBe("negative");
  });

  it("flips and softens negated words", () => {
    const notBad = analyzeSentiment("not bad at all");
    const notHappy = analyzeSentiment("I am not happy");

    expect(notBad.score).toBeGreaterThan(0);
    expect(notBad.cues).toContain("negation");
    expect(notHappy.score).toBeLessThan(0);
  });

  it("makes intensified words stronger", () => {
    expect(analyzeSentiment("very bad").score).toBeLessThan(analyzeSentiment("bad").score);
  });

  it("treats shouting as anger and names it", () => {
    const shouted = analyzeSentiment("WHERE IS MY ORDER");

    expect(shouted.cues).toContain("all caps");
    expect(shouted.score).toBeLessThan(analyzeSentiment("where is my order").score);
    expect(analyzeSentiment("How do I get a VAT invoice").cues).not.toContain("all caps");
  });

  it("counts repeated punctuation and emoji", () => {
    const angry = analyzeSentiment("where is my refund???");
    const emoji = analyzeSentiment("my order 😡😡");
    const happy = analyzeSentiment("got it 😊");

    expect(angry.cues).toContain("repeated punctuation");
    expect(angry.score).toBeLessThan(0);
    expect(emoji.cues).toContain("negative emoji");
    expect(emoji.label).toBe("negative");
    expect(happy.label).toBe("positive");
  });

  it("scores swearing, frustration and cancellation as strongly negative", () => {
    const swearing = analyzeSentiment("this app is shit");
    const frustrated = analyzeSentiment("Third time asking. Still nothing. Nobody answers, ridiculous!!!");
    const leaving = analyzeSentiment("cancel my account please");

    expect(swearing.cues).toContain("swearing");
    expect(swearing.score).toBeLessThanOrEqual(-0.6);
    expect(frustrated.cues).toEqual(
      expect.arrayContaining(["frustration (third time)", "frustration (still)", "frustration (nobody)"]),
    );
    expect(frustrated.score).toBeLessThanOrEqual(-0.6);
    expect(leaving.cues).toContain("cancellation language (cancel my account)");
    expect(leaving.score).toBeLessThanOrEqual(-0.6);
  });

  it("does not read cancelling an appointment as a customer leaving", () => {
    expect(analyzeSentiment("I need to cancel my appointment tomorrow").cues.join()).not.toContain("cancellation");
  });

  it("catches censored swearing and negative words in Spanish, Portuguese and French", () => {
    expect(analyzeSentiment("what the f*ck").cues).toContain("swearing");
    expect(analyzeSentiment("servicio pésimo, una estafa").label).toBe("negative");
    expect(analyzeSentiment("atendimento ruim, que vergonha").label).toBe("negative");
    expect(analyzeSentiment("service nul, quelle arnaque").label).toBe("negative");
  });

  it("keeps the score within -1..1 however much is piled up", () => {
    const pile = "FUCK THIS SHIT 😡😡😡 useless ridiculous terrible awful worst!!!!!! ".repeat(50);

    const result = analyzeSentiment(pile);

    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThan(-0.9);
  });
});
