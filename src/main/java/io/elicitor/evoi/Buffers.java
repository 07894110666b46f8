package io.elicitor.evoi;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between float32 ND4J arrays and Java arrays.
 *
 * <p>Why: {@code INDArray.data().asFloat()} and {@code Nd4j.create(float[])} copy element by element (about
 * 50 ms for 4M floats here); a copy through the buffer's NIO view is a memcpy (about 2 ms). Elementwise
 * maths on per-request sizes is then done in plain Java, where ND4J's per-op overhead does not pay.
 */
public final class Buffers {
    private Buffers() {}

    /** The values of a float32 array in row-major order (a copy). */
    public static float[] toArray(INDArray a) {
        INDArray c = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() && a.offset() == 0
                ? a : a.castTo(DataType.FLOAT).dup('c');
        float[] out = new float[(int) c.length()];
        c.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().get(out, 0, out.length);
        return out;
    }

    /** A read-only view of a dense row-major float32 array's values, without copying them. */
    public static FloatBuffer view(INDArray a) {
        checkDense(a, (int) a.length());
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().asReadOnlyBuffer();
    }

    /** A new row-major float32 array of the given shape holding {@code data}. */
    public static INDArray fromArray(float[] data, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape holds " + n + " values, data has " + data.length);
        }
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        out.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().put(data, 0, data.length);
        return out;
    }

    /** Copies {@code src} into a preallocated row-major float32 array {@code dst} of the same length (no allocation). */
    public static void copyInto(float[] src, INDArray dst) {
        checkDense(dst, src.length);
        dst.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().put(src, 0, src.length);
    }

    /** Copies a row-major float32 array {@code src} into a preallocated Java array {@code dst} of the same length. */
    public static void copyOut(INDArray src, float[] dst) {
        checkDense(src, dst.length);
        src.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer().get(dst, 0, dst.length);
    }

    private static void checkDense(INDArray a, int length) {
        if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.isView() || a.offset() != 0 || a.length() != length) {
            throw new IllegalArgumentException("need a dense row-major float32 array of " + length + " values, got "
                    + a.dataType() + " '" + a.ordering() + "' of " + a.length());
        }
    }
}
