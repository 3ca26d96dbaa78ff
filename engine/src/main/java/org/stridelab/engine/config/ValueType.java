package org.stridelab.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one kind of setting value is typed, read and written: from the text of
 * a flag, a {@code --set} or a form field, and to and from JSON. A value that
 * cannot be read throws {@link IllegalArgumentException} with a reason that
 * names the text, never the setting (the caller adds that).
 */
public interface ValueType<T> {

    T parse(String text);

    String format(T value);

    JsonNode toJson(T value);

    /** Reads a JSON value; text is parsed as by {@link #parse}, so "0.1" and 0.1 are both read. */
    default T fromJson(JsonNode node) {
        if (node.isTextual()) {
            return parse(node.asText());
        }
        return fromJsonValue(node);
    }

    T fromJsonValue(JsonNode node);

    /** The values there are, for a choice; empty for an open type. */
    default List<T> choices() {
        return List.of();
    }

    ValueType<Double> DECIMAL = number("a number", Double::parseDouble, JsonNode::isNumber, JsonNode::doubleValue,
            DoubleNode::valueOf, ValueType::decimalText);

    /** A decimal as a person writes it: 2, 0.05, 0.0005 (not 5.0E-4); tiny or huge ones in Java's notation. */
    private static String decimalText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isFinite(v) && Math.abs(v) >= 1e-7 && Math.abs(v) < 1e15) {
            return new java.math.BigDecimal(Double.toString(v)).toPlainString();
        }
        return Double.toString(v);
    }

    ValueType<Integer> WHOLE = number("a whole number", Integer::parseInt,
            n -> n.isIntegralNumber() && n.canConvertToInt(), JsonNode::intValue, v -> LongNode.valueOf(v),
            v -> Integer.toString(v));

    ValueType<Long> LONG = number("a whole number", Long::parseLong,
            n -> n.isIntegralNumber() && n.canConvertToLong(), JsonNode::longValue, LongNode::valueOf,
            v -> Long.toString(v));

    /**
     * A number type: {@code parse} reads text, {@code fits} says whether a JSON
     * value is one, {@code read} takes it, {@code write} makes one, {@code text} shows one.
     */
    private static <N extends Number> ValueType<N> number(String what, Function<String, N> parse,
            Predicate<JsonNode> fits, Function<JsonNode, N> read, Function<N, JsonNode> write,
            Function<N, String> text) {
        return new ValueType<>() {
            @Override
            public N parse(String t) {
                try {
                    return parse.apply(t.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + t.strip() + "' is not " + what);
                }
            }

            @Override
            public String format(N value) {
                return text.apply(value);
            }

            @Override
            public JsonNode toJson(N value) {
                return write.apply(value);
            }

            @Override
            public N fromJsonValue(JsonNode node) {
                if (!fits.test(node)) {
                    throw new IllegalArgumentException(node + " is not " + what);
                }
                return read.apply(node);
            }
        };
    }

    ValueType<Boolean> BOOLEAN = new ValueType<>() {
        @Override
        public Boolean parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
            throw new IllegalArgumentException("'" + text.strip() + "' is not true or false");
        }

        @Override
        public String format(Boolean value) {
            return value.toString();
        }

        @Override
        public JsonNode toJson(Boolean value) {
            return BooleanNode.valueOf(value);
        }

        @Override
        public Boolean fromJsonValue(JsonNode node) {
            if (!node.isBoolean()) {
                throw new IllegalArgumentException(node + " is not true or false");
            }
            return node.booleanValue();
        }

        @Override
        public List<Boolean> choices() {
            return List.of(false, true);
        }
    };

    ValueType<String> TEXT = new ValueType<>() {
        @Override
        public String parse(String text) {
            return text.strip();
        }

        @Override
        public String format(String value) {
            return value;
        }

        @Override
        public JsonNode toJson(String value) {
            return TextNode.valueOf(value);
        }

        @Override
        public String fromJsonValue(JsonNode node) {
            if (!node.isValueNode() || node.isNull()) {
                throw new IllegalArgumentException(node + " is not text");
            }
            return node.asText();
        }
    };

    /** Three stage strides: "2,2,2" as text, [2, 2, 2] in JSON. */
    ValueType<double[]> STRIDES = new ValueType<>() {
        @Override
        public double[] parse(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not three stage strides such as 2,2,2");
            }
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                try {
                    s[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("stage " + (i + 2) + " stride '" + parts[i].strip()
                            + "' is not a number");
                }
            }
            return s;
        }

        @Override
        public String format(double[] value) {
            return String.join(",", Arrays.stream(value).mapToObj(v -> DECIMAL.format(v)).toList());
        }

        @Override
        public JsonNode toJson(double[] value) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (double v : value) {
                a.add(v);
            }
            return a;
        }

        @Override
        public double[] fromJsonValue(JsonNode node) {
            if (!node.isArray() || node.size() != 3) {
                throw new IllegalArgumentException(node + " is not three stage strides such as [2, 2, 2]");
            }
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                s[i] = DECIMAL.fromJson(node.get(i));
            }
            return s;
        }
    };

    /**
     * One of an enum's constants, written by {@code name}, read in any case
     * (config.json has "SGD", the command line "sgd").
     */
    static <E extends Enum<E>> ValueType<E> choice(Class<E> type, Function<E, String> name) {
        List<E> constants = List.of(type.getEnumConstants());
        return new ValueType<>() {
            @Override
            public E parse(String text) {
                for (E e : constants) {
                    if (name.apply(e).equalsIgnoreCase(text.strip()) || e.name().equalsIgnoreCase(text.strip())) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("unknown value '" + text.strip() + "': use " + names());
            }

            @Override
            public String format(E value) {
                return name.apply(value);
            }

            @Override
            public JsonNode toJson(E value) {
                return TextNode.valueOf(value.name());
            }

            @Override
            public E fromJsonValue(JsonNode node) {
                throw new IllegalArgumentException(node + " is not one of " + names());
            }

            /** "a, b or c". */
            private String names() {
                List<String> n = constants.stream().map(name).toList();
                return n.size() == 1 ? n.get(0)
                        : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
            }

            @Override
            public List<E> choices() {
                return constants;
            }
        };
    }
}
