package org.gongzhang.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.gongzhang.verifier.crypto.Digests;

/**
 * The Merkle roots (RFC 6962) a verification needs of a log read once, leaf by leaf, without
 * keeping the leaf hashes: a running compact range (one subtree root per set bit of the size, as
 * {@link org.gongzhang.verifier.merkle.CompactRange}) folds each leaf in, and the root of the first
 * {@code n} leaves is taken as the fold passes {@code n}, for each {@code n} {@linkplain #want
 * wanted} in time. A root wanted too late (a size the fold had already passed) is recomputed by
 * reading the leaves again, which only a tampered log ever needs.
 */
final class LogRoots {

    /** The leaf hashes of the same log again, in order, for a root wanted too late. */
    interface Leaves {
        void forEach(Consumer<byte[]> leafHash) throws IOException;
    }

    private static final byte[] NODE_PREFIX = {0x01};

    private final MessageDigest sha256 = Digests.newSha256();
    private final Leaves again;
    private byte[][] range = new byte[64][];
    private int height;
    private long size;
    private final TreeSet<Long> wanted = new TreeSet<>();
    private final Map<Long, byte[]> roots = new HashMap<>();
    private boolean finished;

    LogRoots(Leaves again) {
        this.again = again;
    }

    /** Takes the root of the first {@code n} leaves when the fold reaches {@code n}, or now if it is there. */
    void want(long n) {
        if (n == size) {
            roots.computeIfAbsent(n, k -> root());
        } else if (n > size && !finished) {
            wanted.add(n);
        }
    }

    /** Folds in the next leaf's hash. */
    void append(byte[] leafHash) {
        if (!wanted.isEmpty() && wanted.first() == size) {
            roots.computeIfAbsent(wanted.pollFirst(), k -> root());
        }
        byte[] carry = leafHash;
        for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
            carry = node(range[--height], carry);
        }
        if (height == range.length) {
            range = Arrays.copyOf(range, height * 2);
        }
        range[height++] = carry;
        size++;
    }

    /** After the last leaf: takes the root of them all. */
    void finish() {
        roots.computeIfAbsent(size, k -> root());
        wanted.clear();
        finished = true;
    }

    /** Number of leaves folded in. */
    long size() {
        return size;
    }

    /**
     * The root of the first {@code n} leaves, {@code 0 ≤ n ≤ size()}, after {@link #finish()}; read
     * again from the leaves when it was not taken on the way.
     */
    byte[] root(long n) {
        if (n < 0 || n > size || !finished) {
            throw new IllegalArgumentException("no root of " + n + " leaves in a log of " + size);
        }
        if (!roots.containsKey(n)) {
            ensure(java.util.List.of(n));
        }
        return roots.get(n).clone();
    }

    /** Makes sure the roots of these sizes are at hand, reading the leaves again at most once for all of them. */
    void ensure(Collection<Long> sizes) {
        LogRoots replay = new LogRoots(null);
        boolean missing = false;
        for (long n : sizes) {
            if (n >= 0 && n <= size && !roots.containsKey(n)) {
                replay.want(n);
                missing = true;
            }
        }
        if (!missing) {
            return;
        }
        try {
            again.forEach(replay::append);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        replay.finish();
        if (replay.size != size || !Arrays.equals(replay.roots.get(size), roots.get(size))) {
            throw new UncheckedIOException(new IOException("the entries read again are not the ones verified:"
                    + " the bundle changed while it was being verified"));
        }
        replay.roots.forEach(roots::putIfAbsent);
    }

    /** The root of the leaves folded in so far. */
    private byte[] root() {
        if (height == 0) {
            return Digests.sha256();
        }
        byte[] root = range[height - 1];
        for (int i = height - 2; i >= 0; i--) {
            root = node(range[i], root);
        }
        return root;
    }

    private byte[] node(byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }
}
