package io.elicitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code embed} end to end: the bundled cars catalog rebuilds byte for byte, and a CSV table embeds. */
class EmbedCommandTest {
    @TempDir
    Path out;

    @Test
    void carsRebuildIdentically() throws Exception {
        Path cars = Path.of("item-catalog/cars");
        int code = new CommandLine(new EmbedCommand()).execute("--attributes", cars.resolve("cars.json").toString(),
                "--numeric", "Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year",
                "--categorical", "Origin", "--title", "Name", "--out", out.toString(), "--catalog-id", "cars",
                "--catalog-version", "1", "--catalog-title", "UCI Auto MPG cars (1970-1982)",
                "--source", "UCI Machine Learning Repository, Auto MPG (doi:10.24432/C5859H), via npm vega-datasets@3.2.1 data/cars.json",
                "--license", "CC BY 4.0",
                "--attribution", "Quinlan, R. (1993). Auto MPG [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C5859H");
        assertEquals(0, code);
        assertArrayEquals(Files.readAllBytes(cars.resolve("vectors.npy")), Files.readAllBytes(out.resolve("vectors.npy")));
        assertArrayEquals(Files.readAllBytes(cars.resolve("items.jsonl")), Files.readAllBytes(out.resolve("items.jsonl")));
        ObjectMapper json = new ObjectMapper();
        ObjectNode committed = (ObjectNode) json.readTree(cars.resolve("manifest.json").toFile());
        ObjectNode rebuilt = (ObjectNode) json.readTree(out.resolve("manifest.json").toFile());
        // The recorded command names the output folder; everything else must match.
        assertEquals(committed.at("/vectors/command").asText().replace("item-catalog/cars", out.toString()),
                rebuilt.at("/vectors/command").asText());
        ((ObjectNode) committed.get("vectors")).remove("command");
        ((ObjectNode) rebuilt.get("vectors")).remove("command");
        assertEquals(committed, rebuilt);
    }

    @Test
    void csvTableEmbedsAndLoads() throws Exception {
        Path csv = out.resolve("things.csv");
        Files.writeString(csv, "sku,name,price,colour\nx1,\"Big, red\",10,red\nx2,Small,,\nx3,Mid,30,blue\n");
        Path dir = out.resolve("things");
        int code = new CommandLine(new EmbedCommand()).execute("--attributes", csv.toString(), "--numeric", "price",
                "--categorical", "colour", "--title", "name", "--id", "sku", "--out", dir.toString());
        assertEquals(0, code);
        Catalog c = CatalogLoader.load(dir);
        assertEquals(3, c.size());
        assertEquals(4, c.dimension());
        assertEquals("Big, red", c.item(0).title());
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(1, m.at("/vectors/imputed/price").asInt());
        Files.writeString(csv, "sku,name,price\nx1,A,1\nx1,B,2\n");
        assertNotEquals(0, new CommandLine(new EmbedCommand()).execute("--attributes", csv.toString(), "--numeric", "price",
                "--title", "name", "--id", "sku", "--out", out.resolve("dup").toString()));
    }
}
