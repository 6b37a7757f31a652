package com.agentnexus.support;

/**
 * Text PostgreSQL can store. It refuses NUL in {@code text} and {@code \u0000} in
 * {@code jsonb} (the request would fail with "unsupported Unicode escape sequence"), and
 * an unpaired UTF-16 surrogate has no UTF-8 form, so the driver would silently store
 * {@code ?} instead. The services refuse such text where it arrives, naming the field.
 */
public final class StorableText {

    /** The end of every detail that names a field holding such text. */
    public static final String REASON = "contains a character that cannot be stored (NUL or an unpaired UTF-16"
            + " surrogate)";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

}
