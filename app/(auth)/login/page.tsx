import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div aria-hidden className="mx-auto flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-2xl text-white">
            ✦
          </div>
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">Sign in to Threadline</h1>
          <p className="mt-1 text-sm text-slate-600">Build and run your WhatsApp support flows.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">
          Lost access? Ask an admin of your team to reset your account.
        </p>
      </div>
    </main>
  );
}
