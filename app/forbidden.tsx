import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        Your role doesn&apos;t include this part of Threadline. If you need it, ask an admin to change your role.
      </p>
      <Link href="/" className={buttonClass("primary", "mt-6")}>
        Back to Threadline
      </Link>
    </main>
  );
}
