// A skeleton while the page loads. Only on pages that never answer 403/404: a loading boundary starts
// streaming (status 200) before the page runs, and the lead page and manager pages keep their status.
import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton />;
}
