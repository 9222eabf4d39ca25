"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { filtersFromParams, filtersToSearch, fitStatus, type LibraryFilters } from "@/components/library/library-api";

/**
 * The library's search and filters, kept in the URL so a link or Back shows the same list.
 * `filters` is what the URL says; `queryFilters` is what the list is fetched with (a search
 * shorter than 3 characters is not one); `search` is the box, which types ahead of the URL.
 */
export function useLibraryFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);

  // The search box types freely; the URL (and the query) follows 300 ms after the last key.
  const [search, setSearch] = useState(filters.q);
  const lastPushedQ = useRef(filters.q);
  useEffect(() => {
    // Back/forward or a shared link changed q: show it.
    if (filters.q !== lastPushedQ.current) {
      lastPushedQ.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);

  // The filters last asked for: a second change made before the URL has caught up with the
  // first builds on it instead of undoing it.
  const requested = useRef(filters);
  useEffect(() => {
    requested.current = filters;
  }, [filters]);

  const navigate = useCallback(
    (next: LibraryFilters, mode: "push" | "replace") => {
      requested.current = next;
      const url = `${pathname}${filtersToSearch(next)}`;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [pathname, router],
  );

  useEffect(() => {
    const q = search.trim();
    if (q === filters.q.trim()) return;
    // Short terms stay in the box (with a hint) without touching the URL or the list.
    if (q.length > 0 && q.length < 3) return;
    const timer = setTimeout(() => {
      lastPushedQ.current = q;
      navigate({ ...filters, q }, "replace");
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filters, navigate]);

  const activeQ = filters.q.trim().length >= 3 ? filters.q.trim() : "";
  const queryFilters: LibraryFilters = { ...filters, q: activeQ };
  const filtered = activeQ !== "" || filters.model !== "" || filters.creator !== "" || filters.favorite || filters.keepers;
  const shortSearch = search.trim().length > 0 && search.trim().length < 3;
  const change = (patch: Partial<LibraryFilters>) => navigate(fitStatus({ ...requested.current, q: activeQ, ...patch }), "push");
  const clearFilters = () => {
    lastPushedQ.current = "";
    setSearch("");
    navigate({ ...filters, q: "", model: "", creator: "", favorite: false, keepers: false }, "push");
  };

  return { filters, queryFilters, search, setSearch, shortSearch, filtered, change, clearFilters };
}
