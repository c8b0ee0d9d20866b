package org.datajoint;

/**
 * A table definition that cannot be declared. The message names the line number, the line's text
 * and what is wrong with it.
 *
 * <p>Corresponds to DataJoint for Python's {@code DataJointError}.
 */
public class DefinitionException extends DataJointException {
    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }

    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
