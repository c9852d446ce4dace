package org.gongzhang.reporting.ocds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The OCDS 1.1.5 release package of one tender: one release per entry of its lifecycle
 * (published, each bid, opening, evaluation, award, award notice, contract, each payment and its
 * release, acceptance, final account), read from the book's signed entries alone. Pure: the same
 * entries give the same bytes. The package is dated by its last release, as OCDS asks of packages
 * made on demand.
 */
public final class TenderReleasePackage {

    /** The OCDS major.minor version a package states. */
    public static final String OCDS_VERSION = "1.1";

    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(ReleaseWriter.NODES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private TenderReleasePackage() {
    }

    /**
     * The release package of {@code tenderId}.
     *
     * @param entries the book's accepted entries in log order, from {@code book.opened} on; entries of
     *                other tenders and other business are skipped
     * @throws IllegalArgumentException when the entries do not begin with {@code book.opened} or
     *                                  hold no publication of the tender
     */
    public static ObjectNode of(OcdsSettings settings, List<SignedEntry> entries, String tenderId) {
        Builder builder = builder(settings, tenderId);
        entries.forEach(builder::apply);
        return builder.build();
    }

    /** A release package of {@code tenderId} built from a book's entries fed one at a time (see {@link #of}). */
    public static Builder builder(OcdsSettings settings, String tenderId) {
        return new Builder(settings, tenderId);
    }

    /**
     * Builds one tender's release package as a book's entries go past, in log order from
     * {@code book.opened} on, keeping the tender's releases and what its process needs, not the
     * entries: the package of a tender in a large book without holding the book's log.
     */
    public static final class Builder {

        private final OcdsSettings settings;
        private final String tenderId;
        private final TenderProcess process;
        private final ReleaseWriter writer;
        private final ArrayNode releases = ReleaseWriter.NODES.arrayNode();
        private boolean first = true;
        private boolean opened;
        private EntryHeader last;

        private Builder(OcdsSettings settings, String tenderId) {
            this.settings = settings;
            this.tenderId = tenderId;
            this.process = new TenderProcess(tenderId);
            this.writer = new ReleaseWriter(settings, process);
        }

        /** The next entry. */
        public void apply(SignedEntry entry) {
            EntryHeader header = entry.header();
            if (first) {
                first = false;
                opened = "book.opened".equals(header.kind());
            }
            if (!opened) {
                return;
            }
            List<String> tags = process.apply(entry, header);
            if (!tags.isEmpty()) {
                releases.add(writer.release(header, tags));
                last = header;
            }
        }

        /**
         * The package.
         *
         * @throws IllegalArgumentException when the entries did not begin with {@code book.opened}
         *                                  or held no publication of the tender
         */
        public ObjectNode build() {
            if (!opened) {
                throw new IllegalArgumentException("the entries must begin with book.opened");
            }
            if (last == null) {
                throw new IllegalArgumentException("tender " + tenderId + " was not published in these entries");
            }
            ObjectNode pack = ReleaseWriter.NODES.objectNode();
            pack.put("uri", settings.packageUri(last.book(), tenderId).toString());
            ObjectNode publisher = pack.putObject("publisher").put("name", settings.publisherName());
            if (settings.publisherUid() != null) {
                publisher.put("scheme", settings.publisherScheme()).put("uid", settings.publisherUid());
            }
            pack.put("publishedDate", last.recordedAt().toString());
            pack.put("version", OCDS_VERSION);
            pack.set("releases", releases);
            return pack;
        }
    }

    /** The package as JSON text, amounts written as plain decimals (e.g. {@code 98000.00}). */
    public static String toJson(ObjectNode releasePackage) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(releasePackage);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
