package org.datajoint.engine.internal.portable;

/** PostgreSQL's backslash escapes in {@code E'...'} strings. */
final class EscapeStrings {

    private EscapeStrings() {
    }

    /**
     * Decodes the escape whose backslash is at {@code i} into {@code out}: {@code \b \f \n \r \t},
     * octal {@code \o} to {@code \ooo}, hexadecimal {@code \xh} and {@code \xhh}, backslash-u with
     * 4 hexadecimal digits, backslash-U with 8; any other character stands for itself.
     *
     * @return the index after the escape
     */
    static int decode(String text, int i, StringBuilder out) {
        char e = text.charAt(i + 1);
        switch (e) {
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'x' -> {
                int end = digits(text, i + 2, 2, 16);
                if (end == i + 2) {
                    out.append('x');
                    return i + 2;
                }
                out.append((char) Integer.parseInt(text.substring(i + 2, end), 16));
                return end;
            }
            case 'u', 'U' -> {
                int n = e == 'u' ? 4 : 8;
                int end = digits(text, i + 2, n, 16);
                if (end - (i + 2) != n) {
                    out.append(e);
                    return i + 2;
                }
                out.appendCodePoint(Integer.parseInt(text.substring(i + 2, end), 16));
                return end;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = digits(text, i + 1, 3, 8);
                    out.append((char) (Integer.parseInt(text.substring(i + 1, end), 8) & 0xFF));
                    return end;
                }
                out.append(e);
            }
        }
        return i + 2;
    }

    private static int digits(String text, int from, int max, int radix) {
        int end = from;
        while (end < text.length() && end - from < max && text.charAt(end) < 128
                && Character.digit(text.charAt(end), radix) >= 0) {
            end++;
        }
        return end;
    }
}
