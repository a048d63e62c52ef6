import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        The link may be old, or the page was moved or deleted.
      </p>
      <Link href="/" className={buttonClass("primary", "mt-6")}>
        Back to Threadline
      </Link>
    </main>
  );
}
