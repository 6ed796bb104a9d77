package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;

/**
 * Where the API announces its totals (a body path or a response header, for records and for pages)
 * and whether a total is only a lower bound ({@code "relation": "gte"}). An exact total is a stop
 * condition; every total is checked when a run ends: a run never ends successfully short of it.
 */
public final class Totals {

    /** No totals announced. */
    public static final Totals NONE = new Totals(null, null, null, null, null, 0);

    private final JsonPaths recordsPath;
    private final String recordsHeader;
    private final JsonPaths pagesPath;
    private final String pagesHeader;
    private final JsonPaths relationPath;
    private final long tolerance;

    /**
     * @param recordsPath   JSONPath of the total records, or blank
     * @param recordsHeader response header of the total records, or blank
     * @param pagesPath     JSONPath of the total pages, or blank
     * @param pagesHeader   response header of the total pages, or blank
     * @param relationPath  JSONPath of the total's relation ({@code eq}, {@code gte}), or blank
     * @param tolerance     how far a run may end short of a total (data changing under it)
     */
    public Totals(String recordsPath, String recordsHeader, String pagesPath, String pagesHeader, String relationPath,
            long tolerance) {
        this.recordsPath = path(recordsPath);
        this.recordsHeader = blank(recordsHeader) ? null : recordsHeader.trim();
        this.pagesPath = path(pagesPath);
        this.pagesHeader = blank(pagesHeader) ? null : pagesHeader.trim();
        this.relationPath = path(relationPath);
        this.tolerance = tolerance;
    }

    /** The total records {@code page} announces, or {@code null}. */
    Long records(Page page) {
        return read(page, recordsPath, recordsHeader);
    }

    /** The total pages {@code page} announces, or {@code null}. */
    Long pages(Page page) {
        return read(page, pagesPath, pagesHeader);
    }

    /** Whether {@code page} marks its totals as lower bounds ({@code gte} or {@code gt}). */
    boolean lowerBound(Page page) {
        if (relationPath == null) {
            return false;
        }
        String relation = relationPath.read(page.body()).asText("");
        return relation.equalsIgnoreCase("gte") || relation.equalsIgnoreCase("gt");
    }

    /** Where the total records are announced, for a message ({@code $.total}, {@code header X-Total-Count}). */
    String recordsSource() {
        return recordsPath != null ? recordsPath.toString() : "header " + recordsHeader;
    }

    /** Where the total pages are announced, for a message. */
    String pagesSource() {
        return pagesPath != null ? pagesPath.toString() : "header " + pagesHeader;
    }

    /** How far a run may end short of a total. */
    long tolerance() {
        return tolerance;
    }

    private static Long read(Page page, JsonPaths path, String header) {
        if (path != null) {
            Long total = path.count(page.body());
            if (total != null) {
                return total;
            }
        }
        String value = header == null ? null : page.header(header);
        return value != null && value.trim().matches("\\d+") ? Long.valueOf(value.trim()) : null;
    }

    private static JsonPaths path(String expression) {
        return blank(expression) ? null : JsonPaths.compile(expression);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
