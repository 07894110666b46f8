package io.elicitor.catalog.embed;

import io.elicitor.catalog.CatalogException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 CSV reader: comma-separated fields, optional double quotes (a doubled quote inside a
 * quoted field is a literal quote; quoted fields may hold commas and line breaks), CRLF or LF line ends.
 */
public final class Csv {
    private Csv() {}

    /** Every record of the text, each a list of fields; a blank line is no record. */
    public static List<List<String>> parse(String text, String source) throws CatalogException {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int n = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new CatalogException(source + ": line " + line + ": a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                if (!(fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted)) {
                    records.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CatalogException(source + ": line " + recordLine + ": a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /**
     * Rows as maps keyed by the header line; an empty field becomes null (missing). A row with a different
     * number of fields than the header is refused, naming its row number (1 = the first data row).
     */
    public static List<Map<String, Object>> rows(String text, String source) throws CatalogException {
        List<List<String>> records = parse(text, source);
        if (records.isEmpty()) {
            throw new CatalogException(source + ": no header line");
        }
        List<String> header = records.get(0);
        List<Map<String, Object>> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != header.size()) {
                throw new CatalogException(source + ": row " + r + " has " + rec.size() + " fields, the header has "
                        + header.size());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String v = rec.get(c);
                row.put(header.get(c).trim(), v.isEmpty() ? null : v);
            }
            rows.add(row);
        }
        return rows;
    }
}
