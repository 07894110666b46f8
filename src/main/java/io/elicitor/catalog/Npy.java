package io.elicitor.catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes 2-D little-endian float32 NumPy {@code .npy} files (format 1.0–3.0).
 *
 * <p>ND4J can read {@code .npy} too, but a catalog loader must say exactly what is wrong with a bad file
 * (wrong dtype, wrong shape, a NaN in row r) and must stream a 1M × 32 matrix without extra copies, so the
 * header is parsed here and the data read straight into a float array.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** A 2-D float32 matrix in row-major order. */
    public record Matrix(int rows, int columns, float[] data) {
        /** Value at (r, c). */
        public float get(int r, int c) {
            return data[r * columns + c];
        }
    }

    /** Reads a 2-D {@code <f4} C-order array; {@code name} is used in error messages. */
    public static Matrix read(InputStream in, String name) throws CatalogException {
        try {
            DataInputStream din = new DataInputStream(in);
            byte[] magic = new byte[6];
            din.readFully(magic);
            for (int i = 0; i < MAGIC.length; i++) {
                if (magic[i] != MAGIC[i]) {
                    throw new CatalogException(name + ": not a .npy file (bad magic bytes)");
                }
            }
            int major = din.readUnsignedByte();
            din.readUnsignedByte();
            long headerLength;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(din.readShort()));
            } else if (major == 2 || major == 3) {
                headerLength = Integer.toUnsignedLong(Integer.reverseBytes(din.readInt()));
            } else {
                throw new CatalogException(name + ": unsupported .npy format version " + major);
            }
            byte[] header = new byte[(int) headerLength];
            din.readFully(header);
            String h = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String descr = match(DESCR, h, name, "descr");
            if (!descr.equals("<f4") && !descr.equals("=f4")) {
                throw new CatalogException(name + ": dtype must be little-endian float32 ('<f4'), got '" + descr + "'");
            }
            if (match(FORTRAN, h, name, "fortran_order").equals("True")) {
                throw new CatalogException(name + ": Fortran-ordered arrays are not supported; save in C order");
            }
            String[] dims = match(SHAPE, h, name, "shape").split(",");
            long[] shape = dims.length > 0 ? new long[dims.length] : new long[0];
            int rank = 0;
            for (String dim : dims) {
                if (!dim.isBlank()) {
                    shape[rank++] = Long.parseLong(dim.trim());
                }
            }
            if (rank != 2) {
                throw new CatalogException(name + ": expected a 2-D array, got " + rank + " dimension(s)");
            }
            if (shape[0] * shape[1] > Integer.MAX_VALUE - 8) {
                throw new CatalogException(name + ": array of shape (" + shape[0] + ", " + shape[1] + ") is too large");
            }
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            float[] data = new float[rows * cols];
            byte[] buf = new byte[1 << 16];
            ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            int filled = 0;
            while (filled < data.length) {
                int want = Math.min(buf.length, (data.length - filled) * 4);
                din.readFully(buf, 0, want);
                bb.clear();
                bb.asFloatBuffer().get(data, filled, want / 4);
                filled += want / 4;
            }
            return new Matrix(rows, cols, data);
        } catch (EOFException e) {
            throw new CatalogException(name + ": file ends before the data its header announces", e);
        } catch (IOException | NumberFormatException e) {
            throw new CatalogException(name + ": cannot read .npy (" + e.getMessage() + ")", e);
        }
    }

    /** Writes a 2-D float32 C-order array (format 1.0). */
    public static void write(OutputStream out, int rows, int columns, float[] data) throws IOException {
        if ((long) rows * columns != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, shape is " + rows + " x " + columns);
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(pad)).append('\n');
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        int len = header.length();
        head.write(len & 0xff);
        head.write((len >>> 8) & 0xff);
        head.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(head.toByteArray());
        byte[] buf = new byte[1 << 16];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int written = 0;
        while (written < data.length) {
            int n = Math.min(buf.length / 4, data.length - written);
            bb.clear();
            bb.asFloatBuffer().put(data, written, n);
            out.write(buf, 0, n * 4);
            written += n;
        }
        out.flush();
    }

    private static String match(Pattern p, String header, String name, String key) throws CatalogException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new CatalogException(name + ": .npy header has no '" + key + "'");
        }
        return m.group(1);
    }
}
