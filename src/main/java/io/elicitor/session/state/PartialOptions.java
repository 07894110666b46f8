package io.elicitor.session.state;

import io.elicitor.evoi.belief.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A partial query as asked and logged: the attributes it shows and each option's full vector (0 in the columns of
 * the attributes it hides). The vectors are kept, not the values shown, so that the answer's likelihood is rebuilt
 * from the very floats the live update used: a replayed session is bit-identical.
 *
 * @param attributes names of the shown attributes, in the catalog schema's order
 * @param vectors one vector per option, each of the catalog's dimension
 */
public record PartialOptions(List<String> attributes, List<List<Float>> vectors) {
    /** Validates eagerly and freezes. */
    public PartialOptions {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(vectors, "vectors");
        if (attributes.isEmpty() || vectors.size() < 2) {
            throw new IllegalArgumentException("a partial query shows at least one attribute and two options");
        }
        int d = vectors.get(0).size();
        List<List<Float>> frozen = new ArrayList<>(vectors.size());
        for (List<Float> v : vectors) {
            if (v.size() != d || v.contains(null)) {
                throw new IllegalArgumentException("every option needs " + d + " values");
            }
            frozen.add(List.copyOf(v));
        }
        attributes = List.copyOf(attributes);
        vectors = List.copyOf(frozen);
    }

    /** The options of a query: {@code k × d} row-major. */
    public static PartialOptions of(List<String> attributes, float[] options, int k) {
        int d = options.length / k;
        List<List<Float>> vectors = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            List<Float> v = new ArrayList<>(d);
            for (int c = 0; c < d; c++) {
                v.add(options[i * d + c]);
            }
            vectors.add(v);
        }
        return new PartialOptions(attributes, vectors);
    }

    /** Number of options. */
    public int size() {
        return vectors.size();
    }

    /** Option i's vector. */
    public float[] vector(int i) {
        List<Float> v = vectors.get(i);
        float[] out = new float[v.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = v.get(c);
        }
        return out;
    }

    /** The answer "option {@code chosen}" as the belief update sees it. */
    public Observation observation(int chosen) {
        int d = vectors.get(0).size();
        float[] flat = new float[size() * d];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(vector(i), 0, flat, i * d, d);
        }
        return new Observation(flat, size(), chosen);
    }
}
