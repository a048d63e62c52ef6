import type { LanguageUnderstanding } from "@/runtime/nlu/types";

/** Everything impure the engine may use, injected so that a step is reproducible. */
export type EngineContext = {
  /** ISO timestamp of the step. */
  now: string;
  /** Uniform in [0, 1); seeded in tests and the simulator. */
  random: () => number;
  nlu: LanguageUnderstanding;
  /** Who is writing; `fields` are known before the conversation starts (e.g. a CRM's tier = "vip"). */
  customer: { phone: string; name?: string; fields?: Readonly<Record<string, string>> };
};
