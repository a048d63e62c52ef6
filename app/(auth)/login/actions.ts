"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { checkCredentials } from "@/db/queries/sign-in";
import { signInInputSchema } from "@/lib/auth/user-input";
import { clientAddress } from "@/lib/server/client-address";

export type SignInState = { error?: string; fields?: { email?: string[]; password?: string[] }; email?: string };

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof raw.email === "string" ? raw.email : "";
  const input = signInInputSchema.safeParse(raw);
  if (!input.success) return { fields: z.flattenError(input.error).fieldErrors, email };

  const result = await checkCredentials({ ...input.data, address: clientAddress(await headers()) });
  if (!result.ok) {
    if (result.error.code === "rate-limited") {
      const minutes = result.error.retryAfterMinutes;
      return {
        error: `Too many failed attempts. For your security, sign-in is paused for ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        email,
      };
    }
    return { error: "That email and password don't match an active account.", email };
  }

  try {
    await signIn("credentials", { ...input.data, redirectTo: "/" });
  } catch (error) {
    // signIn redirects by throwing; only auth failures are ours to report.
    if (error instanceof AuthError) return { error: "Sign-in failed. Please try again.", email };
    throw error;
  }
  return {};
}
