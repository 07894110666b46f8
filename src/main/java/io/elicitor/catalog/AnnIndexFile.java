package io.elicitor.catalog;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.github.jbellis.jvector.disk.ByteBufferReader;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An {@link AnnInnerProductSearch} saved beside its catalog ({@value #NAME}), so that a large catalog starts
 * serving in seconds instead of rebuilding its graphs (a minute per million items on two cores).
 *
 * <p>The file records the SHA-256 of the item vectors it was built over and the graph settings; reading it
 * back over other vectors or with other settings is refused with the reason, and the caller builds afresh.
 * The graphs are jvector's own {@code OnHeapGraphIndex} format, read back onto the heap, so searches behave
 * exactly as on the freshly built index. Layout (big-endian): magic, format version, item count, dimension,
 * the 32-byte checksum, the settings (rerank depth excepted: it is a search-time choice), the range count,
 * then per range its norm, its rows and its graph's length and bytes. Files are read by memory mapping,
 * which limits one to 2 GB (about ten million items at dimension 32).
 */
public final class AnnIndexFile {
    /** The index's file name inside a catalog folder. */
    public static final String NAME = "ann-index.bin";
    private static final int MAGIC = 0x454c4958; // "ELIX"
    private static final int FORMAT = 1;

    private AnnIndexFile() {}

    /** Writes {@code search} to {@code file} (through a temporary file, so a reader never sees half of one). */
    public static void write(AnnInnerProductSearch search, Path file) throws IOException {
        ItemMatrix items = search.items();
        AnnInnerProductSearch.Settings s = search.settings();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(items.size());
            out.writeInt(items.dimension());
            out.write(checksum(search.data()));
            out.writeInt(s.maxDegree());
            out.writeInt(s.beamWidth());
            out.writeFloat(s.alpha());
            out.writeInt(s.normRanges());
            out.writeDouble(s.normRatio());
            out.writeBoolean(s.hierarchy());
            out.writeInt(search.ranges().size());
            for (NormRangeGraphs.Range r : search.ranges()) {
                out.writeDouble(r.maxNorm());
                out.writeInt(r.rows().length);
                for (int row : r.rows()) {
                    out.writeInt(row);
                }
                ByteArrayOutputStream graph = new ByteArrayOutputStream();
                try (DataOutputStream g = new DataOutputStream(graph)) {
                    ((OnHeapGraphIndex) r.graph()).save(g);
                }
                out.writeLong(graph.size());
                graph.writeTo(out);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the index at {@code file} over {@code items}, searching with {@code settings}' rerank depth.
     *
     * @throws CatalogException naming the file when it is unreadable, not an index, built over other vectors or
     *         with other graph settings
     */
    public static AnnInnerProductSearch read(ItemMatrix items, AnnInnerProductSearch.Settings settings, Path file)
            throws CatalogException {
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new CatalogException(file + ": " + ch.size() + " bytes, more than one mapping (2 GB) holds");
            }
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            if (buf.remaining() < 8 || buf.getInt() != MAGIC) {
                throw new CatalogException(file + ": not an Elicitor ANN index");
            }
            int format = buf.getInt();
            if (format != FORMAT) {
                throw new CatalogException(file + ": index format " + format + ", this build reads " + FORMAT);
            }
            int n = buf.getInt();
            int d = buf.getInt();
            if (n != items.size() || d != items.dimension()) {
                throw new CatalogException(file + ": built over " + n + " items of dimension " + d + ", the catalog has "
                        + items.size() + " of dimension " + items.dimension());
            }
            float[] data = Buffers.toArray(items.vectors());
            byte[] saved = new byte[32];
            buf.get(saved);
            byte[] actual = checksum(data);
            if (!Arrays.equals(saved, actual)) {
                throw new CatalogException(file + ": built over other vectors (SHA-256 "
                        + HexFormat.of().formatHex(saved, 0, 8) + "…, the catalog's " + HexFormat.of().formatHex(actual, 0, 8) + "…)");
            }
            AnnInnerProductSearch.Settings built = new AnnInnerProductSearch.Settings(buf.getInt(), buf.getInt(),
                    settings.rerankDepth(), buf.getFloat(), buf.getInt(), buf.getDouble(), buf.get() != 0);
            if (!built.equals(settings)) {
                throw new CatalogException(file + ": built with " + built + ", the service is configured with " + settings);
            }
            double[] norms = NormRangeGraphs.norms(data, n, d);
            int count = buf.getInt();
            List<NormRangeGraphs.Range> ranges = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                buf.getDouble(); // the range's norm, recomputed from the vectors (the checksum says they are the same)
                int[] rows = new int[buf.getInt()];
                buf.asIntBuffer().get(rows);
                buf.position(buf.position() + 4 * rows.length);
                int length = Math.toIntExact(buf.getLong());
                ByteBuffer graph = buf.slice(buf.position(), length);
                buf.position(buf.position() + length);
                ranges.add(NormRangeGraphs.load(data, d, rows, norms, settings, new ByteBufferReader(graph)));
            }
            return new AnnInnerProductSearch(items, settings, data, ranges, System.nanoTime() - start);
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(file + ": unreadable index: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the vectors' floats in big-endian order. */
    static byte[] checksum(float[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < data.length; ) {
                chunk.clear();
                int m = Math.min(chunk.capacity() / 4, data.length - i);
                chunk.asFloatBuffer().put(data, i, m);
                sha.update(chunk.array(), 0, 4 * m);
                i += m;
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
