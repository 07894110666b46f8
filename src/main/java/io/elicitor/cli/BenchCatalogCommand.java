package io.elicitor.cli;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogManifest;
import io.elicitor.catalog.CatalogWriter;
import io.elicitor.catalog.Item;
import io.elicitor.catalog.embed.SyntheticCatalog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elicitor bench-catalog}: writes a synthetic catalog, loads it, and reports load time and memory held. */
@Command(name = "bench-catalog", mixinStandardHelpOptions = true,
        description = "Write a seeded synthetic N x d catalog with CatalogWriter, load it with CatalogLoader and print"
                + " the load time and the heap + off-heap bytes the loaded catalog holds. Does not start the server.")
final class BenchCatalogCommand implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "1000000", description = "Items N (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--dim", defaultValue = "32", description = "Dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "/tmp/elicitor-bench-catalog",
            description = "Folder to write the catalog to (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws IOException, CatalogException {
        if (items < 1 || dim < 1) {
            throw new IllegalArgumentException("--items and --dim must be positive");
        }
        writeCatalog();
        long bytes = Files.size(dir.resolve("items.jsonl")) + Files.size(dir.resolve("vectors.npy"));
        System.out.printf("wrote %s: %d items x %d, %.1f MB on disk%n", dir, items, dim, bytes / 1e6);

        Nd4j.create(1); // ND4J's own start-up (native libraries, workspaces) is not the catalog's
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        settle();
        long heap0 = mem.getHeapMemoryUsage().getUsed();
        long rss0 = Pointer.physicalBytes();
        long t0 = System.nanoTime();
        Catalog catalog = CatalogLoader.load(dir);
        double seconds = (System.nanoTime() - t0) / 1e9;
        settle();
        long heap = mem.getHeapMemoryUsage().getUsed() - heap0;
        long rss = Pointer.physicalBytes() - rss0;
        // ND4J allocates natively outside JavaCPP's counters: count the catalog's own buffers.
        long off = catalog.vectors().vectors().data().length() * catalog.vectors().vectors().data().getElementSize();
        long total = heap + off;
        System.out.printf("loaded %d items x %d in %.2f s%n", catalog.size(), catalog.dimension(), seconds);
        System.out.printf("held: heap %.1f MB + off-heap %.1f MB = %.1f MB (process RSS grew %.1f MB)%n", heap / 1e6,
                off / 1e6, total / 1e6, rss / 1e6);
        System.out.printf("limits: load <= 10 s %s, memory <= 400 MB %s%n", seconds <= 10 ? "ok" : "EXCEEDED",
                total <= 400e6 ? "ok" : "EXCEEDED");
        System.out.println("(catalog kept reachable: " + catalog.item(catalog.size() - 1).id() + ")");
        return 0;
    }

    private void writeCatalog() throws IOException {
        List<Item> list = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            list.add(new Item(String.format("item-%07d", i + 1), "Item " + (i + 1), Map.of("year", 1950 + i % 70)));
        }
        CatalogManifest manifest = new CatalogManifest("bench", "1", "synthetic " + items + " x " + dim, dim, items,
                CatalogManifest.Files.standard(), Map.of("source", "SyntheticCatalog seed " + seed), null, null);
        CatalogWriter.write(dir, manifest, list, SyntheticCatalog.vectors(items, dim, 1000, seed));
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
