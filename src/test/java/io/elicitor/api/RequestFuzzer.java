package io.elicitor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded stream of malformed and hostile HTTP requests over every endpoint: wrong methods and content types, broken,
 * deeply nested and oversized JSON, random bytes, fields of the wrong type, hostile ids of every kind, and admin calls
 * with the key, a wrong key and none. Some requests carry a live session's real ids so that the checks behind the id
 * are reached too. The same seed gives the same requests.
 */
final class RequestFuzzer {
    /** One request to send; {@code adminKey} null means no header. */
    record Request(String method, String path, String contentType, byte[] body, String adminKey) {
        String describe() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return method + " (" + (body == null ? 0 : body.length) + " bytes) " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " [" + contentType
                    + "] " + b;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
        "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data", "*/*",
        "application/json; charset=latin1", "garbage", null};

    private final SplittableRandom random;
    private final String liveSessionId;
    private final String liveQueryId;
    private final String liveItemId;
    private final String adminKey;

    RequestFuzzer(long seed, String liveSessionId, String liveQueryId, String liveItemId, String adminKey) {
        this.random = new SplittableRandom(seed);
        this.liveSessionId = liveSessionId;
        this.liveQueryId = liveQueryId;
        this.liveItemId = liveItemId;
        this.adminKey = adminKey;
    }

    Request next() {
        int endpoint = random.nextInt(15);
        String id = pathId();
        String method = random.nextInt(5) == 0 ? pick(METHODS) : null;
        String key = switch (random.nextInt(3)) {
            case 0 -> adminKey;
            case 1 -> random.nextBoolean() ? "wrong" : "";
            default -> null;
        };
        return switch (endpoint) {
            case 0 -> request(method, "POST", "/sessions", createSession(), key);
            case 1 -> request(method, "GET", "/sessions/" + id, null, key);
            case 2 -> request(method, "GET", "/sessions/" + id + "/recommendations?limit=" + encode(text()), null, key);
            case 3 -> request(method, "POST", "/sessions/" + id + "/outcome",
                    object("itemId", itemId(), "accepted", value(), "rating", number()), key);
            case 4 -> request(method, "POST", "/next-query", object("sessionId", sessionId()), key);
            case 5 -> request(method, "POST", "/answer", object("sessionId", sessionId(), "queryId", queryId(),
                    "chosenItemId", itemId(), "chosenOption", number()), key);
            case 6 -> request(method, "GET", "/catalogs", null, key);
            case 7 -> request(method, "POST", "/admin/catalogs", object("path", text()), key);
            case 8 -> request(method, "GET", "/admin/catalog-loads" + (random.nextBoolean() ? "" : "/" + id), null, key);
            case 9 -> request(method, "POST", "/experiments", experiment(), key);
            case 10 -> request(method, "GET", "/experiments" + (random.nextBoolean() ? "" : "/" + id), null, key);
            case 11 -> request(method, "POST", "/experiments/" + id + (random.nextBoolean() ? "/stop" : "/results"),
                    null, key);
            case 12 -> request(method, "DELETE", "/sessions/" + id, null, key);
            case 13 -> request(method, "GET", "/sessions/" + id + "/export", null, key);
            default -> request(method, "GET", "/" + encode(text()) + "/" + id, null, key);
        };
    }

    private Request request(String method, String usual, String path, Object body, String key) {
        String contentType = pick(CONTENT_TYPES);
        byte[] bytes = switch (random.nextInt(8)) {
            case 0 -> randomBytes();
            case 1 -> truncated(body);
            case 2 -> deeplyNested();
            case 3 -> utf8(pick(new String[] {"", "null", "[]", "1", "\"s\"", "{", "}", "{\"a\":}", "true"}));
            default -> body == null ? null : utf8(write(body));
        };
        return new Request(method == null ? usual : method, path, contentType, bytes, key);
    }

    private Map<String, Object> createSession() {
        Map<String, Object> filters = object("excludeIds", random.nextInt(10) == 0 ? manyIds() : list(itemId()),
                "where", list(text(), value()), "excludeShown", value());
        return object("catalog", pickValue("cars", "sushi-attributes", text()), "slateSize", number(), "strategy",
                pickValue("greedy-eus", "gradient", "random", text()), "userKey", text(), "seed", number(),
                "filters", random.nextBoolean() ? filters : value(), "queryKind", pickValue("items", "partial", text()),
                "partialAttributes", number(), "allowRepeats", value());
    }

    private Map<String, Object> experiment() {
        List<Object> arms = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            arms.add(random.nextBoolean() ? value() : object("name", text(), "strategy",
                    pickValue("greedy-eus", "random", text()), "params", random.nextBoolean() ? value()
                            : object("slateSize", number(), "particles", number(), "lambda", number(), "maxQueries",
                                    number(), "queryKind", text()), "weight", number()));
        }
        return object("name", text(), "catalog", pickValue("cars", text()), "unit", pickValue("session", "userKey",
                text()), "arms", random.nextBoolean() ? arms : value(), "salt", text());
    }

    private Object sessionId() {
        return random.nextInt(4) == 0 && liveSessionId != null ? liveSessionId : pickValue(hostileId(), value());
    }

    private Object queryId() {
        return random.nextInt(3) == 0 && liveQueryId != null ? liveQueryId : pickValue(hostileId(), value());
    }

    private Object itemId() {
        return random.nextInt(3) == 0 && liveItemId != null ? liveItemId : pickValue(hostileId(), value());
    }

    private String pathId() {
        String id = random.nextInt(4) == 0 && liveSessionId != null ? liveSessionId : hostileId();
        return encode(id.length() > 3_000 ? id.substring(0, 3_000) : id);
    }

    /** Ids of every wrong shape: control characters, too long, the right length in the wrong alphabet, unknown. */
    private String hostileId() {
        return switch (random.nextInt(9)) {
            case 0 -> "\u0000";
            case 1 -> "a\u0000b";
            case 2 -> "x".repeat(1 + random.nextInt(20_000));
            case 3 -> "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ";
            case 4 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 5 -> "q" + random.nextInt() + "-\u0007" + text();
            case 6 -> "../../etc/passwd";
            case 7 -> "' OR 1=1 --";
            default -> text();
        };
    }

    private String text() {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\u0000\u0001\u001f";
            case 3 -> "😀\uD800";
            case 4 -> "y".repeat(random.nextInt(50_000));
            case 5 -> "-1";
            case 6 -> "1e309";
            case 7 -> "%00%ff";
            case 8 -> "<script>alert(1)</script>";
            default -> Integer.toString(random.nextInt());
        };
    }

    private Object number() {
        return switch (random.nextInt(9)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> Integer.MAX_VALUE;
            case 3 -> Long.MIN_VALUE;
            case 4 -> new java.math.BigInteger("9".repeat(400));
            case 5 -> 1.5;
            case 6 -> random.nextInt(12);
            case 7 -> -0.0;
            default -> value();
        };
    }

    /** A JSON value of any type, often not the one a field expects. */
    private Object value() {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) - 1;
            case 3 -> text();
            case 4 -> list(text(), 1);
            case 5 -> Map.of("a", List.of());
            case 6 -> 1e300;
            default -> "true";
        };
    }

    private List<String> manyIds() {
        List<String> ids = new ArrayList<>();
        for (int i = random.nextInt(100_000); i > 0; i--) {
            ids.add("i" + i);
        }
        return ids;
    }

    /** A list that, unlike {@code List.of}, may hold nulls. */
    private static List<Object> list(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    private Object pickValue(Object... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(2_000)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private byte[] truncated(Object body) {
        String s = write(body == null ? Map.of("sessionId", hostileId()) : body);
        return utf8(s.substring(0, random.nextInt(Math.max(1, s.length()))));
    }

    private byte[] deeplyNested() {
        int depth = 100 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        return utf8(open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
