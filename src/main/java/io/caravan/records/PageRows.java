package io.caravan.records;

import io.caravan.request.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the page being processed, handled one batch at a time: which are still to hand on,
 * none for a page that landed earlier in the pass, and on a resumed page those after the last
 * record that landed (found by its key, so a page whose records shifted is still cut at the right
 * record; when the key is gone, every row, which the upsert absorbs).
 */
public final class PageRows {

    private String resumeAfterKey;
    private Set<String> landedEarlier = Set.of();
    private String pageKey;
    private List<Map<String, Object>> rows = List.of();
    private List<String> previousPageKeys = List.of();
    private int offset;
    private boolean open;
    private String previousKeys;
    private boolean repeatsPrevious;
    private long resumeSkipped;
    private long pagesAlreadyLanded;

    /** @param resumeAfterKey the key of the last record that landed of the first page, or {@code null} for a fresh page */
    public PageRows(String resumeAfterKey) {
        this.resumeAfterKey = resumeAfterKey;
    }

    /** The keys of the pages that landed earlier in this pass: their rows are not handed on again. */
    public void landedEarlier(Set<String> pageKeys) {
        landedEarlier = pageKeys;
    }

    /** Whether the page of {@code key} landed earlier in this pass. */
    public boolean landedEarlier(String key) {
        return landedEarlier.contains(key);
    }

    /** Takes the rows of the page just read, whose key is {@code key} ({@code null} without checkpoints). */
    public void take(String key, List<Map<String, Object>> pageRows) {
        pageKey = key;
        // Only the keys of the page before are kept, not its records.
        previousPageKeys = keys(rows);
        rows = pageRows;
        offset = 0;
        String keys = keysOf(pageRows);
        repeatsPrevious = keys != null && keys.equals(previousKeys);
        previousKeys = keys;
        String resumeKey = resumeAfterKey;
        resumeAfterKey = null;
        if (key != null && landedEarlier.contains(key)) {
            pagesAlreadyLanded++;
            offset = rows.size();
        } else if (resumeKey != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (resumeKey.equals(rows.get(i).get(RowFields.KEY))) {
                    offset = i + 1;
                }
            }
            resumeSkipped += offset;
        }
        open = true;
    }

    /**
     * Whether the current page holds the same records, in the same order, as the page before it (an
     * API serving its last page again past the end, or a loop). Only the previous page's record keys
     * are kept, as one digest.
     */
    public boolean repeatsPrevious() {
        return repeatsPrevious;
    }

    private static String keysOf(List<Map<String, Object>> pageRows) {
        if (pageRows.isEmpty()) {
            return null;
        }
        StringBuilder keys = new StringBuilder();
        for (Map<String, Object> row : pageRows) {
            keys.append(row.get(RowFields.KEY)).append('\n');
        }
        return Sha256.hex(keys.toString());
    }

    /** The key of the current page. */
    public String pageKey() {
        return pageKey;
    }

    /** The records of the current page. */
    public int size() {
        return rows.size();
    }

    /** The rows of the current page still to be handled. */
    public List<Map<String, Object>> left() {
        return rows.subList(offset, rows.size());
    }

    /** Whether rows of the current page are still to be handled. */
    public boolean hasLeft() {
        return offset < rows.size();
    }

    /** The next row to handle; it counts as handled. */
    public Map<String, Object> next() {
        return rows.get(offset++);
    }

    /** How many rows of the current page were handled. */
    public int handled() {
        return offset;
    }

    /**
     * The keys of the last page whose records were handed on: the current page's so far, or, before
     * any of them was, the page before it. A resumed run counts them as seen.
     */
    public List<String> landedKeys() {
        return open && offset == 0 ? previousPageKeys : keys(open ? rows.subList(0, offset) : rows);
    }

    private static List<String> keys(List<Map<String, Object>> pageRows) {
        return pageRows.stream().map(row -> (String) row.get(RowFields.KEY)).toList();
    }

    /** The key of the last row handled. */
    public String lastHandledKey() {
        return (String) rows.get(offset - 1).get(RowFields.KEY);
    }

    /** Whether the current page is still being handled. */
    public boolean open() {
        return open;
    }

    /** Every row of the current page is handled. */
    public void close() {
        open = false;
    }

    /** Records of a resumed page that had landed and were skipped. */
    public long resumeSkipped() {
        return resumeSkipped;
    }

    /** Pages skipped whole because they landed earlier in this pass. */
    public long pagesAlreadyLanded() {
        return pagesAlreadyLanded;
    }
}
