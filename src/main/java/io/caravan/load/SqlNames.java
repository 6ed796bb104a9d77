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

    /** {@code name} as a column name, or an exception naming what is wrong. */
    public static String column(String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid column name '" + name + "': letters, digits and underscores");
        }
        return name;
    }
}
