package io.elicitor.cli;

import io.elicitor.catalog.AnnIndexFile;
import io.elicitor.catalog.AnnInnerProductSearch;
import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.evoi.EngineWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code elicitor index DIR}: builds a catalog's ANN index once and saves it in the folder, for fast starts. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the approximate inner-product index of the catalog in DIR and save it as DIR/"
                + AnnIndexFile.NAME + ", tied to the vectors by their SHA-256. The service (and an admin load) then"
                + " reads it in seconds instead of building it; a changed vectors file makes it rebuild. Does not"
                + " start the server.")
final class IndexCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Catalog folder (manifest.json, vectors.npy, ...).")
    Path dir;

    @Option(names = "--threads", defaultValue = "0",
            description = "Build threads; 0 for every core (default). With 1 the same vectors give the same index.")
    int threads;

    @Override
    public Integer call() throws IOException, CatalogException {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
        Catalog catalog = CatalogLoader.load(dir);
        int cores = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        AnnInnerProductSearch.Settings settings = AnnInnerProductSearch.Settings.defaults();
        AnnInnerProductSearch built = EngineWorkspace.outside(() -> AnnInnerProductSearch.build(catalog.vectors(),
                settings, cores));
        System.out.printf("built the index of '%s' version %s (%d items x %d, %d norm ranges) in %.1f s on %d threads%n",
                catalog.id(), catalog.version(), catalog.size(), catalog.dimension(), built.rangeCount(),
                built.buildMillis() / 1e3, cores);
        Path file = dir.resolve(AnnIndexFile.NAME);
        AnnIndexFile.write(built, file);
        // Read it back, as the service will, so that a file that cannot serve is found now.
        AnnInnerProductSearch read = AnnIndexFile.read(catalog.vectors(), settings, file);
        System.out.printf("wrote %s (%.1f MB); reading it back took %.2f s%n", file, Files.size(file) / 1e6,
                read.buildMillis() / 1e3);
        return 0;
    }
}
