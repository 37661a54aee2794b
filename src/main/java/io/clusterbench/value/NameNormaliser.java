package io.clusterbench.value;

import java.util.Locale;

/**
 * The one name normalisation used wherever firm names are matched (inputs.md "Identifiers"): NFKC
 * (full-width to half-width), all whitespace removed, brackets unified to ( ), Latin letters upper-cased,
 * a trailing 有限责任公司 written 有限公司. 股份有限公司 stays distinct and a branch (…分公司) keeps its suffix,
 * so it never matches its parent.
 */
public final class NameNormaliser {
    private NameNormaliser() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String s = Text.nfkc(name);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') {
                continue;
            }
            switch (c) {
                case '[', '【', '〔', '{', '［', '｛' -> b.append('(');
                case ']', '】', '〕', '}', '］', '｝' -> b.append(')');
                default -> b.append(c);
            }
        }
        String out = b.toString().toUpperCase(Locale.ROOT);
        if (out.endsWith("有限责任公司")) {
            out = out.substring(0, out.length() - "有限责任公司".length()) + "有限公司";
        }
        return out.isEmpty() ? null : out;
    }
}
