package org.datajoint;

import java.util.Objects;

/**
 * One attribute (column) of a heading.
 *
 * @param name the attribute name
 * @param type the DataJoint type as declared ({@code int32}, {@code varchar(16)}, {@code enum('a','b')}),
 *     or the server's type for attributes declared with a native type or outside DataJoint
 * @param sqlType the type as the server reports it ({@code int}, {@code integer}, {@code character varying(16)})
 * @param inPrimaryKey whether the attribute is part of the primary key
 * @param nullable whether the attribute accepts {@code null} (its default is {@code null})
 * @param defaultValue the default as written in a definition ({@code null} when there is none;
 *     the text {@code "null"} for nullable attributes; {@code CURRENT_TIMESTAMP}; quoted strings keep their quotes)
 * @param comment the attribute's comment, without the stored type prefix
 * @param hidden whether this is a platform-managed attribute ({@code _singleton}, {@code _job_start_time}) that users never see
 * @param autoIncrement whether the server generates the attribute's value when an insert leaves it out
 *     (or gives {@code null}): MySQL's {@code AUTO_INCREMENT}, PostgreSQL's {@code serial} and identity
 *     columns, declared in a definition as {@code int auto_increment}
 */
public record Attribute(String name, String type, String sqlType, boolean inPrimaryKey, boolean nullable,
        String defaultValue, String comment, boolean hidden, boolean autoIncrement) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sqlType, "sqlType");
        comment = comment == null ? "" : comment;
    }

    /** An attribute whose values the server does not generate. */
    public Attribute(String name, String type, String sqlType, boolean inPrimaryKey, boolean nullable,
            String defaultValue, String comment, boolean hidden) {
        this(name, type, sqlType, inPrimaryKey, nullable, defaultValue, comment, hidden, false);
    }
}
