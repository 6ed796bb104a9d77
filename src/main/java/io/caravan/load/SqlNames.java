package io.caravan.load;

import java.util.regex.Pattern;

/** Checks the table and column names configuration puts into SQL, so configuration cannot inject SQL. */
public final class SqlNames {

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,62}";
    private static final Pattern COLUMN = Pattern.compile(IDENTIFIER);
    private static final Pattern TABLE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")?");

    private SqlNames() {
    }

    /** {@code name} as a table name (optionally schema-qualified), or an exception naming what is wrong. */
    public static String table(String name) {
        if (name == null || !TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid table name '" + name
                    + "': letters, digits and underscores, optionally schema-qualified");
        }
        return name;
    }

    /**
     * The landing table a source gets when its route names none: the source's name, each character
     * other than a letter, a digit or {@code _} made {@code _} ({@code github-issues} lands in
     * {@code github_issues}).
     */
    public static String tableOf(String source) {
        String name = source.replaceAll("[^A-Za-z0-9_]", "_");
        name = Character.isDigit(name.charAt(0)) ? "_" + name : name;
        return table(name.length() > 63 ? name.substring(0, 63) : name);
    }

    /** {@code name} as a column name, or an exception naming what is wrong. */
    public static String column(String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid column name '" + name + "': letters, digits and underscores");
        }
        return name;
    }
}
