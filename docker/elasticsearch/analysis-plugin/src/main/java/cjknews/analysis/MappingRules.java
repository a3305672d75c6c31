package cjknews.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * The `mapping` char filter's rule syntax: {@code left => right}. The text is split at the last
 * {@code =>}; each side is trimmed, then unescaped ({@code \\ \n \t \r \b \f \\uXXXX}; a backslash
 * before any other character keeps that character, so {@code \#} is a literal #). The left side
 * must not be empty; the right side may be (the match is deleted).
 */
final class MappingRules {

    static final String ARROW = "=>";

    record Rule(String match, String replacement) {}

    private MappingRules() {}

    static NormalizeCharMap toCharMap(List<String> rules) {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        Set<String> matches = new HashSet<>();
        for (String text : rules) {
            Rule rule = parse(text);
            if (!matches.add(rule.match())) {
                throw new IllegalArgumentException("invalid mapping rule [" + text + "]: [" + rule.match()
                        + "] is already mapped by an earlier rule");
            }
            builder.add(rule.match(), rule.replacement());
        }
        return builder.build();
    }

    static Rule parse(String text) {
        int arrow = text.lastIndexOf(ARROW);
        if (arrow < 0) {
            throw new IllegalArgumentException("invalid mapping rule [" + text + "]: expected [left => right]");
        }
        String match = unescape(text.substring(0, arrow).trim(), text);
        String replacement = unescape(text.substring(arrow + ARROW.length()).trim(), text);
        if (match.isEmpty()) {
            throw new IllegalArgumentException("invalid mapping rule [" + text + "]: the left side is empty");
        }
        return new Rule(match, replacement);
    }

    private static String unescape(String side, String rule) {
        StringBuilder out = new StringBuilder(side.length());
        for (int i = 0; i < side.length(); i++) {
            char c = side.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == side.length()) {
                throw new IllegalArgumentException("invalid mapping rule [" + rule + "]: it ends in a lone backslash");
            }
            char escaped = side.charAt(i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append(hexChar(side, i + 1, rule));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    /** The UTF-16 unit written as four hex digits at {@code from}. */
    private static char hexChar(String side, int from, String rule) {
        if (from + 4 > side.length()) {
            throw new IllegalArgumentException("invalid mapping rule [" + rule + "]: \\u needs four hex digits");
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(side.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("invalid mapping rule [" + rule + "]: \\u needs four hex digits, got ["
                        + side.substring(from, from + 4) + "]");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }
}
