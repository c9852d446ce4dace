package org.gongzhang.verifier.bundle;

/** The names of the files inside a bundle ZIP. */
final class BundleFiles {
    static final String MANIFEST = "bundle.json";
    static final String ENTRIES = "entries.jsonl";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String STATEMENT = "statement.json";
    static final String LOG_KEY_ROTATIONS = "log-key-rotations.txt";

    private BundleFiles() {
    }
}
