package org.datajoint.engine.spi;

/**
 * A column as the server's catalog describes it.
 *
 * @param name column name
 * @param sqlType the full server type, lower case, with its arguments ({@code varchar(16)},
 *     {@code int unsigned}, {@code timestamp(6) without time zone}, {@code enum('a','b')});
 *     for PostgreSQL enums, the enum's values as {@code enum('a','b')}
 * @param nullable whether the column accepts null
 * @param defaultValue the default as the catalog shows it, or {@code null}
 * @param comment the column comment ({@code ""} when none)
 * @param autoIncrement whether the server generates values for it
 */
public record CatalogColumn(String name, String sqlType, boolean nullable, String defaultValue, String comment,
        boolean autoIncrement) {
    public CatalogColumn {
        comment = comment == null ? "" : comment;
    }
}
