package io.elicitor.catalog;

import io.elicitor.catalog.embed.SyntheticCatalog;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.runtime.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A saved index reads back into the same search, is refused over other vectors or settings, and is used at load. */
class AnnIndexFileTest {
    private static final int N = 6_000;
    private static final int D = 8;
    private static float[] vectors;
    private static ItemMatrix items;
    private static AnnInnerProductSearch built;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        vectors = SyntheticCatalog.vectors(N, D, 100, 11);
        items = ItemMatrix.of(vectors, N, D);
        built = AnnInnerProductSearch.build(items, AnnInnerProductSearch.Settings.defaults(), 1);
    }

    @Test
    void readBackSearchesExactlyAsTheBuiltIndex() throws Exception {
        Path file = tmp.resolve(AnnIndexFile.NAME);
        AnnIndexFile.write(built, file);
        AnnInnerProductSearch read = AnnIndexFile.read(items, AnnInnerProductSearch.Settings.defaults(), file);
        assertTrue(built.rangeCount() > 1, "ranges: " + built.rangeCount());
        assertEquals(built.rangeCount(), read.rangeCount());
        BitSet excluded = new BitSet(N);
        for (int i = 0; i < N; i += 7) {
            excluded.set(i);
        }
        for (float[] q : SyntheticCatalog.queries(40, D, 5)) {
            assertArrayEquals(built.topK(q, 10, null), read.topK(q, 10, null));
            assertArrayEquals(built.topK(q, 1, excluded), read.topK(q, 1, excluded));
        }
    }

    @Test
    void refusedOverOtherVectorsOrSettingsOrBytes() throws Exception {
        Path file = tmp.resolve(AnnIndexFile.NAME);
        AnnIndexFile.write(built, file);
        float[] changed = vectors.clone();
        changed[123] += 1e-3f;
        CatalogException other = assertThrows(CatalogException.class,
                () -> AnnIndexFile.read(ItemMatrix.of(changed, N, D), AnnInnerProductSearch.Settings.defaults(), file));
        assertTrue(other.getMessage().contains("other vectors"), other.getMessage());
        var degree32 = new AnnInnerProductSearch.Settings(32, 50, 50, 1.2f, 8, 1.1, true);
        CatalogException settings = assertThrows(CatalogException.class, () -> AnnIndexFile.read(items, degree32, file));
        assertTrue(settings.getMessage().contains("configured"), settings.getMessage());
        // Another rerank depth is a search-time choice: the same file serves it.
        AnnIndexFile.read(items, new AnnInnerProductSearch.Settings(16, 50, 80, 1.2f, 8, 1.1, true), file);

        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CatalogException cut = assertThrows(CatalogException.class,
                () -> AnnIndexFile.read(items, AnnInnerProductSearch.Settings.defaults(), file));
        assertTrue(cut.getMessage().contains("unreadable"), cut.getMessage());
        Files.writeString(file, "not an index at all");
        CatalogException junk = assertThrows(CatalogException.class,
                () -> AnnIndexFile.read(items, AnnInnerProductSearch.Settings.defaults(), file));
        assertTrue(junk.getMessage().contains("not an Elicitor ANN index"), junk.getMessage());
    }

    @Test
    void registryReadsTheFoldersIndexAndBuildsWithoutOne() throws Exception {
        Path dir = writeCatalog("1");
        CatalogRegistry registry = new CatalogRegistry(1_000);
        Catalog c = CatalogLoader.load(dir);
        assertEquals(Optional.empty(), registry.quickSearch(c, dir));
        AnnIndexFile.write(built, dir.resolve(AnnIndexFile.NAME));
        assertInstanceOf(AnnInnerProductSearch.class, registry.quickSearch(c, dir).orElseThrow());
        assertTrue(new CatalogRegistry(N).quickSearch(c, null).isPresent(), "exact search below the threshold");
    }

    @Test
    void operatorLoadBuildsInTheBackgroundOnlyWithoutASavedIndex() throws Exception {
        CatalogLoading loading = new CatalogLoading(new CatalogRegistry(1_000));
        Path withIndex = writeCatalog("1");
        AnnIndexFile.write(built, withIndex.resolve(AnnIndexFile.NAME));
        assertInstanceOf(CatalogLoading.Loaded.class, loading.byOperator(withIndex.toString()));

        Path without = writeCatalog("2");
        var building = assertInstanceOf(CatalogLoading.Building.class, loading.byOperator(without.toString()));
        assertEquals("2", building.status().version());
        // The same version again while it builds (or after) is a conflict, never a second build.
        Refusal again = assertThrows(Refusal.class, () -> loading.byOperator(without.toString()));
        assertEquals(Refusal.Kind.CONFLICT, again.kind());
        BackgroundLoads.Status s = building.status();
        for (int i = 0; i < 600 && s.state() == BackgroundLoads.State.BUILDING; i++) {
            Thread.sleep(100);
            s = loading.background().find(s.loadId()).orElseThrow();
        }
        assertEquals(BackgroundLoads.State.LOADED, s.state(), String.valueOf(s.error()));
        assertTrue(loading.registry().contains("syn", "2"));
        assertEquals(List.of(s), loading.background().all());
    }

    private Path writeCatalog(String version) throws IOException {
        Path dir = tmp.resolve("syn-" + version);
        List<Item> list = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            list.add(new Item("i" + i, "Item " + i, Map.of()));
        }
        CatalogWriter.write(dir, new CatalogManifest("syn", version, null, D, N, CatalogManifest.Files.standard(), null,
                null, null), list, vectors);
        return dir;
    }
}
