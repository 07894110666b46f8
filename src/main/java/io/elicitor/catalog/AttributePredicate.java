package io.elicitor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition on an item attribute, parsed from text such as {@code Year >= 1980},
 * {@code Origin in [Japan, Europe]} or {@code Cylinders != 8}. Numbers compare numerically; other values
 * compare as text (so ISO dates compare in time order). An item without the attribute never matches.
 */
public final class AttributePredicate {
    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(>=|<=|!=|=|>|<|\\bin\\b|\\bnot in\\b)\\s*(.+?)\\s*", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final String attribute;
    private final String op;
    private final List<String> values;

    private AttributePredicate(String text, String attribute, String op, List<String> values) {
        this.text = text;
        this.attribute = attribute;
        this.op = op;
        this.values = values;
    }

    /** Parses one predicate; the message of the exception says what is wrong with it. */
    public static AttributePredicate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty predicate");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read predicate '" + text
                    + "'; expected 'attribute op value' with op one of >=, <=, >, <, =, !=, in [..], not in [..]");
        }
        String op = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String raw = m.group(3);
        if ("<>=!".indexOf(raw.charAt(0)) >= 0) {
            throw new IllegalArgumentException("predicate '" + text + "': the value may not start with '"
                    + raw.charAt(0) + "'");
        }
        List<String> values = new ArrayList<>();
        if (op.equals("in") || op.equals("not in")) {
            if (!raw.startsWith("[") || !raw.endsWith("]")) {
                throw new IllegalArgumentException("predicate '" + text + "': '" + op + "' needs a list like [a, b]");
            }
            for (String v : raw.substring(1, raw.length() - 1).split(",")) {
                if (!v.isBlank()) {
                    values.add(unquote(v.trim()));
                }
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("predicate '" + text + "': the list is empty");
            }
        } else {
            values.add(unquote(raw));
        }
        return new AttributePredicate(text.trim(), m.group(1), op, List.copyOf(values));
    }

    /** The attribute this predicate reads. */
    public String attribute() {
        return attribute;
    }

    /** Whether an item's attributes satisfy the predicate. */
    public boolean test(Map<String, Object> attributes) {
        Object v = attributes.get(attribute);
        if (v == null) {
            return false;
        }
        return switch (op) {
            case "in" -> values.stream().anyMatch(x -> compare(v, x) == 0);
            case "not in" -> values.stream().noneMatch(x -> compare(v, x) == 0);
            case "=" -> compare(v, values.get(0)) == 0;
            case "!=" -> compare(v, values.get(0)) != 0;
            case ">=" -> compare(v, values.get(0)) >= 0;
            case "<=" -> compare(v, values.get(0)) <= 0;
            case ">" -> compare(v, values.get(0)) > 0;
            case "<" -> compare(v, values.get(0)) < 0;
            default -> throw new IllegalStateException(op);
        };
    }

    private static int compare(Object value, String literal) {
        Double a = number(value);
        Double b = number(literal);
        if (a != null && b != null) {
            return Double.compare(a, b);
        }
        return String.valueOf(value).compareTo(literal);
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return text;
    }
}
