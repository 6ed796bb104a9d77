package io.caravan.paging;

/**
 * What a session has paged through so far: pages and records, the totals the API announced (read
 * from the first page that carries them; later pages may omit them or send null), and the largest
 * page that came short of the size asked while more pages followed (a page-size cap).
 */
public final class PagingTally {

    private final long pagesBefore;
    private final long recordsBefore;
    private long pages;
    private long records;
    private Long totalPages;
    private Long totalRecords;
    private boolean lowerBound;
    private int largestShortPage;
    private int pendingShortPage;
    private boolean flagMissingButFollowed;

    /** A tally of a new pass. */
    public PagingTally() {
        this(0, 0);
    }

    /** A tally of a run resuming a pass in which {@code pagesBefore} pages of {@code recordsBefore} records came before. */
    public PagingTally(long pagesBefore, long recordsBefore) {
        this.pagesBefore = pagesBefore;
        this.recordsBefore = recordsBefore;
    }

    /** Counts a page received, and the totals it announces when none was seen yet. */
    public void add(Page page, Totals totals) {
        pages++;
        records += page.records();
        if (totalRecords == null && totalPages == null) {
            totalRecords = totals.records(page);
            totalPages = totals.pages(page);
            lowerBound = (totalRecords != null || totalPages != null) && totals.lowerBound(page);
        }
    }

    /** Counts a page received that announces no totals. */
    public void add(Page page) {
        add(page, Totals.NONE);
    }

    /** The has-more flag was missing from a page whose API handed out a next page, which was followed. */
    public void flagMissingButFollowed() {
        flagMissingButFollowed = true;
    }

    /** Whether {@link #flagMissingButFollowed()} happened in this pass. */
    public boolean followedPastAMissingFlag() {
        return flagMissingButFollowed;
    }

    /** A page of {@code size} records came short of the size asked, and the API offered another. */
    public void shortPage(int size) {
        pendingShortPage = Math.max(pendingShortPage, size);
    }

    /**
     * A page of {@code size} other records came after: a short page before it was a page-size cap when
     * this one is at least as full (a last record read again, as time cursors do, is no such page).
     */
    public void followedBy(int size) {
        if (pendingShortPage > 0 && size >= pendingShortPage) {
            largestShortPage = Math.max(largestShortPage, pendingShortPage);
        }
        pendingShortPage = 0;
    }

    public long pages() {
        return pages;
    }

    public long records() {
        return records;
    }

    /** Pages of the pass so far, including those before a resume: what the API's totals count. */
    public long passPages() {
        return pagesBefore + pages;
    }

    /** Records of the pass so far, including those before a resume. */
    public long passRecords() {
        return recordsBefore + records;
    }

    /** The total pages announced, or {@code null}. */
    public Long totalPages() {
        return totalPages;
    }

    /** The total records announced, or {@code null}. */
    public Long totalRecords() {
        return totalRecords;
    }

    /** Whether the totals announced are lower bounds only (never a stop). */
    public boolean totalIsLowerBound() {
        return lowerBound;
    }

    /**
     * Why the pass fell short of the totals the API announced (where {@code totals} says), or
     * {@code null} when it did not; {@code asked} is the page size asked for (0: none).
     */
    public String shortfall(Totals totals, int asked) {
        String bound = lowerBound ? "at least " : "";
        String what = null;
        if (totalRecords != null && passRecords() < totalRecords - totals.tolerance()) {
            what = String.format("the API announced %s%,d records (%s) but the pass read %,d", bound, totalRecords,
                    totals.recordsSource(), passRecords());
        } else if (totalPages != null && passPages() < totalPages - totals.tolerance()) {
            what = String.format("the API announced %s%,d pages (%s) but the pass read %,d", bound, totalPages,
                    totals.pagesSource(), passPages());
        }
        if (what == null) {
            return null;
        }
        return what + (asked > 0 && largestShortPage > 0 ? String.format(": asked for %,d per page, the API returned"
                + " %,d: it caps the page size (ask for %,d, or offsetStep records)", asked, largestShortPage,
                largestShortPage) : ": the API stopped offering pages before its total (raise totalTolerance if its"
                + " data changes during a run)");
    }

    /** The largest page that came short of the size asked while more pages followed, or 0. */
    public int largestShortPage() {
        return largestShortPage;
    }
}
